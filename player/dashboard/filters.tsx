import { PROVINCES } from '../../compositions/common/provinces';
import { CHANNEL_LABELS, TYPE_LABELS } from './format';
import { NO_FILTERS, type CampaignFigures, type Filters } from './types';

interface Props {
  value: Filters;
  campaigns: CampaignFigures[];
  onChange: (f: Filters) => void;
}

/** Guide type, campaign, channel, province and the production period (Europe/Rome days, inclusive). */
export function FilterBar({ value, campaigns, onChange }: Props) {
  const set = (k: keyof Filters) => (e: { target: { value: string } }) => onChange({ ...value, [k]: e.target.value });
  const shown = campaigns.filter((c) => !value.type || c.guideType === value.type);
  const active = Object.values(value).some(Boolean);
  return (
    <section className="filters" aria-label="Filtri">
      <label>
        Videoguida
        <select value={value.type} onChange={(e) => onChange({ ...value, type: e.target.value, campaign: '' })}>
          <option value="">Tutte</option>
          {Object.entries(TYPE_LABELS).map(([id, label]) => (
            <option key={id} value={id}>
              {label}
            </option>
          ))}
        </select>
      </label>
      <label>
        Campagna
        <select value={value.campaign} onChange={set('campaign')}>
          <option value="">Tutte</option>
          {shown.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        Canale
        <select value={value.channel} onChange={set('channel')}>
          <option value="">Tutti</option>
          {Object.entries(CHANNEL_LABELS).map(([id, label]) => (
            <option key={id} value={id}>
              {label}
            </option>
          ))}
        </select>
      </label>
      <label>
        Provincia
        <select value={value.province} onChange={set('province')}>
          <option value="">Tutte</option>
          {PROVINCES.map((p) => (
            <option key={p} value={p}>
              {p}
            </option>
          ))}
        </select>
      </label>
      <label title="Giorno di produzione della videoguida (ora italiana)">
        Prodotte dal
        <input type="date" value={value.from} max={value.to || undefined} onChange={set('from')} />
      </label>
      <label>
        al
        <input type="date" value={value.to} min={value.from || undefined} onChange={set('to')} />
      </label>
      <button type="button" className="link" disabled={!active} onClick={() => onChange(NO_FILTERS)}>
        Azzera filtri
      </button>
    </section>
  );
}
