import type { Request, RequestHandler } from 'express';
import { ApiError } from '../errors';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Refuses state-changing requests that a page of another site made a browser send (cross-site request
 * forgery): Bull Board's actions, authenticated by Basic credentials the browser caches and would send
 * along with any site's form; the event beacon, which only this server's own pages (/g/ and /embed,
 * framed or not: the frame's document is ours) send. The same rules as the Fetch Metadata proposal
 * and Go's CrossOriginProtection:
 * - `Sec-Fetch-Site` (every current browser sends it): only `same-origin` or `none` (typed, bookmarked);
 * - without it, `Origin`: absent (not a browser, or one too old to send either), or the host of this
 *   server (the Host header, the X-Forwarded-Host of a trusted proxy, or PUBLIC_BASE_URL's host).
 *   `Origin: null` (a sandboxed frame, a data: page) is refused.
 * Safe methods pass: they change nothing.
 */
export function sameOriginOnly(options: { publicBaseUrl: string; trustProxy: number; what: string }): RequestHandler {
  const publicHost = new URL(options.publicBaseUrl).host.toLowerCase();
  const refuse = (from: string) =>
    new ApiError(403, 'cross_origin', `${options.what} takes requests from this site's own pages only (the request came from ${from})`, 'Origin');
  return (req, _res, next) => {
    if (SAFE_METHODS.has(req.method)) return next();
    const site = req.get('sec-fetch-site')?.trim().toLowerCase();
    if (site) {
      if (site === 'same-origin' || site === 'none') return next();
      throw refuse(`a ${site} page`);
    }
    const origin = req.get('origin')?.trim();
    if (!origin) return next();
    if (origin === 'null' || !ownHost(req, hostOf(origin), publicHost, options.trustProxy > 0))
      throw refuse(origin.length > 80 ? `${origin.slice(0, 77)}...` : origin);
    next();
  };
}

function hostOf(origin: string): string | null {
  try {
    return new URL(origin).host.toLowerCase();
  } catch {
    return null;
  }
}

function ownHost(req: Request, host: string | null, publicHost: string, trustForwarded: boolean): boolean {
  if (!host) return false;
  if (host === publicHost || host === req.get('host')?.toLowerCase()) return true;
  const forwarded = trustForwarded ? req.get('x-forwarded-host')?.split(',')[0]?.trim().toLowerCase() : undefined;
  return forwarded === host;
}
