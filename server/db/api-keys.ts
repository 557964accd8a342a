import { createHash, randomBytes } from 'node:crypto';
import type { Queryable } from './database';

export const ROLES = ['operator', 'analyst'] as const;
export type Role = (typeof ROLES)[number];

/** Keys are long random strings, so a plain SHA-256 is enough (no password stretching needed). */
export function hashApiKey(key: string): Buffer {
  return createHash('sha256').update(key, 'utf8').digest();
}

export function generateApiKey(role: Role): string {
  return `vg_${role === 'operator' ? 'op' : 'an'}_${randomBytes(24).toString('base64url')}`;
}

export async function storeApiKey(q: Queryable, key: string, role: Role, label: string): Promise<void> {
  await q.query(
    `INSERT INTO api_keys (hash, role, label) VALUES ($1, $2, $3)
     ON CONFLICT (hash) DO UPDATE SET role = excluded.role, label = excluded.label, revoked_at = NULL`,
    [hashApiKey(key), role, label],
  );
}

/** Revokes every live key with this label except the given one (a restart's new generated key). */
export async function revokeOtherKeys(q: Queryable, label: string, keep: string): Promise<void> {
  await q.query(`UPDATE api_keys SET revoked_at = now() WHERE label = $1 AND hash <> $2 AND revoked_at IS NULL`, [label, hashApiKey(keep)]);
}

export async function roleOfApiKey(q: Queryable, key: string): Promise<Role | undefined> {
  const rows = await q.query<{ role: Role }>('SELECT role FROM api_keys WHERE hash = $1 AND revoked_at IS NULL', [hashApiKey(key)]);
  return rows[0]?.role;
}
