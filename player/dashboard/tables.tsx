import { channelLabel, count, percent, typeLabel } from './format';
import { CountedUnder, NotifiedCell, ownLink } from './notified';
import type { ChannelRow, Stats } from './types';

/** Bars scaled to the largest value of their column, so small rates still read as a ranking. */
const Bar = ({ share, max, tone = 'blue' }: { share: number | null; max: number; tone?: 'blue' | 'red' }) => (
  <span className={`bar ${tone}`}>
    <i style={{ width: `${max > 0 ? Math.min(100, ((share ?? 0) / max) * 100) : 0}%` }} />
  </span>
);
const maxOf = (xs: (number | null)[]) => Math.max(0, ...xs.map((x) => x ?? 0));

const Empty = ({ text }: { text: string }) => <p className="empty">{text}</p>;

/** Click-through per button and pop-up: share of views in which it was used at least once. */
export function ActionsTable({ s, showType }: { s: Stats; showType: boolean }) {
  const max = maxOf(s.actions.map((a) => a.clickThrough));
  return (
    <section className="card" aria-label="Pulsanti e pop-up">
      <header>
        <h2>Pulsanti e pop-up</h2>
        <p>Quota delle visualizzazioni in cui ciascuno è stato usato almeno una volta.</p>
      </header>
      {s.actions.length === 0 ? (
        <Empty text="Nessun pulsante o pop-up usato con questi filtri." />
      ) : (
        <table>
          <thead>
            <tr>
              <th>Azione</th>
              {showType ? <th>Videoguida</th> : null}
              <th>Tipo</th>
              <th className="num" title="Visualizzazioni in cui è stato usato">
                Visual.
              </th>
              <th className="wide">Tasso di clic</th>
              <th className="num">Clic</th>
            </tr>
          </thead>
          <tbody>
            {s.actions.map((a) => (
              <tr key={`${a.guideType}:${a.kind}:${a.actionId}`}>
                <td>{a.label ?? a.actionId}</td>
                {showType ? <td>{typeLabel(a.guideType)}</td> : null}
                <td>
                  <span className={`pill ${a.kind === 'popup_open' ? 'pop' : 'btn'}`}>{a.kind === 'popup_open' ? 'Pop-up' : 'Pulsante'}</span>
                </td>
                <td className="num">{count(a.views)}</td>
                <td className="wide">
                  <Bar share={a.clickThrough} max={max} /> <span className="num">{percent(a.clickThrough)}</span>
                </td>
                <td className="num">{count(a.events)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** Where viewers stop: per scene, in the order scenes are reached. */
export function ScenesTable({ s, showType }: { s: Stats; showType: boolean }) {
  const max = maxOf(s.scenes.map((x) => x.dropOff));
  return (
    <section className="card" aria-label="Abbandono per scena">
      <header>
        <h2>Abbandono per scena</h2>
        <p>Visualizzazioni che si sono fermate in ciascuna scena, su quelle che l'hanno raggiunta.</p>
      </header>
      {s.scenes.length === 0 ? (
        <Empty text="Nessun abbandono registrato con questi filtri." />
      ) : (
        <table>
          <thead>
            <tr>
              <th>#</th>
              <th>Scena</th>
              {showType ? <th>Videoguida</th> : null}
              <th className="num">Raggiunta</th>
              <th className="num">Uscite</th>
              <th className="wide">Abbandono</th>
            </tr>
          </thead>
          <tbody>
            {s.scenes.map((x) => (
              <tr key={`${x.guideType}:${x.sceneId}`}>
                <td className="num muted">{x.position}</td>
                <td>{x.title ?? x.sceneId}</td>
                {showType ? <td>{typeLabel(x.guideType)}</td> : null}
                <td className="num">{count(x.reached)}</td>
                <td className="num">{count(x.exits)}</td>
                <td className="wide">
                  <Bar share={x.dropOff} max={max} tone="red" /> <span className="num">{percent(x.dropOff)}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/**
 * The channels' table: notifications sent, links opened with the opening rate, viewers and views and,
 * with `interaction`, the share of views with an interaction; a channel without a link of its own says
 * where its figures are counted.
 */
export function ChannelFigures({ channels, interaction = false }: { channels: (ChannelRow & { interactionRate?: number | null })[]; interaction?: boolean }) {
  return (
    <table>
      <thead>
        <tr>
          <th>Canale</th>
          <th className="num">Inviati</th>
          <th className="num">Aperti</th>
          <th className="wide">Apertura</th>
          <th className="num">Spettatori</th>
          <th className="num">Visualizzazioni</th>
          {interaction ? <th className="num">Interazione</th> : null}
        </tr>
      </thead>
      <tbody>
        {channels.map((c) => (
          <tr key={c.channel}>
            <td>{channelLabel(c.channel)}</td>
            <NotifiedCell c={c} />
            {ownLink(c) ? (
              <>
                <td className="num">{count(c.opened)}</td>
                <td className="wide">
                  <Bar share={c.openedRate} max={1} /> <span className="num">{percent(c.openedRate)}</span>
                </td>
                <td className="num">{count(c.viewers)}</td>
                <td className="num">{count(c.views)}</td>
                {interaction ? <td className="num">{percent(c.interactionRate ?? null)}</td> : null}
              </>
            ) : (
              <CountedUnder c={c} span={interaction ? 5 : 4} />
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Per channel: notifications sent (letters for the paper letter), links opened, what the viewers did. */
export function ChannelsTable({ s }: { s: Stats }) {
  return (
    <section className="card" aria-label="Canali">
      <header>
        <h2>Canali</h2>
        <p>Notifiche inviate per canale (per la lettera: le lettere, cioè i link emessi per la stampa), link aperti e spettatori arrivati da ciascun canale.</p>
      </header>
      <ChannelFigures channels={s.channels} interaction />
    </section>
  );
}
