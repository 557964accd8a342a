import { prepArt, the } from '../../compositions/common/italian';
import type { Localized } from '../../compositions/common/locale';
import { MIN_COUNT, type Comparison, type Interval } from './stats';

/**
 * The plain-language sentence of one figure, in Italian and English. It claims an effect only when the
 * groups are large enough (stats.ts MIN_COUNT) and the 95% interval of the difference excludes zero;
 * otherwise it says that no effect was found, or that the groups are too small to say anything.
 */

const fmt = {
  it: (digits: number) => new Intl.NumberFormat('it-IT', { minimumFractionDigits: digits, maximumFractionDigits: digits }),
  en: (digits: number) => new Intl.NumberFormat('en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits }),
};
type Lang = keyof typeof fmt;

const pct = (lang: Lang, share: number, digits = 1) => `${fmt[lang](digits).format(share * 100)}%`;
/** Percentage points with a sign (the minus is U+2212). */
const points = (lang: Lang, d: number, digits = 1) => {
  const s = fmt[lang](digits).format(Math.abs(d) * 100);
  // A value that rounds to zero carries no sign ("0,0", never "−0,0").
  if (s === fmt[lang](digits).format(0)) return s;
  return d > 0 ? `+${s}` : `−${s}`;
};
const count = (lang: Lang, n: number) => new Intl.NumberFormat(lang === 'it' ? 'it-IT' : 'en-GB').format(n);
/** "dal 22% al 28%" / "22% to 28%" (a share of the holdout's rate). */
const relRange = (lang: Lang, low: number, high: number) =>
  lang === 'it' ? `${prepArt('da', pct(lang, low, 0))} ${prepArt('a', pct(lang, high, 0))}` : `${pct(lang, low, 0)} to ${pct(lang, high, 0)}`;
const range = (lang: Lang, i: Interval, f: (v: number) => string) => (lang === 'it' ? `da ${f(i.low)} a ${f(i.high)}` : `${f(i.low)} to ${f(i.high)}`);

export interface SentenceContext {
  /** "citizens with …": the outcome's phrase. */
  outcome: Localized;
  windowDays: number;
  /** Day 0: the letter's print date, or the guide's creation. */
  startBasis: 'print_date' | 'creation';
}

const within = (lang: Lang, c: SentenceContext) =>
  lang === 'it'
    ? `entro ${c.windowDays} giorni ${c.startBasis === 'print_date' ? 'dalla stampa della lettera' : 'dalla creazione della videoguida'}`
    : `within ${c.windowDays} days of ${c.startBasis === 'print_date' ? 'the letter’s print date' : 'the guide’s creation'}`;

/** The randomised comparison: offered the guide (treated) against the holdout. */
export function effectSentence(c: SentenceContext, r: Comparison): Localized {
  return { it: effect('it', c, r), en: effect('en', c, r) };
}

function effect(lang: Lang, c: SentenceContext, r: Comparison): string {
  const w = within(lang, c);
  const shares = (a: string, b: string) =>
    lang === 'it'
      ? `${w}, i cittadini con ${c.outcome.it} sono stati ${the(a)} di chi ha ricevuto la videoguida e ${the(b)} del gruppo di controllo`
      : `${w}, ${a} of the citizens who were offered the guide had ${c.outcome.en}, against ${b} of the control group`;
  if (r.verdict === 'too_small') {
    const groups =
      lang === 'it'
        ? `con la videoguida ${count(lang, r.a.withOutcome)} su ${count(lang, r.a.citizens)}, gruppo di controllo ${count(lang, r.b.withOutcome)} su ${count(lang, r.b.citizens)}`
        : `offered the guide ${count(lang, r.a.withOutcome)} of ${count(lang, r.a.citizens)}, control group ${count(lang, r.b.withOutcome)} of ${count(lang, r.b.citizens)}`;
    return lang === 'it'
      ? `Gruppi troppo piccoli per concludere: servono almeno ${MIN_COUNT} cittadini con l'esito e ${MIN_COUNT} senza in ciascun gruppo (${groups}). Nessun effetto può essere affermato.`
      : `Groups too small to conclude: each group needs at least ${MIN_COUNT} citizens with the outcome and ${MIN_COUNT} without (${groups}). No effect can be claimed.`;
  }
  const d = r.difference!;
  const a = pct(lang, r.a.rate!);
  const b = pct(lang, r.b.rate!);
  const ci = range(lang, d, (v) => points(lang, v));
  if (r.verdict === 'no_effect') {
    return lang === 'it'
      ? `Nessun effetto dimostrato: ${shares(a, b)}. La differenza, ${points(lang, d.estimate)} punti percentuali (IC 95% ${ci}), comprende lo zero: i dati sono compatibili con nessun effetto.`
      : `No effect found: ${shares(a, b)}. The difference, ${points(lang, d.estimate)} percentage points (95% CI ${ci}), includes zero: the data are compatible with no effect.`;
  }
  const down = r.verdict === 'decrease';
  const mag = (v: number) => fmt[lang](1).format(Math.abs(v) * 100);
  const pointsCi =
    lang === 'it'
      ? `IC 95% da ${mag(down ? d.high : d.low)} a ${mag(down ? d.low : d.high)} punti`
      : `95% CI ${mag(down ? d.high : d.low)} to ${mag(down ? d.low : d.high)} points`;
  const rel = r.relativeChange;
  const relText = rel
    ? lang === 'it'
      ? `, cioè ${prepArt('di', pct(lang, Math.abs(rel.estimate), 0))} (${relRange(lang, down ? -rel.high : rel.low, down ? -rel.low : rel.high)})`
      : `, i.e. by ${pct(lang, Math.abs(rel.estimate), 0)} (${relRange(lang, down ? -rel.high : rel.low, down ? -rel.low : rel.high)})`
    : '';
  return lang === 'it'
    ? `Effetto misurato: ${shares(a, b)}. La videoguida ${down ? 'ha ridotto' : 'ha aumentato'} questa quota di ${mag(d.estimate)} punti percentuali (${pointsCi})${relText}.`
    : `Effect measured: ${shares(a, b)}. The guide ${down ? 'lowered' : 'raised'} this share by ${mag(d.estimate)} percentage points (${pointsCi})${relText}.`;
}

/** Among the treated: who watched against who did not. Never a causal claim. */
export function watchedSentence(c: SentenceContext, r: Comparison): Localized {
  return { it: watched('it', c, r), en: watched('en', c, r) };
}

function watched(lang: Lang, c: SentenceContext, r: Comparison): string {
  const caveat =
    lang === 'it'
      ? 'Confronto non randomizzato: chi sceglie di guardare la videoguida è diverso da chi non la guarda, quindi questa differenza non misura l’effetto della videoguida.'
      : 'Not randomised: citizens who choose to watch differ from those who do not, so this difference does not measure the effect of the guide.';
  if (r.verdict === 'too_small') {
    return lang === 'it'
      ? `Troppo pochi cittadini per confrontare chi ha guardato la videoguida con chi non l’ha guardata (servono almeno ${MIN_COUNT} con l'esito e ${MIN_COUNT} senza in ciascun gruppo). ${caveat}`
      : `Too few citizens to compare those who watched the guide with those who did not (each group needs at least ${MIN_COUNT} with the outcome and ${MIN_COUNT} without). ${caveat}`;
  }
  const d = r.difference!;
  const ci = range(lang, d, (v) => points(lang, v));
  const w = within(lang, c);
  const body =
    lang === 'it'
      ? `${w}, tra chi ha ricevuto la videoguida, i cittadini con ${c.outcome.it} sono stati ${the(pct(lang, r.a.rate!))} di chi l’ha guardata e ${the(pct(lang, r.b.rate!))} di chi non l’ha guardata (differenza ${points(lang, d.estimate)} punti, IC 95% ${ci})`
      : `${w}, among the citizens offered the guide, ${pct(lang, r.a.rate!)} of those who watched it had ${c.outcome.en}, against ${pct(lang, r.b.rate!)} of those who did not (difference ${points(lang, d.estimate)} points, 95% CI ${ci})`;
  const capital = body.charAt(0).toUpperCase() + body.slice(1);
  const none = r.verdict === 'no_effect' ? (lang === 'it' ? ': nessuna differenza dimostrata' : ': no difference found') : '';
  return `${capital}${none}. ${caveat}`;
}
