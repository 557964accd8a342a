import { createRequire } from 'node:module';
import path from 'node:path';
import express, { Router } from 'express';
import { buildOpenApiDocument } from './document';

const swaggerDir = path.dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));

const PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Videoguida API</title>
<link rel="stylesheet" href="/api/docs/assets/swagger-ui.css"></head>
<body><div id="swagger-ui"></div>
<script src="/api/docs/assets/swagger-ui-bundle.js"></script>
<script src="/api/docs/init.js"></script></body></html>`;

// An external file, not an inline script, so the page runs under the same strict CSP as the rest.
const INIT = `window.ui = SwaggerUIBundle({ url: '/api/openapi.json', dom_id: '#swagger-ui', deepLinking: true });`;

/** /api/openapi.json and the Swagger UI page, served from node_modules (no CDN). */
export function docsRoutes(publicBaseUrl: string): Router {
  const r = Router();
  let doc: object | undefined;
  r.get('/api/openapi.json', (_req, res) => {
    doc ??= buildOpenApiDocument(publicBaseUrl);
    res.json(doc);
  });
  r.get('/api/docs', (_req, res) => {
    res.type('html').send(PAGE);
  });
  r.get('/api/docs/init.js', (_req, res) => {
    res.type('application/javascript').send(INIT);
  });
  r.use('/api/docs/assets', express.static(swaggerDir, { index: false, maxAge: '1d' }));
  return r;
}
