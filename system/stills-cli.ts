/**
 * npx tsx system/stills-cli.ts [--out docs/stills] [--only naspi,auu]
 * Key-scene stills of every guide type (docs/stills/<type>-<scene>.jpg), plus the edge cases a
 * designer must see: a 60-character name, accents and apostrophes, 24 monthly payments, English.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { renderStill, selectComposition } from '@remotion/renderer';
import { SCENE_FADE_OUT_FRAMES } from '../compositions/common/layers';
import { type GuideType } from '../compositions/common/envelope';
import { generateEnvelopes } from '../compositions/generator/generate';
import { guideSchema, storyboardOf, type Guide, publicPart } from '../compositions/guide-types';
import { settledFrame } from '../compositions/scenes/layers-of';
import { sampleGuide } from '../compositions/video/default-props';
import { loadConfig } from '../server/config';
import { browserSetup, openRenderBrowser, remotionTarget } from '../render-worker/browser';
import { ensureBundle, REPO_ROOT } from '../render-worker/bundle';

interface StillSpec {
  file: string;
  guide: Guide;
  scenes: string[];
}

/** The first generated guide of the type that `wanted` accepts (deterministic: a fixed seed). */
function findGuide(type: GuideType, wanted: (g: Guide) => boolean): Guide {
  for (const envelope of generateEnvelopes(type, 200, 'stills')) {
    const guide = guideSchema.parse(publicPart(envelope as never));
    if (wanted(guide)) return guide;
  }
  throw new Error(`no generated ${type} guide matches`);
}

const withName = (guide: Guide, givenName: string, gender?: 'F' | 'M'): Guide =>
  'citizen' in guide ? guideSchema.parse({ ...guide, citizen: { ...guide.citizen, givenName, ...(gender ? { gender } : {}) } }) : guide;

function specs(): StillSpec[] {
  // A payslip with every usual line, as in the second year of a pension (surcharges appear then).
  const payslip = findGuide(
    'pensione',
    (g) =>
      g.type === 'pensione' &&
      g.locale === 'it' &&
      g.benefit.deductionRequest === 'pension-income-and-family' &&
      g.benefit.monthly.withholdings.some((w) => w.kind === 'regional-surcharge'),
  );
  const father = findGuide('auu', (g) => g.type === 'auu' && g.citizen.gender === 'M' && g.locale === 'it' && g.benefit.children.length >= 2);
  const naspi24 = findGuide('naspi', (g) => g.type === 'naspi' && g.benefit.payments.length === 24 && g.locale === 'it');
  const english = findGuide('naspi', (g) => g.type === 'naspi' && g.locale === 'en' && g.benefit.payments.length >= 6 && g.benefit.payments.length <= 12);
  return [
    { file: 'naspi', guide: sampleGuide('naspi'), scenes: ['greeting', 'period', 'amount', 'payments', 'new-job', 'services'] },
    { file: 'naspi-24-payments', guide: naspi24, scenes: ['payments'] },
    { file: 'naspi-en', guide: english, scenes: ['amount', 'payments'] },
    { file: 'pensione', guide: payslip, scenes: ['greeting', 'first-payment', 'payslip', 'calendar', 'deductions-family', 'obligations', 'closing'] },
    { file: 'red', guide: sampleGuide('red'), scenes: ['deadline', 'at-risk', 'how'] },
    { file: 'auu', guide: father, scenes: ['greeting', 'status', 'children', 'fix'] },
    { file: 'sfl', guide: sampleGuide('sfl'), scenes: ['greeting', 'amount', 'steps'] },
    { file: 'invalidita', guide: sampleGuide('invalidita'), scenes: ['verdict', 'benefits', 'concessions', 'next-steps'] },
    // 60 characters, the registry's limit: the greeting shrinks it onto two lines.
    { file: 'name-60-chars', guide: withName(sampleGuide('naspi'), 'Maria Immacolata Addolorata Giuseppina Benedetta Rosa Agnese'), scenes: ['greeting'] },
    // Accents, diaeresis and apostrophes, all in the one name the video shows.
    { file: 'name-accents', guide: withName(father, "Nicolò Zoë D'Amico Dell'Acqua", 'M'), scenes: ['greeting'] },
  ];
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { out: { type: 'string' }, only: { type: 'string' } } });
  const outDir = path.resolve(values.out ?? path.join(REPO_ROOT, 'docs', 'stills'));
  const only = values.only?.split(',');
  await fs.mkdir(outDir, { recursive: true });
  const serveUrl = await ensureBundle();
  const setup = browserSetup(loadConfig(process.env).browserExecutable);
  const browser = await openRenderBrowser(setup);
  try {
    for (const spec of specs()) {
      if (only && !only.some((o) => spec.file.startsWith(o))) continue;
      const inputProps = { guide: spec.guide };
      const common = { ...remotionTarget(serveUrl, browser, setup), inputProps };
      const composition = await selectComposition({ ...common, id: spec.guide.type });
      const storyboard = storyboardOf(spec.guide);
      for (const id of spec.scenes) {
        const scene = storyboard.scenes.find((s) => s.id === id);
        if (!scene) throw new Error(`${spec.file}: no scene ${id} (has ${storyboard.scenes.map((s) => s.id).join(', ')})`);
        // Every layer in, before the scene starts fading out.
        const frame = scene.from + Math.min(settledFrame(scene) + 2, scene.durationInFrames - SCENE_FADE_OUT_FRAMES - 1);
        const output = path.join(outDir, `${spec.file}-${id}.jpg`);
        await renderStill({ ...common, composition, frame, output, imageFormat: 'jpeg', jpegQuality: 88, overwrite: true });
        process.stdout.write(`${path.relative(REPO_ROOT, output)}  (frame ${frame})\n`);
      }
    }
  } finally {
    await browser.close({ silent: true });
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`stills failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
