import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net, { type AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { pingRedis } from '../server/doctor';

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as AddressInfo;
      s.close(() => resolve(port));
    });
  });

interface Started {
  child: ChildProcess;
  output: () => string;
}

async function start(env: Record<string, string>): Promise<Started> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'system/start.ts'], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const deadline = Date.now() + 90_000;
  while (!out.includes('Ctrl-C stops everything.')) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`npm start did not come up:\n${out}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return { child, output: () => out };
}

async function stop(s: Started): Promise<number | null> {
  const exited = new Promise<number | null>((resolve) => s.child.once('exit', (code) => resolve(code)));
  s.child.kill('SIGTERM');
  return exited;
}

const demoLinks = (out: string) => [...out.matchAll(/^ {2}(\w+)\s.*\s(http:\/\/\S+\/g\/\S+)$/gm)].map((m) => [m[1], m[2]]);
const operatorKey = (out: string) => /Operator key: (\S+)/.exec(out)![1]!;

describe('npm start', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vg-start-'));
  const running: Started[] = [];
  afterAll(async () => {
    for (const s of running) if (s.child.exitCode === null) await stop(s);
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('launches Redis, serves the demo guides, restarts idempotently and stops everything on SIGTERM', async () => {
    const [port, redisPort] = [await freePort(), await freePort()];
    const env = { PORT: String(port), DATA_DIR: dataDir, REDIS_URL: `redis://127.0.0.1:${redisPort}`, LOG_LEVEL: 'warn', NODE_ENV: 'development' };
    const first = await start(env);
    running.push(first);
    const out = first.output();
    expect(out).toContain('started here');
    const links = demoLinks(out);
    expect(links.map(([type]) => type)).toEqual(['naspi', 'pensione', 'red', 'auu', 'sfl', 'invalidita']);
    // Every link as printed (localhost, which may resolve to ::1) reaches this server.
    for (const [, link] of links) expect((await fetch(link!)).status, link).toBe(200);
    const page = await fetch(links[0]![1]!);
    // The built player (a single-page app) when player/dist exists, the placeholder page otherwise.
    const html = await page.text();
    expect(html.includes('NASpI') || html.includes('<div id="root">')).toBe(true);
    expect((await fetch(`http://127.0.0.1:${port}/readyz`)).status).toBe(200);
    const key1 = operatorKey(out);
    expect((await fetch(`http://127.0.0.1:${port}/api/campaigns`, { headers: { authorization: `Bearer ${key1}` } })).status).toBe(200);
    // The demo citizen opted in: their guide's email reaches the local SMTP sink, with its email link.
    const mailDir = path.join(dataDir, 'mail');
    await expect.poll(() => (fs.existsSync(mailDir) ? fs.readdirSync(mailDir).length : 0), { timeout: 30_000 }).toBe(1);
    const mail = fs.readFileSync(path.join(mailDir, fs.readdirSync(mailDir)[0]!), 'utf8');
    expect(mail).toContain('To: cittadino.demo@example.it');
    expect(mail).toMatch(new RegExp(`http://localhost:${port}/g/[A-Za-z0-9_-]{32}`));
    expect(await stop(first)).toBe(0);
    expect(await pingRedis(env.REDIS_URL, 300)).toBe(false);

    const second = await start(env);
    running.push(second);
    expect(demoLinks(second.output())).toEqual(links);
    const key2 = operatorKey(second.output());
    expect(key2).not.toBe(key1);
    expect((await fetch(`http://127.0.0.1:${port}/api/campaigns`, { headers: { authorization: `Bearer ${key1}` } })).status).toBe(401);
    expect((await fetch(`http://127.0.0.1:${port}/api/campaigns`, { headers: { authorization: `Bearer ${key2}` } })).status).toBe(200);
    await new Promise((r) => setTimeout(r, 3000)); // time for a (wrong) second send to land
    expect(fs.readdirSync(mailDir)).toHaveLength(1);
    expect(await stop(second)).toBe(0);
  }, 180_000);

  // What the previous order allowed: the render worker's Remotion server took the port first, on
  // another address, and every printed link answered 404 from it behind a normal banner.
  async function failedStart(env: Record<string, string>): Promise<{ code: number | null; out: string }> {
    const child = spawn(process.execPath, ['--import', 'tsx', 'system/start.ts'], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout!.on('data', (d) => (out += d));
    child.stderr!.on('data', (d) => (out += d));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    return { code, out };
  }
  const squat = (port: number, host: string) =>
    new Promise<http.Server>((resolve) => {
      const s = http.createServer((_req, res) => res.writeHead(404).end('{"statusCode":404}')).listen(port, host, () => resolve(s));
    });

  it('refuses to start, naming the port, when another program answers at the printed address or holds the port', async () => {
    const [port, redisPort] = [await freePort(), await freePort()];
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vg-start-taken-'));
    const env = { PORT: String(port), DATA_DIR: dir, REDIS_URL: `redis://127.0.0.1:${redisPort}`, LOG_LEVEL: 'warn', NODE_ENV: 'development' };
    try {
      const other = await squat(port, '::1');
      const shadowed = await failedStart({ ...env, PUBLIC_BASE_URL: `http://[::1]:${port}` });
      other.close();
      expect(shadowed.code).toBe(1);
      expect(shadowed.out).toContain(`http://[::1]:${port} is answered by another server (HTTP 404)`);
      expect(shadowed.out).not.toContain('Ctrl-C stops everything.');

      const holder = await squat(port, '127.0.0.1');
      const taken = await failedStart(env);
      holder.close();
      expect(taken.code).toBe(1);
      expect(taken.out).toContain(`port ${port} on 127.0.0.1 is already in use`);
      expect(await pingRedis(env.REDIS_URL, 300)).toBe(false);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);
});
