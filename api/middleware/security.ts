import type { RequestHandler } from 'express';
import helmet from 'helmet';

/**
 * One strict policy for everything the API serves: only same-origin scripts, no inline script,
 * no plugins, no framing, no referrer. Inline *styles* stay allowed because the Remotion player
 * and Swagger UI set style attributes and inject <style> elements at run time.
 */
const STRICT_CSP = {
  useDefaults: false,
  directives: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'", "'unsafe-inline'"],
    imgSrc: ["'self'", 'data:', 'blob:'],
    // @remotion/player unlocks sound on phones with a silent data: clip.
    mediaSrc: ["'self'", 'blob:', 'data:'],
    fontSrc: ["'self'", 'data:'],
    connectSrc: ["'self'"],
    workerSrc: ["'self'", 'blob:'],
    objectSrc: ["'none'"],
    baseUri: ["'none'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
  },
};

export const securityHeaders: RequestHandler = helmet({
  contentSecurityPolicy: STRICT_CSP,
  referrerPolicy: { policy: 'no-referrer' },
  frameguard: { action: 'deny' },
  crossOriginEmbedderPolicy: false,
});

/** Pages and answers reached through a citizen's token: never indexed, never cached, never referred. */
export const privateAnswer: RequestHandler = (_req, res, next) => {
  res.setHeader('X-Robots-Tag', 'noindex, nofollow, noarchive');
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('Referrer-Policy', 'no-referrer');
  next();
};

/** Bull Board renders with an inline bootstrap script; it sits behind the operator key. */
export const relaxedForBullBoard: RequestHandler = helmet({
  contentSecurityPolicy: {
    useDefaults: false,
    directives: { ...STRICT_CSP.directives, scriptSrc: ["'self'", "'unsafe-inline'"], imgSrc: ["'self'", 'data:', 'blob:', 'https:'] },
  },
  referrerPolicy: { policy: 'no-referrer' },
});
