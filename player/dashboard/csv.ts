import { channelLabel, NOTIFIED_SOURCE_LABELS, typeLabel } from './format';
import type { Filters, Stats } from './types';

const cell = (v: unknown): string => {
  const s = v === null || v === undefined ? '' : String(v);
  return /[",\n;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};
const rows = (header: string[], lines: unknown[][]) => [header, ...lines].map((l) => l.map(cell).join(',')).join('\n');

/** Every figure on screen, as sections of one CSV (ratios as fractions, like the API). */
export function statsCsv(s: Stats, f: Filters): string {
  const filters = Object.entries(f).map(([k, v]) => [k, v || 'tutti']);
  const figures: unknown[][] = [
    ['produced', s.produced], ['viewers', s.viewers], ['viewedRate', s.viewedRate], ['views', s.views],
    ['viewsPerViewer', s.viewsPerViewer], ['interactingViewers', s.interactingViewers], ['interactionRate', s.interactionRate],
    ['avgRating', s.avgRating], ['ratings', s.ratings.count], ...Object.entries(s.ratings.distribution).map(([k, n]) => [`rating_${k}`, n]),
    ['completedViews', s.completedViews], ['completionRate', s.completionRate], ['generatedAt', s.generatedAt],
  ];
  return [
    rows(['filtro', 'valore'], filters),
    rows(['indicatore', 'valore'], figures),
    rows(['percento_video', 'visualizzazioni', 'quota'], s.retention.map((r) => [r.percent, r.views, r.share])),
    rows(['videoguida', 'azione', 'etichetta', 'tipo', 'visualizzazioni', 'tasso_clic', 'clic_totali'], s.actions.map((a) => [typeLabel(a.guideType), a.actionId, a.label, a.kind, a.views, a.clickThrough, a.events])),
    rows(['videoguida', 'posizione', 'scena', 'titolo', 'raggiunta', 'uscite', 'abbandono'], s.scenes.map((x) => [typeLabel(x.guideType), x.position, x.sceneId, x.title, x.reached, x.exits, x.dropOff])),
    // What "inviati" counts is said on every row: letters (links issued) for the letter, sends elsewhere.
    rows(['canale', 'inviati', 'fonte_inviati', 'aperti', 'apertura', 'spettatori', 'visualizzazioni', 'interazione'], s.channels.map((c) => [channelLabel(c.channel), c.notified, NOTIFIED_SOURCE_LABELS[c.notifiedSource] ?? c.notifiedSource, c.opened, c.openedRate, c.viewers, c.views, c.interactionRate])),
  ].join('\n\n') + '\n';
}

export function downloadCsv(s: Stats, f: Filters): void {
  const blob = new Blob(['\ufeff', statsCsv(s, f)], { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = `videoguida-statistiche-${new Date().toISOString().slice(0, 10)}.csv`;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
