/**
 * Compares the offline Italian voices on the guides' own sentences (docs/narration.md shows a run):
 * duration, speaking rate, level, clipping and noise between words, synthesis time, and each
 * engine's phoneme transcription of the tricky words. Usage: npx tsx speech/compare-voices.ts [--out DIR]
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { decodeToFloat } from './clip-audio';
import type { PresenterVoice, SpeechEngine } from './engine';
import { espeakEngine } from './espeak';
import { festivalEngine, festivalText } from './festival';
import { run } from './process';
import { parseWav } from './wav';
import { speakable } from './speakable';

export const TEST_SENTENCES = [
  'Gentile Nicolò, benvenuto nella tua videoguida.',
  'La domanda riguarda i tuoi figli Gioele, Niccolò e Zoë D’Amico Dell’Acqua.',
  'Nei primi mesi riceverai 1.234,56 € lordi al mese; dal sesto mese 1.155,31 €.',
  'Il primo pagamento è previsto il 1 aprile 2026; la domanda è bloccata dal 15/03/2026.',
  "La NASpI è tassata come uno stipendio: l'Istituto trattiene l'IRPEF, e senza ISEE spetta solo l'importo minimo.",
  'Nella famiglia, i figli scelgono; il bisogno di lasciare il pacchetto in città: ventitré, perché.',
  "Se il RED non arriva, queste prestazioni sono sospese; se non lo invii entro sessanta giorni dalla sospensione, sono revocate e le somme pagate per quell'anno ti vengono chieste indietro.",
];

export const TRICKY_WORDS = [
  'Nicolò',
  "D'Amico",
  "Dell'Acqua",
  'famiglia',
  'figli',
  'bisogno',
  'lasciare',
  'scegliere',
  'pacchetto',
  'città',
  'ventitré',
  'perché',
  'Nàspi',
  'ìrpef',
  'ìsee',
  'reddito',
  'unico',
  'modifica',
  'comunicalo',
  'chiederle',
  'rimettersi',
  'anticipo',
  'telefono',
  'duemilaventisei',
];

const VOICES: { name: string; engine: SpeechEngine; voice: PresenterVoice }[] = [
  { name: 'espeak-ng it+f3', engine: espeakEngine(), voice: 'F' },
  { name: 'espeak-ng it+m3', engine: espeakEngine(), voice: 'M' },
  { name: 'festival lp (F)', engine: festivalEngine(), voice: 'F' },
  { name: 'festival pc (M)', engine: festivalEngine(), voice: 'M' },
];

// Syllable nuclei of the spoken text, counted the same way for every engine (a fair rate measure).
const syllables = (text: string): number => (text.toLowerCase().match(/[aeiouàèéìíòóù]+/g) ?? []).length;

function levels(x: Float32Array, win: number) {
  const n = x.length;
  let peak = 0;
  let clipped = 0;
  const windows: number[] = [];
  for (let w = 0; w + win <= n; w += win) {
    let sum = 0;
    for (let i = w; i < w + win; i++) {
      const s = x[i]!;
      peak = Math.max(peak, Math.abs(s));
      if (Math.abs(s) >= 32767 / 32768) clipped += 1;
      sum += s * s;
    }
    windows.push(Math.sqrt(sum / win));
  }
  const db = (v: number) => (v > 0 ? 20 * Math.log10(v) : -120);
  // Level in the pauses: the median of the 20 ms windows quieter than -45 dBFS (digital silence is -120).
  const pauses = windows
    .map(db)
    .filter((d) => d < -45)
    .sort((a, b) => a - b);
  return { peakDb: db(peak), clipped, pauseDb: pauses.length ? pauses[Math.floor(pauses.length / 2)]! : NaN };
}

async function festivalPhones(voice: string, words: string[]): Promise<string[]> {
  const dir = await mkdtemp(path.join(tmpdir(), 'festival-phones-'));
  const script = path.join(dir, 'phones.scm');
  const body = words
    .map(
      (w) =>
        `(set! u (utt.synth (Utterance Text "${festivalText(w)}")))(mapcar (lambda (s) (format t "%s " (item.name s))) (utt.relation.items u 'Segment))(format t "\\n")`,
    )
    .join('\n');
  await writeFile(script, Buffer.from(`(${voice})\n${body}\n`, 'latin1'));
  try {
    const { stdout } = await run('festival', ['-b', script]);
    return stdout
      .toString('latin1')
      .trim()
      .split('\n')
      .map((l) => l.replace(/\bpau\b/g, '').trim());
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function espeakPhones(words: string[]): Promise<string[]> {
  return Promise.all(
    words.map(async (w) => (await run('espeak-ng', ['-v', 'it', '-x', '-q', '-b', '1', '--stdin'], { input: w })).stdout.toString('utf8').trim()),
  );
}

async function main(): Promise<void> {
  const outIdx = process.argv.indexOf('--out');
  const out = outIdx > 0 ? process.argv[outIdx + 1] : undefined;
  const lines: string[] = [
    '| voice | sentence | seconds | syllables/s | synthesis ms | peak dBFS | clipped samples | peak at 48 kHz dBFS | pause level dB |',
    '|---|---|---|---|---|---|---|---|---|',
  ];
  for (const v of VOICES) {
    for (const [i, sentence] of TEST_SENTENCES.entries()) {
      const text = speakable(sentence, 'it');
      const started = performance.now();
      const result = await v.engine.synthesize({ text, locale: 'it', voice: v.voice });
      const ms = performance.now() - started;
      // Levels on the engine's own samples (its real clipping), and the peak once resampled to 48 kHz.
      const native = parseWav(result.audio);
      const lv = levels(
        Float32Array.from({ length: native.data.length >> 1 }, (_, k) => native.data.readInt16LE(k * 2) / 32768),
        Math.round(native.sampleRate / 50),
      );
      const resampled = levels(await decodeToFloat(result.audio), 960);
      const seconds = result.durationMs / 1000;
      lines.push(
        `| ${v.name} | ${i + 1} | ${seconds.toFixed(2)} | ${(syllables(text) / seconds).toFixed(2)} | ${ms.toFixed(0)} | ${lv.peakDb.toFixed(1)} | ${lv.clipped} | ${resampled.peakDb.toFixed(1)} | ${lv.pauseDb.toFixed(1)} |`,
      );
      if (out) await writeFile(path.join(out, `${v.name.replace(/\W+/g, '-')}-${i + 1}.wav`), result.audio);
    }
  }
  const [esp, lp] = await Promise.all([espeakPhones(TRICKY_WORDS), festivalPhones('voice_lp_diphone', TRICKY_WORDS)]);
  lines.push('', '| word | espeak-ng -x | festival lp segments |', '|---|---|---|');
  TRICKY_WORDS.forEach((w, i) => lines.push(`| ${w} | \`${esp[i]}\` | \`${lp[i] ?? ''}\` |`));
  process.stdout.write(`${lines.join('\n')}\n`);
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
