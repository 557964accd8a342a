import { prepArt } from '../../compositions/common/italian';
import type { Locale } from '../../compositions/common/locale';

/** The page's own words (the guide's content carries both languages itself). */
const it = {
  decimal: ',',
  skip: 'Vai al video',
  institute: 'Istituto di Previdenza',
  switchTo: 'English',
  switchLabel: 'Switch to English',
  personalGuide: 'La tua videoguida personale',
  // "fino all'8 marzo 2026", "fino al 1º marzo 2026": the Italian helper merges and elides.
  availableUntil: (d: string) => `Disponibile fino ${prepArt('a', d.replace(/^1 /, '1º '))}`,
  video: 'Videoguida',
  play: 'Guarda',
  resume: 'Continua',
  pause: 'Pausa',
  replay: 'Rivedi dall’inizio',
  back10: 'Indietro 10 secondi',
  back10Short: '−10 s',
  position: 'Posizione nel video',
  fullscreenShort: 'Ingrandisci',
  captions: 'Sottotitoli',
  captionsHere: 'Qui compaiono i sottotitoli.',
  speed: 'Velocità',
  mute: 'Togli l’audio',
  unmute: 'Attiva l’audio',
  sound: 'Audio',
  volume: 'Volume',
  fullscreen: 'Schermo intero',
  chapters: 'Capitoli',
  transcript: 'Testo completo',
  transcriptIntro: 'Tutto quello che dice la videoguida, con i pulsanti e gli approfondimenti.',
  playFromHere: (t: string) => `Guarda da ${t}`,
  audioOnly: 'Solo audio',
  audioOnlyIntro: 'Ascolta la guida senza guardare il video.',
  audioOnlyFile: 'Scarica l’audio (M4A)',
  audioOnlyLive: 'Ascolta solo l’audio',
  audioOnlyBack: 'Torna al video',
  audioOnlyLiveNote: 'Il file audio da scaricare sarà pronto a breve; intanto puoi ascoltare la guida qui.',
  servicesHeading: 'Servizi e approfondimenti',
  servicesEmpty: 'I pulsanti compaiono qui durante il video.',
  newTab: '(si apre in una nuova scheda)',
  close: 'Chiudi',
  backToVideo: 'Chiudi e torna al video',
  resumeFrom: (t: string) => `Riprendi da ${t}`,
  startOver: 'Ricomincia dall’inizio',
  ratingQuestion: 'Questa videoguida ti è stata utile?',
  ratingHint: 'Scegli da 1 (per niente) a 5 (moltissimo).',
  ratingValue: (n: number) => `${n} su 5`,
  ratingThanks: 'Grazie per la tua valutazione!',
  preparingAudio: 'Preparazione dell’audio…',
  noAudio: 'Audio non disponibile: segui i sottotitoli.',
  loading: 'Caricamento della videoguida…',
  notFoundTitle: 'Videoguida non disponibile',
  notFound: 'Il collegamento non è valido oppure la videoguida è scaduta. Puoi ritrovare le tue videoguide nell’area riservata del sito dell’Istituto.',
  error: 'Non è stato possibile caricare la videoguida. Controlla la connessione e riprova.',
  retry: 'Riprova',
  help: (landline: string, mobile: string) => `Hai bisogno di aiuto? Chiama il contact center: ${landline} da rete fissa, gratuito, o ${mobile} da cellulare.`,
  usePlayer: 'Versione video',
};
export type Strings = typeof it;

const en: Strings = {
  decimal: '.',
  skip: 'Skip to the video',
  institute: 'Social Security Institute',
  switchTo: 'Italiano',
  switchLabel: 'Passa all’italiano',
  personalGuide: 'Your personal video guide',
  availableUntil: (d) => `Available until ${d}`,
  video: 'Video guide',
  play: 'Play',
  resume: 'Continue',
  pause: 'Pause',
  replay: 'Watch again from the start',
  back10: 'Back 10 seconds',
  back10Short: '−10 s',
  position: 'Position in the video',
  fullscreenShort: 'Full screen',
  captions: 'Captions',
  captionsHere: 'Captions appear here.',
  speed: 'Speed',
  mute: 'Mute',
  unmute: 'Unmute',
  sound: 'Sound',
  volume: 'Volume',
  fullscreen: 'Full screen',
  chapters: 'Chapters',
  transcript: 'Full text',
  transcriptIntro: 'Everything the video guide says, with its buttons and pop-ups.',
  playFromHere: (t) => `Play from ${t}`,
  audioOnly: 'Audio only',
  audioOnlyIntro: 'Listen to the guide without watching the video.',
  audioOnlyFile: 'Download the audio (M4A)',
  audioOnlyLive: 'Listen to the audio only',
  audioOnlyBack: 'Back to the video',
  audioOnlyLiveNote: 'The audio file to download will be ready soon; meanwhile you can listen to the guide here.',
  servicesHeading: 'Services and more information',
  servicesEmpty: 'Buttons appear here during the video.',
  newTab: '(opens in a new tab)',
  close: 'Close',
  backToVideo: 'Close and go back to the video',
  resumeFrom: (t) => `Continue from ${t}`,
  startOver: 'Start from the beginning',
  ratingQuestion: 'Was this video guide useful?',
  ratingHint: 'Choose from 1 (not at all) to 5 (very much).',
  ratingValue: (n) => `${n} out of 5`,
  ratingThanks: 'Thank you for your rating!',
  preparingAudio: 'Preparing the audio…',
  noAudio: 'Audio not available: follow the captions.',
  loading: 'Loading the video guide…',
  notFoundTitle: 'Video guide not available',
  notFound: 'The link is not valid or the video guide has expired. You can find your video guides in the reserved area of the Institute’s website.',
  error: 'The video guide could not be loaded. Check your connection and try again.',
  retry: 'Try again',
  help: (landline, mobile) => `Need help? Call the contact centre: ${landline} from a landline, free of charge, or ${mobile} from a mobile.`,
  usePlayer: 'Video version',
};

export const STRINGS: Record<Locale, Strings> = { it, en };

const LANG_KEY = 'vg:lang';

/** The citizen's last choice on this device, else the guide's own language. */
export function initialLang(guideLocale: Locale | undefined): Locale {
  try {
    const saved = localStorage.getItem(LANG_KEY);
    if (saved === 'it' || saved === 'en') return saved;
  } catch {
    // storage blocked (private mode, third-party iframe): fall through
  }
  return guideLocale ?? 'it';
}

export function saveLang(lang: Locale): void {
  try {
    localStorage.setItem(LANG_KEY, lang);
  } catch {
    // not kept: harmless
  }
}

/** 83.4 → "1:23". */
export const clock = (seconds: number): string => {
  const s = Math.max(0, Math.floor(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
};

export const formatDate = (iso: string, lang: Locale): string =>
  new Date(iso).toLocaleDateString(lang === 'it' ? 'it-IT' : 'en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Rome' });
