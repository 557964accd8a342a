/**
 * npm run bench:narration [-- --type pensione]
 * Narration synthesis time of a full pension guide (the longest type; `--type` another): with a cold cache, with a warm
 * cache, and for a second citizen of the same type (only the personal sentences are synthesised),
 * then the guide's loudness-normalised AAC track. Prints one `name: value unit` line per figure.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { GuideType } from '../compositions/common/envelope';
import { generateEnvelopes } from '../compositions/generator/generate';
import { envelopeSchema, guideSchema, type Guide, publicPart } from '../compositions/guide-types';
import { loadConfig } from '../server/config';
import { ClipCache } from '../speech/clip-cache';
import { createEngine } from '../speech/config';
import { countingEngine } from '../speech/engine';
import { buildGuideAudio } from '../speech/guide-audio';
import { narrateGuide } from '../speech/narrate';

process.env.LOG_LEVEL ??= 'warn';

const { values } = parseArgs({ options: { type: { type: 'string', default: 'pensione' } } });
const [first, second] = [...generateEnvelopes(values.type as GuideType, 2, 'bench-narration')].map((e): Guide =>
  guideSchema.parse(publicPart(envelopeSchema.parse(e))),
);
const dir = await mkdtemp(path.join(tmpdir(), 'bench-narration-'));
const engine = countingEngine(createEngine(loadConfig(process.env).speech));
const cache = new ClipCache({ dir, engine });

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const result = await work();
  return [result, (performance.now() - started) / 1000];
}

try {
  const [cold, coldS] = await timed(() => narrateGuide(first!, { cache }));
  const coldCalls = engine.calls;
  const [, warmS] = await timed(() => narrateGuide(first!, { cache }));
  const warmCalls = engine.calls - coldCalls;
  const [, secondS] = await timed(() => narrateGuide(second!, { cache }));
  const [, audioS] = await timed(() => buildGuideAudio(cold, path.join(dir, 'guide.m4a')));
  const lines = [
    ['narration_cold_s', coldS.toFixed(2), 's'],
    ['narration_warm_s', warmS.toFixed(3), 's'],
    ['narration_second_citizen_s', secondS.toFixed(2), 's'],
    ['narration_sentences', String(cold.stats.sentences), 'sentences'],
    ['narration_cold_syntheses', String(coldCalls), 'clips'],
    ['narration_warm_syntheses', String(warmCalls), 'clips'],
    ['narration_second_citizen_syntheses', String(engine.calls - coldCalls - warmCalls), 'clips'],
    ['narration_guide_duration_s', (cold.storyboard.durationInFrames / 30).toFixed(1), 's'],
    ['narration_audio_track_s', audioS.toFixed(2), 's'],
  ];
  process.stdout.write(lines.map(([name, value, unit]) => `${name}: ${value} ${unit}`).join('\n') + '\n');
} finally {
  await rm(dir, { recursive: true, force: true });
}
