import type { Locale } from '../compositions/common/locale';
import { defaultTheme, type Theme } from '../compositions/common/theme';
import lexiconFile from './lexicon.json' with { type: 'json' };
import { SPELLED_JOIN, dialDigits, themePhoneNumbers, type PhoneWords } from './phone-numbers';
import { PHONE_WORDS_EN, RULES_EN } from './spoken-en';
import { PHONE_WORDS_IT, RULES_IT, type Rule } from './spoken-it';

export type Lexicon = Record<string, string>;

export interface SpeakableOptions {
  /**
   * The theme's phone numbers (contact centre from landlines and from mobiles) are always read digit by
   * digit, whatever their shape; other numbers in the text are recognised by phone-numbers.ts.
   */
  theme?: Theme;
  /** Extra or overriding entries, e.g. how an institute's own acronym is said. */
  lexicon?: Partial<Record<Locale, Lexicon>>;
}

const BUILT_IN: Record<Locale, Lexicon> = { it: lexiconFile.it, en: lexiconFile.en };
const RULES: Record<Locale, Rule[]> = { it: RULES_IT, en: RULES_EN };
const PHONE_WORDS: Record<Locale, PhoneWords> = { it: PHONE_WORDS_IT, en: PHONE_WORDS_EN };

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const compiled = new WeakMap<Lexicon, RegExp>();

function lexiconRegex(lexicon: Lexicon): RegExp {
  let re = compiled.get(lexicon);
  if (!re) {
    // Longest first, so "NASpI-Com" wins over "NASpI"; lower-case keys also match capitalised.
    const keys = Object.keys(lexicon)
      .filter((k) => !k.startsWith('$'))
      .sort((a, b) => b.length - a.length);
    const alternatives = keys.map((k) => (k === k.toLowerCase() ? `[${k[0]}${k[0]!.toUpperCase()}]${escape(k.slice(1))}` : escape(k)));
    re = new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}])`, 'gu');
    compiled.set(lexicon, re);
  }
  return re;
}

export function applyLexicon(text: string, lexicon: Lexicon): string {
  return text.replace(lexiconRegex(lexicon), (word) => {
    const exact = lexicon[word];
    if (exact !== undefined) return exact;
    const spoken = lexicon[word.charAt(0).toLowerCase() + word.slice(1)] ?? word;
    return spoken.charAt(0).toUpperCase() + spoken.slice(1);
  });
}

/**
 * Narration written for the screen → text for a speech engine, in the narration's locale: amounts,
 * dates, ordinals, percentages, numbers, spelled characters and the domain's acronyms become words.
 * Caption text stays as written; only what is spoken goes through here.
 */
export function speakable(text: string, locale: Locale, options: SpeakableOptions = {}): string {
  const theme = options.theme ?? defaultTheme;
  let s = text
    .normalize('NFC')
    .replace(/[\u00a0\u202f]/g, ' ')
    .replace(/[‘’]/g, "'");
  for (const number of themePhoneNumbers(theme)) {
    const re = new RegExp(`(?<![\\d+])(\\+\\d{1,3} ?)?${escape(number.trim())}(?!\\d)`, 'g');
    s = s.replace(re, (_m, country: string | undefined) => dialDigits(`${country ?? ''}${number}`, PHONE_WORDS[locale]));
  }
  // replace() passes the groups, then the offset and the whole string: keep the groups only. A form
  // a rule cannot say ("32 marzo") stays as written rather than failing the whole guide's narration.
  for (const [re, speak] of RULES[locale]) {
    s = s.replace(re, (match: string, ...rest: unknown[]) => {
      try {
        return speak(...(rest.slice(0, -2) as string[]));
      } catch {
        return match;
      }
    });
  }
  const extra = options.lexicon?.[locale];
  s = applyLexicon(s, extra ? { ...BUILT_IN[locale], ...extra } : BUILT_IN[locale]);
  return s
    .replaceAll(SPELLED_JOIN, ' ')
    .replace(/[«»“”"]/g, '')
    .replace(/\s*[()]\s*/g, ', ')
    .replace(/\s*[–—]\s*/g, ', ')
    .replace(/\s+([,.;:!?])/g, '$1')
    .replace(/,\s*,/g, ',')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/,\s*(?=[.;:!?]|$)/g, '');
}
