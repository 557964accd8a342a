import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import lexicon from '../speech/lexicon.json' with { type: 'json' };
import { speakable } from '../speech/speakable';

/**
 * Where the Italian lexicon places stress, checked against what the two Italian engines actually do:
 * Festival (the default Italian engine, voice_lp_diphone) and eSpeak NG (the fallback). A stress
 * syllable is counted from the start of the word, 0 for the first. Skipped where an engine is missing.
 */

const onPath = (cmd: string): boolean => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
const hasFestival = onPath('festival') && spawnSync('festival', ['--pipe'], { input: '(voice_lp_diphone)\n' }).stderr.toString().trim() === '';
const hasEspeak = onPath('espeak-ng');

/** Festival's stressed syllable of each word, from its syllable structure after synthesis. */
function festivalStress(words: string[]): Map<string, number> {
  const show =
    '(define (stressof txt) (let ((u (utt.synth (eval (list (quote Utterance) (quote Text) txt))))) (format t "VG %s" txt) ' +
    '(mapcar (lambda (w) (let ((i 0) (at -1)) (mapcar (lambda (syl) (if (string-equal (item.feat syl "stress") "1") (set! at i)) (set! i (+ i 1))) ' +
    '(item.daughters (item.relation w \'SylStructure))) (format t " %d" at))) (utt.relation.items u \'Word)) (format t "\\n")))\n';
  const script = `(voice_lp_diphone)\n${show}${words.map((w) => `(stressof "${w}")\n`).join('')}`;
  const out = spawnSync('festival', ['--pipe'], { input: Buffer.from(script, 'latin1'), timeout: 60_000 }).stdout.toString('latin1');
  const result = new Map<string, number>();
  for (const line of out.split('\n')) {
    const m = /^VG (\S+) (-?\d+)$/.exec(line.trim());
    if (m) result.set(m[1]!, Number(m[2]));
  }
  return result;
}

/** eSpeak NG's primary stress: vowels before its ' mark ("kom'unikalo" → 1, "videogw'ida" → 3). */
function espeakStress(word: string): number {
  const phonemes = spawnSync('espeak-ng', ['-v', 'it', '-x', '-q', '--stdin'], { input: word }).stdout.toString().trim();
  const before = phonemes.slice(0, phonemes.lastIndexOf("'")).replace(/@-/g, '');
  return (before.match(/[aeEioOuIU]/g) ?? []).length;
}

/** The syllable an accent marks: vowels before it, not counting i/u gliding into a neighbouring vowel. */
function accentedSyllable(word: string): number {
  const at = word.search(/[àèéìíòóùú]/);
  if (at < 0) throw new Error(`expected an accent in ${word}`);
  const w = word.toLowerCase();
  let n = 0;
  for (let i = 0; i < at; i++) {
    if (!/[aeiou]/.test(w[i]!)) continue;
    const glide = /[iu]/.test(w[i]!) && /[aeiouàèéìíòóùú]/.test(w[i + 1] ?? '');
    if (!glide && !(w[i] === 'u' && w[i - 1] === 'q')) n += 1;
  }
  return n;
}

// Every accented word the Italian lexicon speaks ("Nàspi com" → "Nàspi"), lower-cased as engines see it.
const ACCENTED = [...new Set(Object.values(lexicon.it).flatMap((spoken) => spoken.split(/\s+/).filter((w) => /[àèéìíòóùú]/.test(w))))].map((w) =>
  w.toLowerCase(),
);

// Words with no entry because both engines already stress them right (modifica is modìfica).
const RIGHT_WITHOUT_ENTRY: [string, number][] = [
  ['modifica', 1],
  ['verifica', 1],
  ['comunica', 1],
  ['partecipa', 1],
  ['iscriviti', 1],
  ['rivolgiti', 1],
  ['calcola', 0],
  ['sollecito', 1],
  ['superstiti', 1],
  ['dipendono', 1],
];

