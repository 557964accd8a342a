import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { exited, freePort, killGroup, waitUntil } from './services';

/** The API of test/helpers/api-process.ts in its own process group, and what it printed. */
export interface ApiProcess {
  url: string;
  port: number;
  child: ChildProcess;
  output(): string;
  /** SIGKILL to the process group; resolves once it is gone. */
  kill(): Promise<void>;
  /** SIGTERM (graceful: accepted batches are written); resolves with the exit code. */
  stop(): Promise<number | null>;
}

export const OPERATOR_KEY = `vg_op_${'f'.repeat(40)}`;
export const ANALYST_KEY = `vg_an_${'a'.repeat(40)}`;
/** The API's secrets: a worker or notifier configured beside it needs the same to read its tokens. */
export const API_SECRETS = { TOKEN_SECRET: 's'.repeat(40), FISCAL_CODE_HMAC_KEY: 'h'.repeat(40) };

const running = new Set<ChildProcess>();

/** Kills every API process still running (afterAll). */
export function killApis(): void {
  for (const c of running) killGroup(c);
}

export async function spawnApi(env: Record<string, string>, port?: number): Promise<ApiProcess> {
  const p = port ?? (await freePort());
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/helpers/api-process.ts'], {
    env: {
      ...process.env,
      NODE_ENV: 'test',
      HOST: '127.0.0.1',
      PORT: String(p),
      PUBLIC_BASE_URL: `http://127.0.0.1:${p}`,
      ...API_SECRETS,
      OPERATOR_KEY,
      ANALYST_KEY,
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  running.add(child);
  child.once('exit', () => running.delete(child));
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  await waitUntil(
    () => {
      if (child.exitCode !== null) throw new Error(`the API exited with ${child.exitCode}:\n${out}`);
      return out.includes('listening ');
    },
    60_000,
    'the API process to listen',
  );
  return {
    url: `http://127.0.0.1:${p}`,
    port: p,
    child,
    output: () => out,
    async kill() {
      killGroup(child);
      await exited(child);
    },
    async stop() {
      killGroup(child, 'SIGTERM');
      await exited(child);
      return child.exitCode;
    },
  };
}

/** POST /api/guides as the operator, notifications off: the guide's id and its QR token. */
export async function createGuide(api: ApiProcess, envelope: unknown): Promise<{ id: string; token: string }> {
  const res = await fetch(`${api.url}/api/guides`, {
    method: 'POST',
    headers: { authorization: `Bearer ${OPERATOR_KEY}`, 'content-type': 'application/json' },
    body: JSON.stringify({ ...(envelope as object), notify: false }),
  });
  if (res.status !== 201) throw new Error(`POST /api/guides: expected 201, got ${res.status} ${await res.text()}`);
  const body = (await res.json()) as { id: string; links: { qr: string } };
  return { id: body.id, token: body.links.qr.slice(body.links.qr.lastIndexOf('/') + 1) };
}

/** A player's batch: `n` events of one fresh view through `token`. */
export function viewBatch(
  token: string,
  n: number,
): { token: string; events: { id: string; viewId: string; kind: string; at: string; frame?: number; value?: number }[] } {
  const viewId = randomUUID();
  const at = new Date().toISOString();
  const events = Array.from({ length: n }, (_, i) =>
    i === 0
      ? { id: randomUUID(), viewId, kind: 'view_start', at, frame: 0 }
      : { id: randomUUID(), viewId, kind: 'progress', at, frame: i * 30, value: Math.min(100, i * 5) },
  );
  return { token, events };
}

/** Event limits raised: every request comes from 127.0.0.1 and a few links send many views. */
export const OPEN_EVENT_LIMITS = {
  EVENTS_BATCHES_PER_MINUTE_PER_ADDRESS: '100000000',
  EVENTS_BATCHES_PER_MINUTE_PER_TOKEN: '1000000',
  EVENTS_VIEWS_PER_TOKEN_PER_HOUR: '100000',
  RATE_LIMIT_PUBLIC_PER_MINUTE: '100000000',
};
