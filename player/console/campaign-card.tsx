import { CHANNELS, type CampaignStats, type ChannelFigures } from './api';
import { CHANNEL_LABEL, TYPE_LABEL, date, n, share } from './format';

function total(channels: CampaignStats['channels']): ChannelFigures | null {
  const list = Object.values(channels);
  if (list.length < 2) return null;
  const sum = (k: keyof ChannelFigures) => list.reduce((s, f) => s + (f[k] as number), 0);
  const ratings = sum('ratings');
  const weighted = list.reduce((s, f) => s + (f.averageRating ?? 0) * f.ratings, 0);
  return {
    notified: sum('notified'),
    pending: sum('pending'),
    sent: sum('sent'),
    delivered: sum('delivered'),
    bounced: sum('bounced'),
    failed: sum('failed'),
    skipped: sum('skipped'),
    opened: sum('opened'),
    ratings,
    averageRating: ratings ? weighted / ratings : null,
    firstSentAt: null,
    lastSentAt: null,
    sendDates: [],
  };
}

/** The figure columns of Row, in order, as [heading, hover text]. */
const COUNT_COLUMNS: [string, string?][] = [
  ['Notifiche'],
  ['Inviate'],
  ['Consegnate'],
  ['Respinte'],
  ['Fallite'],
  ['Non inviate', 'consenso revocato, recapito rimosso, guida scaduta o cancellata'],
  ['In coda'],
  ['Aperte', 'primo accesso con il link di quel canale'],
  ['Feedback'],
];

function Row({ label, f, strong }: { label: string; f: ChannelFigures; strong?: boolean }) {
  return (
    <tr className={strong ? 'total' : undefined}>
      <th scope="row">{label}</th>
      <td className="num">{n(f.notified)}</td>
      <td className="num">{n(f.sent)}</td>
      <td className="num">
        {n(f.delivered)} <span className="muted">{share(f.delivered, f.sent)}</span>
      </td>
      <td className="num">{n(f.bounced)}</td>
      <td className="num">{n(f.failed)}</td>
      <td className="num">{n(f.skipped)}</td>
      <td className="num">{n(f.pending)}</td>
      <td className="num">
        {n(f.opened)} <span className="muted">{share(f.opened, f.sent)}</span>
      </td>
      <td className="num">{f.ratings ? `${n(f.ratings)} · ${f.averageRating?.toLocaleString('it-IT', { maximumFractionDigits: 1 })} ★` : '–'}</td>
    </tr>
  );
}

/** One mass mailing as seed 003's console shows it: channels, send dates, and per channel what was sent, delivered, opened, rated. */
export function CampaignCard({ c }: { c: CampaignStats }) {
  const present = CHANNELS.filter((ch) => c.channels[ch]);
  const sum = total(c.channels);
  const dates = new Map<string, number>();
  for (const ch of present) for (const d of c.channels[ch]!.sendDates) dates.set(d.date, (dates.get(d.date) ?? 0) + d.sent);
  const title = c.campaignId ? (c.name ?? c.campaignId) : 'Guide singole (da eventi)';
  return (
    <section className="card" aria-label={title}>
      <header className="campaign-head">
        <div>
          <h2>{title}</h2>
          <p>
            {c.guideType ? `${TYPE_LABEL[c.guideType] ?? c.guideType} · ` : ''}
            {c.createdAt ? `creata il ${date(c.createdAt)} · ` : ''}
            canali attivati: {(c.campaignChannels ?? present).map((ch) => CHANNEL_LABEL[ch] ?? ch).join(', ')}
          </p>
        </div>
        <p className="dates">
          <span className="muted">Date di invio</span>{' '}
          {dates.size ? (
            [...dates.entries()].sort().map(([d, k]) => (
              <span key={d} className="chip">
                {date(d)} <b>{n(k)}</b>
              </span>
            ))
          ) : (
            <span className="muted">nessun invio</span>
          )}
        </p>
      </header>
      <div className="scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">Canale</th>
              {COUNT_COLUMNS.map(([label, title]) => (
                <th key={label} scope="col" className="num" title={title}>
                  {label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {present.map((ch) => (
              <Row key={ch} label={CHANNEL_LABEL[ch] ?? ch} f={c.channels[ch]!} />
            ))}
            {sum && <Row label="Totale" f={sum} strong />}
          </tbody>
        </table>
      </div>
    </section>
  );
}
