import type { Locale, Localized } from '../common/locale';
import { FPS, type Action, type ServiceId, type Storyboard } from '../common/storyboard-types';

/**
 * The accessible alternative to the video: what the presenter says, scene by scene, with the
 * buttons and pop-ups spoken too, so a citizen who cannot see the screen learns what each button
 * does and reads every pop-up. A pure function of the storyboard: the player shows it and the API
 * can serve it, both from the same data.
 */
export interface TranscriptSection {
  sceneId: string;
  title: string;
  /** Where the scene starts in the video, for a "play from here" link. */
  startSeconds: number;
  paragraphs: string[];
  /** The scene's buttons, in the order they appear, for the page to offer as real links. */
  buttons: { actionId: string; label: string; service: ServiceId }[];
}

export interface Transcript {
  locale: Locale;
  sections: TranscriptSection[];
}

/** What each service lets the citizen do, phrased to follow "Per…" / "To…". */
export const SERVICE_PURPOSE: Record<ServiceId, Localized> = {
  'naspi-payments': { it: 'vedere i tuoi pagamenti', en: 'see your payments' },
  'naspi-com': { it: 'comunicare un nuovo lavoro o altre variazioni', en: 'report a new job or other changes' },
  'naspi-advance': { it: "chiedere l'anticipo della NASpI per avviare un'attività", en: 'ask for the NASpI advance to start a business' },
  'pension-payslip': { it: 'scaricare il cedolino della pensione', en: 'download your pension payslip' },
  'pension-cu': { it: 'scaricare la Certificazione Unica', en: 'download your Certificazione Unica (CU)' },
  'pension-certificate': { it: 'scaricare il certificato di pensione', en: 'download your pension certificate' },
  'pension-deductions': { it: 'chiedere le detrazioni fiscali', en: 'request tax deductions' },
  'red-online': { it: 'inviare il RED online', en: 'send the RED online' },
  'find-intermediary': { it: 'trovare un CAF o un professionista vicino a te', en: 'find a CAF or a professional near you' },
  'auu-manage': { it: 'completare la domanda di Assegno Unico', en: 'complete your Assegno Unico application' },
  'auu-iban': { it: "aggiornare l'IBAN", en: 'update your IBAN' },
  'auu-documents': { it: 'allegare i documenti', en: 'attach the documents' },
  'sfl-apply': { it: 'presentare la domanda online', en: 'apply online' },
  'sfl-tutorial': { it: 'scaricare il tutorial', en: 'download the tutorial' },
  'verdict-online': { it: 'aprire il tuo verbale online', en: 'open your report online' },
  'disability-card': { it: 'chiedere la Disability Card', en: 'request the Disability Card' },
  'medical-documents': { it: 'allegare la documentazione sanitaria', en: 'attach medical documents' },
  'red-simplified': { it: 'inviare il RED semplificato', en: 'send the simplified RED' },
  'reserved-area': { it: 'entrare nella tua area riservata', en: 'go to your reserved area' },
};

const quote: Record<Locale, (s: string) => string> = { it: (s) => `«${s}»`, en: (s) => `“${s}”` };

function spokenAction(action: Action, locale: Locale): string[] {
  const q = quote[locale];
  const label = q(action.label[locale]);
  if (action.kind === 'button') {
    const purpose = SERVICE_PURPOSE[action.service][locale];
    return [locale === 'it' ? `Per ${purpose}, usa il pulsante ${label} sotto il video.` : `To ${purpose}, use the button ${label} under the video.`];
  }
  const title = q(action.popup.title[locale]);
  const intro =
    locale === 'it'
      ? `Il pulsante ${label} sotto il video apre l'approfondimento ${title}, che dice:`
      : `The button ${label} under the video opens the pop-up ${title}, which says:`;
  return [intro, ...action.popup.body.map((p) => p[locale])];
}

export function transcriptOf(storyboard: Storyboard): Transcript {
  const locale = storyboard.locale;
  return {
    locale,
    sections: storyboard.scenes.map((scene) => {
      const actions = [...scene.actions].sort((a, b) => a.startFrame - b.startFrame);
      return {
        sceneId: scene.id,
        title: scene.title[locale],
        startSeconds: scene.from / FPS,
        paragraphs: [scene.narration[locale], ...actions.flatMap((a) => spokenAction(a, locale))],
        buttons: actions.flatMap((a) => (a.kind === 'button' ? [{ actionId: a.id, label: a.label[locale], service: a.service }] : [])),
      };
    }),
  };
}

const clock = (seconds: number): string => `${Math.floor(seconds / 60)}:${String(Math.floor(seconds % 60)).padStart(2, '0')}`;

/** Plain text (for a download or a screen reader): a heading with the time, then the paragraphs. */
export function transcriptText(transcript: Transcript): string {
  return transcript.sections.map((s) => [`${s.title} (${clock(s.startSeconds)})`, ...s.paragraphs].join('\n\n')).join('\n\n\n');
}
