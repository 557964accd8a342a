/**
 * npm run -s intake:explain < message-body.json: the full reasons a refused message's envelope is
 * invalid, values included, printed here only. The dead-letter headers carry the field and a reason
 * that quotes no value (docs/intake.md); an operator who may read the message's body reads this too.
 */
import { checkEnvelope } from '../server/guides/prepare';

const chunks: Buffer[] = [];
for await (const c of process.stdin) chunks.push(c as Buffer);
let input: unknown;
try {
  input = JSON.parse(Buffer.concat(chunks).toString('utf8'));
} catch (err) {
  process.stderr.write(`(body): not JSON: ${(err as Error).message}\n`);
  process.exit(1);
}
const notify = input !== null && typeof input === 'object' && 'notify' in input ? (input as { notify: unknown }).notify : undefined;
if (notify !== undefined && typeof notify !== 'boolean') process.stdout.write(`notify: expected true or false, got ${JSON.stringify(notify)}\n`);
if (input !== null && typeof input === 'object' && !Array.isArray(input)) delete (input as Record<string, unknown>).notify;
const checked = checkEnvelope(input);
if (checked.ok && (notify === undefined || typeof notify === 'boolean')) {
  process.stdout.write('valid: this envelope would create a guide\n');
  process.exit(0);
}
if (!checked.ok) for (const e of checked.errors) process.stdout.write(`${e.field}: ${e.message}\n`);
process.exit(1);
