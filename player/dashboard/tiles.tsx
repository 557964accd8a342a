import { count, decimal, percent } from './format';
import type { NotifiedSource, Stats } from './types';

/** "400 lettere · 120 notifiche inviate": notified summed by what it counts (notifiedSource). */
function notifiedDetail(s: Stats): string {
  const channels = Object.keys(s.notified);
  const sum = (source: NotifiedSource) => channels.filter((c) => s.notifiedSource[c] === source).reduce((a, c) => a + (s.notified[c] ?? 0), 0);
  const has = (source: NotifiedSource) => channels.some((c) => s.notifiedSource[c] === source);
  return [
    has('links_issued') ? `${count(sum('links_issued'))} lettere` : null,
    has('notifications_sent') ? `${count(sum('notifications_sent'))} notifiche inviate` : null,
  ]
    .filter(Boolean)
    .join(' · ');
}

function Tile({ label, value, detail, help }: { label: string; value: string; detail: string; help: string }) {
  return (
    <div className="card tile" title={help}>
      <div className="tile-label">{label}</div>
      <div className="tile-value">{value}</div>
      <div className="tile-detail">{detail}</div>
    </div>
  );
}

function Ratings({ s }: { s: Stats }) {
  const max = Math.max(1, ...Object.values(s.ratings.distribution));
  return (
    <div className="card tile rating-tile" title="Media dell'ultima valutazione di ogni spettatore (1–5)">
      <div className="tile-label">Gradimento</div>
      <div className="rating-body">
        <div>
          <div className="tile-value">
            {decimal(s.avgRating, 1)}
            <small> / 5</small>
          </div>
          <div className="stars" aria-hidden="true">
            <span style={{ width: `${((s.avgRating ?? 0) / 5) * 100}%` }}>★★★★★</span>★★★★★
          </div>
          <div className="tile-detail">{count(s.ratings.count)} valutazioni</div>
        </div>
        <div className="dist" aria-label="Distribuzione delle valutazioni">
          {['5', '4', '3', '2', '1'].map((k) => (
            <div key={k} className="dist-row">
              <span>{k}★</span>
              <span className="bar">
                <i style={{ width: `${((s.ratings.distribution[k] ?? 0) / max) * 100}%` }} />
              </span>
              <span className="num">{count(s.ratings.distribution[k] ?? 0)}</span>
            </div>
          ))}
        </div>
      </div>
    </div>
  );
}

/** The institute's figures first: produced, viewed, interaction, views per viewer, rating; then completion. */
export function Tiles({ s }: { s: Stats }) {
  return (
    <section className="tiles" aria-label="Indicatori">
      <Tile
        label="Videoguide prodotte"
        value={count(s.produced)}
        detail={notifiedDetail(s)}
        help="Videoguide create nel periodo (con il filtro canale: quelle con un link su quel canale)"
      />
      <Tile
        label="Visualizzate"
        value={percent(s.viewedRate)}
        detail={`${count(s.viewers)} cittadini le hanno aperte`}
        help="Quota delle videoguide prodotte aperte almeno una volta"
      />
      <Tile
        label="Interazione"
        value={percent(s.interactionRate)}
        detail={`${count(s.interactingViewers)} spettatori hanno usato pulsanti o pop-up`}
        help="Quota degli spettatori che hanno usato almeno un pulsante o un pop-up"
      />
      <Tile
        label="Visualizzazioni per spettatore"
        value={decimal(s.viewsPerViewer, 1)}
        detail={`${count(s.views)} visualizzazioni in tutto`}
        help="Visualizzazioni degli spettatori divise per il numero di spettatori"
      />
      <Ratings s={s} />
      <Tile
        label="Viste fino alla fine"
        value={percent(s.completionRate)}
        detail={`${count(s.completedViews)} visualizzazioni complete`}
        help="Quota delle visualizzazioni arrivate alla fine del video"
      />
    </section>
  );
}
