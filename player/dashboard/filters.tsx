import { PROVINCES } from '../../compositions/common/provinces';
import { CHANNEL_LABELS, TYPE_LABELS } from './format';
import { NO_FILTERS, type CampaignFigures, type Filters } from './types';

interface Props {
  value: Filters;
  campaigns: CampaignFigures[];
  onChange: (f: Filters) => void;
}

type OnChange = (e: { target: { value: string } }) => void;

/** One filter's drop-down: "all" first (the empty value), then each choice as [value, label]. */
function Choice({ label, value, all, choices, onChange }: { label: string; value: string; all: string; choices: [string, string][]; onChange: OnChange }) {
  return (
    <label>
      {label}
      <select value={value} onChange={onChange}>
        <option value="">{all}</option>
        {choices.map(([id, text]) => (
          <option key={id} value={id}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
}

/** Guide type, campaign, channel, province and the production period (Europe/Rome days, inclusive). */
export function FilterBar({ value, campaigns, onChange }: Props) {
  const set = (k: keyof Filters) => (e: { target: { value: string } }) => onChange({ ...value, [k]: e.target.value });
  const shown = campaigns.filter((c) => !value.type || c.guideType === value.type);
  const active = Object.values(value).some(Boolean);
  return (
    <section className="filters" aria-label="Filtri">
      <Choice
        label="Videoguida"
        value={value.type}
        all="Tutte"
        choices={Object.entries(TYPE_LABELS)}
        onChange={(e) => onChange({ ...value, type: e.target.value, campaign: '' })}
      />
      <Choice label="Campagna" value={value.campaign} all="Tutte" choices={shown.map((c) => [c.id, c.name])} onChange={set('campaign')} />
      <Choice label="Canale" value={value.channel} all="Tutti" choices={Object.entries(CHANNEL_LABELS)} onChange={set('channel')} />
      <Choice label="Provincia" value={value.province} all="Tutte" choices={PROVINCES.map((p) => [p, p])} onChange={set('province')} />
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
