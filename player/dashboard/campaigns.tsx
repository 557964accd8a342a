import { channelLabel, count, dateLabel, percent, typeLabel } from './format';
import { ChannelFigures } from './tables';
import type { CampaignFigures } from './types';

interface Props {
  campaigns: CampaignFigures[];
  onOpen: (id: string) => void;
  /** Opens the campaign's impact evaluation. */
  onImpact?: (id: string) => void;
}

/**
 * The campaign view, like the institute's monitoring console: for each mass mailing, its channels and,
 * per channel, notifications sent (letters for the paper letter), links opened and viewers. Deliveries,
 * bounces and feedback per channel are in the notifications console.
 */
export function CampaignsView({ campaigns, onOpen, onImpact }: Props) {
  if (campaigns.length === 0)
    return (
      <section className="card">
        <p className="empty">Nessuna campagna con questi filtri.</p>
      </section>
    );
  return (
    <div className="campaigns">
      {campaigns.map((c) => (
        <section key={c.id} className="card campaign" aria-label={c.name}>
          <header className="campaign-head">
            <div>
              <h2>{c.name}</h2>
              <p className="muted">
                {typeLabel(c.guideType)} · creata il {dateLabel(c.createdAt)}
                {c.printDate ? ` · stampa ${dateLabel(c.printDate)}` : ''} · canali {c.configuredChannels.map(channelLabel).join(', ') || '–'}
              </p>
            </div>
            <div className="campaign-figures">
              <span>
                <b>{count(c.produced)}</b> prodotte
              </span>
              <span>
                <b>{percent(c.viewedRate)}</b> visualizzate
              </span>
              <span>
                <b>{percent(c.interactionRate)}</b> interazione
              </span>
            </div>
          </header>
          <ChannelFigures channels={c.channels} />
          <footer className="campaign-foot">
            <button type="button" className="link" onClick={() => onOpen(c.id)}>
              Analizza la campagna →
            </button>
            {onImpact ? (
              <button type="button" className="link" onClick={() => onImpact(c.id)}>
                Impatto →
              </button>
            ) : null}
            <a href="/console.html">Invii, consegne e riscontri per canale nella console notifiche →</a>
          </footer>
        </section>
      ))}
    </div>
  );
}
