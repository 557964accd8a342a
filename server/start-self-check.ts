import { randomUUID } from 'node:crypto';
import type { IncomingMessage, Server } from 'node:http';

export type SelfCheck = { ok: true } | { ok: false; fatal: boolean; reason: string };

/**
 * Asks the address the banner prints whether it reaches this very server. Another program can hold
 * the same port on another address (Remotion's bundle server takes the first free port from 3000 on
 * every interface; `localhost` may resolve to ::1 while we listen on 127.0.0.1): the API then binds
 * without error and every printed link answers 404 from someone else. That is refused at start.
 * No answer at all (a proxy not up yet, a slow machine) is only reported: it proves nothing.
 */
export async function checkServesBase(server: Server, base: string, timeoutMs = 10_000): Promise<SelfCheck> {
  const probe = `/healthz?instance=${randomUUID()}`;
  let reached = false;
  const onRequest = (req: IncomingMessage) => {
    if (req.url === probe) reached = true;
  };
  server.on('request', onRequest);
  try {
    const res = await fetch(`${base}${probe}`, { signal: AbortSignal.timeout(timeoutMs), redirect: 'manual' });
    await res.arrayBuffer();
    if (reached) return { ok: true };
    return {
      ok: false,
      fatal: true,
      reason: `${base} is answered by another server (HTTP ${res.status}), not by this one: another program holds the port on an address this API does not listen on (check with: ss -ltnp | grep ${new URL(base).port || 80})`,
    };
  } catch (err) {
    return { ok: false, fatal: false, reason: `${base} did not answer within ${timeoutMs} ms (${(err as Error).message})` };
  } finally {
    server.off('request', onRequest);
  }
}
