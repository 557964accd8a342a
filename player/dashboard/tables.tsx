import { channelLabel, count, percent, typeLabel } from './format';
import { CountedUnder, NotifiedCell, ownLink } from './notified';
import type { ChannelRow, Stats } from './types';
import { DataTable } from '../shared/data-table';
import { Card } from '../shared/staff-ui';

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
    <Card label="Pulsanti e pop-up" title="Pulsanti e pop-up" intro="Quota delle visualizzazioni in cui ciascuno è stato usato almeno una volta.">
      {s.actions.length === 0 ? (
        <Empty text="Nessun pulsante o pop-up usato con questi filtri." />
      ) : (
        <DataTable
          rows={s.actions}
          rowKey={(a) => `${a.guideType}:${a.kind}:${a.actionId}`}
          columns={[
            { head: 'Azione', cell: (a) => a.label ?? a.actionId },
            showType && { head: 'Videoguida', cell: (a) => typeLabel(a.guideType) },
            {
              head: 'Tipo',
              cell: (a) => <span className={`pill ${a.kind === 'popup_open' ? 'pop' : 'btn'}`}>{a.kind === 'popup_open' ? 'Pop-up' : 'Pulsante'}</span>,
            },
            { head: 'Visual.', title: 'Visualizzazioni in cui è stato usato', className: 'num', cell: (a) => count(a.views) },
            {
              head: 'Tasso di clic',
              className: 'wide',
              cell: (a) => (
                <>
                  <Bar share={a.clickThrough} max={max} /> <span className="num">{percent(a.clickThrough)}</span>
                </>
              ),
            },
            { head: 'Clic', className: 'num', cell: (a) => count(a.events) },
          ]}
        />
      )}
    </Card>
  );
}

/** Where viewers stop: per scene, in the order scenes are reached. */
export function ScenesTable({ s, showType }: { s: Stats; showType: boolean }) {
  const max = maxOf(s.scenes.map((x) => x.dropOff));
  return (
    <Card
      label="Abbandono per scena"
      title="Abbandono per scena"
      intro="Visualizzazioni che si sono fermate in ciascuna scena, su quelle che l'hanno raggiunta."
    >
      {s.scenes.length === 0 ? (
        <Empty text="Nessun abbandono registrato con questi filtri." />
      ) : (
        <DataTable
          rows={s.scenes}
          rowKey={(x) => `${x.guideType}:${x.sceneId}`}
          columns={[
            { head: '#', cellClass: 'num muted', cell: (x) => x.position },
            { head: 'Scena', cell: (x) => x.title ?? x.sceneId },
            showType && { head: 'Videoguida', cell: (x) => typeLabel(x.guideType) },
            { head: 'Raggiunta', className: 'num', cell: (x) => count(x.reached) },
            { head: 'Uscite', className: 'num', cell: (x) => count(x.exits) },
            {
              head: 'Abbandono',
              className: 'wide',
              cell: (x) => (
                <>
                  <Bar share={x.dropOff} max={max} tone="red" /> <span className="num">{percent(x.dropOff)}</span>
                </>
              ),
            },
          ]}
        />
      )}
    </Card>
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
    <Card
      label="Canali"
      title="Canali"
      intro="Notifiche inviate per canale (per la lettera: le lettere, cioè i link emessi per la stampa), link aperti e spettatori arrivati da ciascun canale."
    >
      <ChannelFigures channels={s.channels} interaction />
    </Card>
  );
}