describe('Italian lexicon stress', () => {
  it('has no entry for modifica, which is modìfica', () => {
    expect(lexicon.it).not.toHaveProperty('modifica');
    expect(speakable('Scegli Modifica; la modifica è salvata.', 'it')).toBe('Scegli Modifica; la modifica è salvata.');
  });

  it.each([
    ['comunicalo', 'comùnicalo'],
    ['chiederle', 'chièderle'],
    ['rimettersi', 'riméttersi'],
    ['partecipare', 'partecipàre'],
    ['leggere', 'lèggere'],
    ['esserti', 'èsserti'],
    ['riconoscerle', 'riconóscerle'],
    ['rivolgerti', 'rivòlgerti'],
    ['dichiarali', 'dichiàrali'],
    ['Preparati per tempo', 'Prepàrati per tempo'],
    // Only at the start of a sentence is "preparati" the imperative; "siamo preparati" keeps the engines' stress.
    ['siamo preparati', 'siamo preparati'],
    ['presentalo', 'presèntalo'],
    ['videoguida', 'videoguìda'],
  ])('%s → %s', (written, spoken) => expect(speakable(written, 'it')).toBe(spoken));

  it.each(['comùnicalo', 'chièderle', 'riméttersi', 'modìfica', 'partecipàre', 'videoguìda', 'dichiàrali', 'onlàin', 'tutòrial', 'disabìliti'])(
    'counts the accented syllable of %s',
    (w) =>
      expect(accentedSyllable(w)).toBe(
        { comùnicalo: 1, chièderle: 0, riméttersi: 1, modìfica: 1, partecipàre: 3, videoguìda: 3, dichiàrali: 1, onlàin: 1, tutòrial: 1, disabìliti: 2 }[w],
      ),
  );

  it.skipIf(!hasFestival)('Festival stresses every accented lexicon word where its accent is', () => {
    const stress = festivalStress(ACCENTED);
    const wrong = ACCENTED.filter((w) => stress.get(w) !== accentedSyllable(w)).map((w) => `${w}: Festival ${stress.get(w)}, accent ${accentedSyllable(w)}`);
    expect(wrong).toEqual([]);
  });

  it.skipIf(!hasEspeak)('eSpeak NG stresses every accented lexicon word where its accent is', () => {
    const wrong = ACCENTED.filter((w) => espeakStress(w) !== accentedSyllable(w)).map((w) => `${w}: eSpeak ${espeakStress(w)}, accent ${accentedSyllable(w)}`);
    expect(wrong).toEqual([]);
  });

  it.skipIf(!hasFestival || !hasEspeak)('both engines already stress the words left out of the lexicon', () => {
    const stress = festivalStress(RIGHT_WITHOUT_ENTRY.map(([w]) => w));
    const wrong = RIGHT_WITHOUT_ENTRY.filter(([w, s]) => stress.get(w) !== s || espeakStress(w) !== s).map(
      ([w, s]) => `${w}: want ${s}, Festival ${stress.get(w)}, eSpeak ${espeakStress(w)}`,
    );
    expect(wrong).toEqual([]);
  });

  // An entry that only adds an accent ("comunicalo" → "comùnicalo") must be needed; respellings
  // ("online" → "onlàin") and acronyms said as words ("RED" → "rèd") change more than the stress.
  const unaccented = (s: string): string => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  it.skipIf(!hasFestival)('each stress-only entry corrects Festival or eSpeak NG: without it one of them stresses another syllable', () => {
    const entries = Object.entries(lexicon.it).filter(
      ([written, spoken]) => written !== written.toUpperCase() && unaccented(spoken) === written.toLowerCase() && spoken !== written,
    );
    expect(entries.length).toBeGreaterThan(10);
    const raw = festivalStress(entries.map(([w]) => w.toLowerCase()));
    const needless = entries
      .filter(
        ([written, spoken]) =>
          raw.get(written.toLowerCase()) === accentedSyllable(spoken) && (!hasEspeak || espeakStress(written) === accentedSyllable(spoken)),
      )
      .map(([w]) => w);
    expect(needless).toEqual([]);
  });
});
