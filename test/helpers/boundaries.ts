import fs from 'node:fs';
import path from 'node:path';

/** The top-level folders whose imports are ruled (DESIGN.md, "Layout and the direction of imports"). */
const LAYERS = ['compositions', 'contract', 'server', 'speech', 'api', 'render-worker', 'notifier', 'narrator', 'intake', 'system', 'player'] as const;
type Layer = (typeof LAYERS)[number];

/** What each layer may import besides itself and node_modules. */
const ALLOWED: Record<Layer, Layer[]> = {
  compositions: [],
  // The HTTP contract (zod schemas of every answer): browser-safe, so compositions/ alone.
  contract: ['compositions'],
  server: ['compositions', 'contract'],
  speech: ['compositions', 'server', 'contract'],
  api: ['compositions', 'server', 'speech', 'contract'],
  'render-worker': ['compositions', 'server', 'speech', 'contract'],
  notifier: ['compositions', 'server', 'contract'],
  narrator: ['compositions', 'server', 'speech', 'contract'],
  intake: ['compositions', 'server', 'contract'],
  system: ['compositions', 'contract', 'server', 'speech', 'api', 'render-worker', 'notifier', 'narrator', 'intake'],
  player: ['compositions', 'contract'],
};

/** The composition roots live in system/ (one per process): nothing below it imports several process layers. */
const PROCESS_LAYERS: Layer[] = ['api', 'render-worker', 'notifier', 'narrator', 'intake'];

const SOURCE = /\.(ts|tsx|mts)$/;

function filesOf(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    const full = path.join(entry.parentPath, entry.name);
    if (entry.isFile() && SOURCE.test(entry.name) && !full.includes(`${path.sep}node_modules${path.sep}`) && !full.includes(`${path.sep}dist${path.sep}`))
      out.push(full);
  }
  return out;
}

/** Every relative module specifier a file imports, re-exports or dynamically imports. */
function importsOf(file: string): string[] {
  const src = fs
    .readFileSync(file, 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/^\s*\/\/.*$/gm, '');
  const specs: string[] = [];
  for (const m of src.matchAll(/(?:^|[\s;])(?:import|export)\s[^'"`;]*?from\s*['"]([^'"]+)['"]/g)) specs.push(m[1]!);
  for (const m of src.matchAll(/(?:^|[\s;])import\s*['"]([^'"]+)['"]/g)) specs.push(m[1]!);
  for (const m of src.matchAll(/import\(\s*['"]([^'"]+)['"]\s*\)/g)) specs.push(m[1]!);
  return specs.filter((s) => s.startsWith('.'));
}

const layerOf = (rel: string): Layer | undefined => LAYERS.find((l) => rel === l || rel.startsWith(`${l}/`));

/** Forbidden edges in the tree at `root`: "from → to (specifier)". */
export function forbiddenImports(root: string): string[] {
  const bad: string[] = [];
  for (const layer of LAYERS) {
    for (const file of filesOf(path.join(root, layer))) {
      const rel = path.relative(root, file).split(path.sep).join('/');
      const reached = new Set<Layer>();
      for (const spec of importsOf(file)) {
        const target = path
          .relative(root, path.resolve(path.dirname(file), spec))
          .split(path.sep)
          .join('/');
        const to = layerOf(target);
        if (target.startsWith('..')) bad.push(`${rel} → outside the repository (${spec})`);
        if (!to || to === layer) continue;
        reached.add(to);
        if (!ALLOWED[layer].includes(to)) bad.push(`${rel} → ${target} (${layer} may not import ${to})`);
      }
      const processes = PROCESS_LAYERS.filter((p) => reached.has(p));
      if (processes.length > 1 && layer !== 'system')
        bad.push(`${rel} imports ${processes.join(' and ')}: only a composition root may import several process layers`);
    }
  }
  return bad;
}
