import type { GuideType } from '../../compositions/common/envelope';
import type { Locale } from '../../compositions/common/locale';

/** What each guide type's message says, per locale: the subject and one paragraph of why. */
export interface TypeCopy {
  subject: string;
  lead: string;
}

export const TYPE_COPY: Record<GuideType, Record<Locale, TypeCopy>> = {
  naspi: {
    it: {
      subject: 'La tua videoguida sulla NASpI è pronta',
      lead: 'La tua domanda di NASpI è stata accolta. Abbiamo preparato per te una videoguida personalizzata: importo, durata, date di pagamento e cosa fare se trovi un nuovo lavoro.',
    },
    en: {
      subject: 'Your NASpI video guide is ready',
      lead: 'Your NASpI application has been accepted. We have prepared a personal video guide for you: the amount, how long it lasts, the payment dates and what to do if you find a new job.',
    },
  },
  pensione: {
    it: {
      subject: 'La videoguida sulla tua nuova pensione',
      lead: 'La tua pensione è stata liquidata. Nella videoguida personalizzata trovi la data e l’importo del primo pagamento, il cedolino, la Certificazione Unica e gli adempimenti.',
    },
    en: {
      subject: 'Your new pension: your video guide',
      lead: 'Your pension has been granted. Your personal video guide shows the date and amount of the first payment, the payslip, the CU tax certificate and your obligations.',
    },
  },
  red: {
    it: {
      subject: 'Dichiarazione reddituale RED: la tua videoguida',
      lead: 'Non abbiamo ancora ricevuto la tua dichiarazione reddituale (RED). La videoguida personalizzata spiega perché è importante, qual è la scadenza e come inviarla.',
    },
    en: {
      subject: 'Income declaration (RED): your video guide',
      lead: 'We have not yet received your income declaration (RED). Your personal video guide explains why it matters, the deadline and how to send it.',
    },
  },
  auu: {
    it: {
      subject: 'Assegno Unico: la tua domanda ha bisogno di te',
      lead: 'La tua domanda di Assegno Unico è bloccata. La videoguida personalizzata ti mostra come sbloccarla in pochi passaggi.',
    },
    en: {
      subject: 'Assegno Unico: your application needs you',
      lead: 'Your Assegno Unico application is on hold. Your personal video guide shows how to unblock it in a few steps.',
    },
  },
  invalidita: {
    it: {
      subject: 'Verbale di invalidità civile: la videoguida',
      lead: 'Il verbale sanitario è disponibile. La videoguida personalizzata spiega che cosa dice il verbale, che cosa comporta e che cosa si può fare online.',
    },
    en: {
      subject: 'Civil invalidity report: your video guide',
      lead: 'The medical report is available. Your personal video guide explains what the report says, what it means and what can be done online.',
    },
  },
  sfl: {
    it: {
      subject: 'Supporto per la Formazione e il Lavoro: la videoguida',
      lead: 'Una videoguida spiega in cinque passaggi come chiedere il Supporto per la Formazione e il Lavoro.',
    },
    en: {
      subject: 'Support for Training and Work: the video guide',
      lead: 'A video guide explains in five steps how to apply for the Support for Training and Work.',
    },
  },
};

/** The words every message shares. */
export const COMMON: Record<
  Locale,
  {
    greeting: (name: string) => string;
    hello: string;
    cta: string;
    personal: (date: string) => string;
    footer: string;
    sms: (title: string, link: string, date: string) => string;
  }
> = {
  it: {
    greeting: (name) => `Gentile ${name},`,
    hello: 'Gentile cittadina, gentile cittadino,',
    cta: 'Guarda la videoguida',
    personal: (date) => `Il link è personale: non inoltrarlo. La videoguida è disponibile fino al ${date}.`,
    footer:
      'Ricevi questo messaggio perché hai aderito ai servizi proattivi. Puoi revocare il consenso in qualsiasi momento nella tua area riservata, sezione «Gestione consensi». Questo è un messaggio automatico: non rispondere.',
    sms: (title, link, date) => `Videoguida «${title}» pronta per te: ${link} (link personale, fino al ${date})`,
  },
  en: {
    greeting: (name) => `Dear ${name},`,
    hello: 'Dear citizen,',
    cta: 'Watch the video guide',
    personal: (date) => `This link is personal: please do not forward it. The video guide is available until ${date}.`,
    footer:
      'You receive this message because you opted in to proactive services. You can withdraw your consent at any time in your reserved area, under “Consent management”. This is an automatic message: please do not reply.',
    sms: (title, link, date) => `Your video guide "${title}" is ready: ${link} (personal link, until ${date})`,
  },
};
