import { channelLabel, NOTIFIED_SOURCE_LABELS, typeLabel } from './format';
import type { Filters, Impact, ImpactComparison, ImpactGroup, Stats } from './types';

const cell = (v: unknown): string => {
  const s = v === null || v === undefined ? '' : String(v);
  return /[",\n;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};
const rows = (header: string[], lines: unknown[][]) => [header, ...lines].map((l) => l.map(cell).join(',')).join('\n');

/** Every figure on screen, as sections of one CSV (ratios as fractions, like the API). */
export function statsCsv(s: Stats, f: Filters): string {
  const filters = Object.entries(f).map(([k, v]) => [k, v || 'tutti']);
  const figures: unknown[][] = [
    ['produced', s.produced],
    ['viewers', s.viewers],
    ['viewedRate', s.viewedRate],
    ['views', s.views],
    ['viewsPerViewer', s.viewsPerViewer],
    ['interactingViewers', s.interactingViewers],
    ['interactionRate', s.interactionRate],
    ['avgRating', s.avgRating],
    ['ratings', s.ratings.count],
    ...Object.entries(s.ratings.distribution).map(([k, n]) => [`rating_${k}`, n]),
    ['completedViews', s.completedViews],
    ['completionRate', s.completionRate],
    ['generatedAt', s.generatedAt],
  ];
  return (
    [
      rows(['filtro', 'valore'], filters),
      rows(['indicatore', 'valore'], figures),
      rows(
        ['percento_video', 'visualizzazioni', 'quota'],
        s.retention.map((r) => [r.percent, r.views, r.share]),
      ),
      rows(
        ['videoguida', 'azione', 'etichetta', 'tipo', 'visualizzazioni', 'tasso_clic', 'clic_totali'],
        s.actions.map((a) => [typeLabel(a.guideType), a.actionId, a.label, a.kind, a.views, a.clickThrough, a.events]),
      ),
      rows(
        ['videoguida', 'posizione', 'scena', 'titolo', 'raggiunta', 'uscite', 'abbandono'],
        s.scenes.map((x) => [typeLabel(x.guideType), x.position, x.sceneId, x.title, x.reached, x.exits, x.dropOff]),
      ),
      // What "inviati" counts is said on every row: letters (links issued) for the letter, sends elsewhere.
      rows(
        ['canale', 'inviati', 'fonte_inviati', 'aperti', 'apertura', 'spettatori', 'visualizzazioni', 'interazione'],
        s.channels.map((c) => [
          channelLabel(c.channel),
          c.notified,
          NOTIFIED_SOURCE_LABELS[c.notifiedSource] ?? c.notifiedSource,
          c.opened,
          c.openedRate,
          c.viewers,
          c.views,
          c.interactionRate,
        ]),
      ),
    ].join('\n\n') + '\n'
  );
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

/** Every impact figure, every window: one row per outcome and window, treated vs holdout and watched vs not. */
export function impactCsv(i: Impact): string {
  const scope = [
    ['campagna', i.scope.name ?? 'videoguide singole'],
    ['campaignId', i.scope.campaignId ?? ''],
    ['tipo', typeLabel(i.scope.guideType)],
    ['quota_controllo_prevista', i.scope.holdoutShare],
    ['quota_controllo_osservata', i.groups.holdoutShareObserved],
    ['giorno_0', i.startBasis],
    ['con_videoguida', i.groups.treated],
    ['controllo', i.groups.holdout],
    ['hanno_guardato', i.groups.watched],
    ['non_hanno_guardato', i.groups.notWatched],
    ['metodo_differenza', i.method.difference],
    ['metodo_rapporto', i.method.ratio],
    ['confidenza', i.method.confidence],
    ['minimo_per_gruppo', i.method.minCount],
    ['generatedAt', i.generatedAt],
  ];
  const g = (x: ImpactGroup) => [x.citizens, x.withOutcome, x.rate, x.low, x.high];
  const c = (x: ImpactComparison) => [
    x.difference?.estimate,
    x.difference?.low,
    x.difference?.high,
    x.relativeChange?.estimate,
    x.relativeChange?.low,
    x.relativeChange?.high,
    x.verdict,
  ];
  const header = [
    'esito',
    'kind',
    'serviceId',
    'finestra_giorni',
    'finestra_conclusa',
    'trattati',
    'trattati_con_esito',
    'tasso_trattati',
    'tasso_trattati_min',
    'tasso_trattati_max',
    'controllo',
    'controllo_con_esito',
    'tasso_controllo',
    'tasso_controllo_min',
    'tasso_controllo_max',
    'differenza',
    'differenza_min',
    'differenza_max',
    'variazione_relativa',
    'variazione_relativa_min',
    'variazione_relativa_max',
    'conclusione',
    'frase',
    'guardato',
    'guardato_con_esito',
    'tasso_guardato',
    'tasso_guardato_min',
    'tasso_guardato_max',
    'non_guardato',
    'non_guardato_con_esito',
    'tasso_non_guardato',
    'tasso_non_guardato_min',
    'tasso_non_guardato_max',
    'diff_guardato',
    'diff_guardato_min',
    'diff_guardato_max',
    'rel_guardato',
    'rel_guardato_min',
    'rel_guardato_max',
    'lettura_non_randomizzata',
    'frase_non_randomizzata',
  ];
  const lines = i.effects.map((e) => [
    e.label.it,
    e.kind,
    e.serviceId,
    e.windowDays,
    e.windowComplete,
    ...g(e.treated),
    ...g(e.holdout),
    ...c(e),
    e.sentence.it,
    ...g(e.watched.watched),
    ...g(e.watched.notWatched),
    ...c(e.watched),
    e.watched.sentence.it,
  ]);
  return [rows(['voce', 'valore'], scope), rows(header, lines)].join('\n\n') + '\n';
}

export function downloadImpactCsv(i: Impact): void {
  const blob = new Blob(['\ufeff', impactCsv(i)], { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = `videoguida-impatto-${i.scope.campaignId ?? i.scope.guideType}-${new Date().toISOString().slice(0, 10)}.csv`;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
