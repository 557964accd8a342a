/**
 * The access token: from the path on the citizen page (/g/<token>), from the fragment in the embed
 * (/embed#<token>: fragments never reach any server's log or a Referer). Never stored as such:
 * what this device keeps (resume position, unsent events) is keyed by a hash of it.
 */
const TOKEN = /^[A-Za-z0-9_-]{16,128}$/;

export function tokenFromPath(pathname: string = location.pathname): string | null {
  const m = /^\/g\/([^/?#]+)\/?$/.exec(pathname);
  return m && TOKEN.test(m[1]!) ? m[1]! : null;
}

export function tokenFromFragment(hash: string = location.hash): string | null {
  const raw = hash.replace(/^#/, '');
  const value = raw.includes('=') ? (new URLSearchParams(raw).get('t') ?? '') : raw;
  return TOKEN.test(value) ? value : null;
}

// cyrb53: only where SubtleCrypto is missing (plain http on a non-local host); 53 of the token's
// 192 bits cannot identify it.
function cyrb53(s: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16);
}

/** A short, one-way name for this guide on this device (16 hex digits of SHA-256). */
export async function tokenKey(token: string): Promise<string> {
  if (globalThis.crypto?.subtle) {
    const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(`videoguida:${token}`));
    return [...new Uint8Array(digest).slice(0, 8)].map((b) => b.toString(16).padStart(2, '0')).join('');
  }
  return cyrb53(`videoguida:${token}`);
}

/** RFC 4122 v4; crypto.randomUUID exists only in secure contexts. */
export function uuid(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** localStorage that never throws (blocked storage in private modes and some third-party iframes). */
export const store = {
  get(key: string): string | null {
    try {
      return localStorage.getItem(key);
    } catch {
      return null;
    }
  },
  set(key: string, value: string): void {
    try {
      localStorage.setItem(key, value);
    } catch {
      // full or blocked: the data stays in memory only
    }
  },
  remove(key: string): void {
    try {
      localStorage.removeItem(key);
    } catch {
      // blocked
    }
  },
};
