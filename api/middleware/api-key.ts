import type { Request, RequestHandler } from 'express';
import type { Queryable } from '../../server/db/database';
import { roleOfApiKey, type Role } from '../../server/db/api-keys';
import { forbidden, unauthorized } from '../errors';

declare module 'express-serve-static-core' {
  interface Request {
    role?: Role;
  }
}

/** Bearer header for programs; Basic (any user name, the key as password) so a browser can open Bull Board. */
function presentedKey(req: Request): string | undefined {
  const header = req.get('authorization') ?? '';
  const [scheme, value] = header.split(' ', 2);
  if (scheme?.toLowerCase() === 'bearer' && value) return value.trim();
  if (scheme?.toLowerCase() === 'basic' && value) {
    const decoded = Buffer.from(value, 'base64').toString('utf8');
    return decoded.slice(decoded.indexOf(':') + 1) || undefined;
  }
  return req.get('x-api-key') ?? undefined;
}

/** Operators create and manage guides; analysts read figures. A key holds exactly one role. */
export function requireRole(db: Queryable, roles: readonly Role[], options: { basicRealm?: string } = {}): RequestHandler {
  return async (req, res, next) => {
    const key = presentedKey(req);
    const role = key && key.length <= 200 ? await roleOfApiKey(db, key) : undefined;
    if (!role) {
      if (options.basicRealm) res.setHeader('WWW-Authenticate', `Basic realm="${options.basicRealm}", charset="UTF-8"`);
      throw unauthorized('missing or unknown API key (send Authorization: Bearer <key>)');
    }
    if (!roles.includes(role)) throw forbidden(`this endpoint needs the ${roles.join(' or ')} role; the key is an ${role} key`);
    req.role = role;
    next();
  };
}
