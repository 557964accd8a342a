/**
 * npm run data:generate -- --type naspi|pensione|red|auu|sfl|invalidita|all --count N --seed S
 * Prints N valid envelopes as NDJSON on stdout.
 */
import { parseArgs } from 'node:util';
import { GUIDE_TYPES } from '../compositions/common/envelope';
import { generateEnvelopes, type GenerateType } from '../compositions/generator/generate';

const { values } = parseArgs({
  options: {
    type: { type: 'string', default: 'all' },
    count: { type: 'string', default: '10' },
    seed: { type: 'string', default: '1' },
    help: { type: 'boolean', default: false },
  },
});

const usage = 'usage: npm run data:generate -- --type <naspi|pensione|red|auu|sfl|invalidita|all> --count <N> --seed <S>';
if (values.help) {
  process.stdout.write(`${usage}\n`);
  process.exit(0);
}
const type = values.type as GenerateType;
if (type !== 'all' && !(GUIDE_TYPES as readonly string[]).includes(type)) {
  process.stderr.write(`--type: expected one of ${GUIDE_TYPES.join(', ')} or all, got "${type}"\n${usage}\n`);
  process.exit(2);
}
const count = Number(values.count);
if (!Number.isInteger(count) || count < 0 || count > 10_000_000) {
  process.stderr.write(`--count: expected a whole number between 0 and 10000000, got "${values.count}"\n`);
  process.exit(2);
}

// Write in chunks and respect back-pressure, so a million envelopes stream with flat memory.
let buffer = '';
for (const envelope of generateEnvelopes(type, count, values.seed!)) {
  buffer += `${JSON.stringify(envelope)}\n`;
  if (buffer.length > 1 << 16) {
    if (!process.stdout.write(buffer)) await new Promise((r) => process.stdout.once('drain', r));
    buffer = '';
  }
}
process.stdout.write(buffer);
