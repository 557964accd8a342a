import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';

/**
 * Hosts on this machine (issue #18): each a network namespace with a veth pair onto one bridge, so
 * each has its own loopback, its own ports and its own address, and reaches the others (and the
 * services) over the bridge only. Root only (`ip netns`); every name carries the test's own id, so
 * two runs never meet, and `remove` deletes all of it.
 *
 * The machine's PostgreSQL, Redis and RabbitMQ listen on loopback, which a namespace cannot reach:
 * `forward` gives each one an address on the bridge (a TCP relay in the root namespace), as a
 * service host of its own would have.
 */

export interface TestHost {
  name: string;
  /** The namespace's name (`ip netns exec <ns>`). */
  ns: string;
  address: string;
  /** Starts a process on this host, in a process group of its own; output lines to `onLine`. */
  spawn(command: string, args: string[], env: Record<string, string>, onLine: (line: string) => void): ChildProcess;
  /** SIGKILL to every process of the host (its namespace), as a machine losing power. */
  kill(): void;
}

export interface TestNetwork {
  /** The root namespace's address on the bridge: where the services are reached. */
  gateway: string;
  hosts: TestHost[];
  addHost(name: string): TestHost;
  /** Relays gateway:port to target (a service on loopback); returns the address to give the hosts. */
  forward(port: number, target: { host: string; port: number }): Promise<string>;
  remove(): void;
}

const ip = (...args: string[]) => execFileSync('ip', args, { stdio: ['ignore', 'ignore', 'pipe'] });

export function canBuildHosts(): boolean {
  return process.getuid?.() === 0;
}

export function createTestNetwork(): TestNetwork {
  // Interface names are at most 15 characters; the subnet is picked per process, unlikely to meet another run's.
  const id = (process.pid % 46_000).toString(36);
  const subnet = `10.${200 + (process.pid % 50)}.${Math.floor(process.pid / 50) % 250}`;
  const bridge = `vgb${id}`;
  const gateway = `${subnet}.1`;
  const hosts: TestHost[] = [];
  const links: string[] = [];
  const relays: net.Server[] = [];
  const sockets = new Set<net.Socket>();
  ip('link', 'add', bridge, 'type', 'bridge');
  ip('addr', 'add', `${gateway}/24`, 'dev', bridge);
  ip('link', 'set', bridge, 'up');

  const netOf: TestNetwork = {
    gateway,
    hosts,
    addHost(name) {
      const n = hosts.length + 2;
      const ns = `vg-${id}-${name}`;
      const outside = `vgv${id}${n}`;
      const inside = `vgi${id}${n}`;
      const address = `${subnet}.${10 + n}`;
      ip('netns', 'add', ns);
      ip('link', 'add', outside, 'type', 'veth', 'peer', 'name', inside);
      links.push(outside);
      ip('link', 'set', inside, 'netns', ns);
      ip('link', 'set', outside, 'master', bridge);
      ip('link', 'set', outside, 'up');
      ip('-n', ns, 'addr', 'add', `${address}/24`, 'dev', inside);
      ip('-n', ns, 'link', 'set', inside, 'up');
      ip('-n', ns, 'link', 'set', 'lo', 'up');
      const host: TestHost = {
        name,
        ns,
        address,
        spawn(command, args, env, onLine) {
          const child = spawn('ip', ['netns', 'exec', ns, command, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
          for (const stream of [child.stdout!, child.stderr!]) {
            let rest = '';
            stream.on('data', (d: Buffer) => {
              const lines = (rest + d.toString('utf8')).split('\n');
              rest = lines.pop()!;
              for (const line of lines) if (line) onLine(line);
            });
          }
          return child;
        },
        kill() {
          const pids = execFileSync('ip', ['netns', 'pids', ns], { encoding: 'utf8' }).split(/\s+/).filter(Boolean).map(Number);
          for (const pid of pids) {
            try {
              process.kill(pid, 'SIGKILL');
            } catch {
              /* already gone */
            }
          }
        },
      };
      hosts.push(host);
      return host;
    },
    async forward(port, target) {
      const server = net.createServer((socket) => {
        const upstream = net.connect(target.port, target.host);
        for (const s of [socket, upstream]) {
          sockets.add(s);
          s.on('close', () => sockets.delete(s));
          s.on('error', () => undefined);
        }
        socket.pipe(upstream).pipe(socket);
        socket.on('close', () => upstream.destroy());
        upstream.on('close', () => socket.destroy());
      });
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, gateway, () => resolve());
      });
      relays.push(server);
      return `${gateway}:${port}`;
    },
    remove() {
      for (const h of hosts) h.kill();
      for (const s of sockets) s.destroy();
      for (const r of relays) r.close();
      // A namespace outlives its name while a killed process in it is still being reaped: its veth
      // pair would stay behind with it, so the outside ends are deleted by name (taking their peers).
      for (const name of [...links, bridge]) {
        try {
          ip('link', 'del', name);
        } catch {
          /* gone */
        }
      }
      for (const h of hosts) {
        try {
          ip('netns', 'del', h.ns);
        } catch {
          /* gone */
        }
      }
    },
  };
  return netOf;
}
