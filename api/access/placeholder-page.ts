import { prepArt } from '../../compositions/common/italian';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

const STYLE = `body{font-family:system-ui,sans-serif;margin:0;background:#f4f6f9;color:#17324d;line-height:1.5}
main{max-width:36rem;margin:3rem auto;padding:1.5rem;background:#fff;border-radius:.5rem}
h1{font-size:1.5rem;margin-top:0}code{background:#eef1f5;padding:0 .25rem}`;

/**
 * What /g/:token shows until the player (issue #6) is built into player/dist: the guide's title and
 * an honest sentence, in Italian. Only the guide type's title appears, never personal data.
 */
export function placeholderPage(title: string, expiresAt: Date): string {
  const until = expiresAt.toLocaleDateString('it-IT', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Rome' });
  return `<!doctype html>
<html lang="it">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)} – Videoguida</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<h1>${escapeHtml(title)}</h1>
<p>La tua videoguida è pronta, ma il lettore video non è ancora stato installato su questo server.</p>
<p>La guida resta disponibile fino ${escapeHtml(prepArt('a', until.replace(/^1 /, '1º ')))}.</p>
<p lang="en">Operators: build the player with <code>npm run player:build</code>.</p>
</main>
</body>
</html>
`;
}

export function notFoundPage(): string {
  return `<!doctype html>
<html lang="it">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex">
<title>Videoguida non disponibile</title><style>${STYLE}</style></head>
<body><main><h1>Videoguida non disponibile</h1>
<p>Il collegamento non è valido oppure la videoguida è scaduta. Le videoguide restano disponibili per sei mesi; puoi ritrovare le tue nell'area riservata del sito dell'Istituto.</p>
</main></body>
</html>
`;
}
