import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { PROVINCES } from '../../compositions/common/provinces';
import { AuthError, fetchStats, forgetKey, saveKey, savedKey, type CampaignStats, type Filters } from './api';
import { CampaignCard } from './campaign-card';
import { CitizenHistoryPanel } from './citizen-history';
import { ErrorAlert } from '../shared/staff-ui';

function KeyForm({ onKey, message }: { onKey: (key: string) => void; message: string | null }) {
  const [value, setValue] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (value.trim()) onKey(value.trim());
  };
  return (
    <main className="login">
      <form className="card" onSubmit={submit}>
        <h1>Cruscotto delle notifiche</h1>
        <p className="muted">
          Inserisci la chiave API da analista (o da operatore, per lo storico di un cittadino). Resta in questa scheda e non compare mai in un indirizzo.
        </p>
        <label>
          Chiave API
          <input type="password" value={value} onChange={(e) => setValue(e.target.value)} autoComplete="off" autoFocus />
        </label>
        <ErrorAlert error={message} />
        <button className="primary" type="submit">
          Entra
        </button>
      </form>
    </main>
  );
}

/** The monitoring console of seed 003: per mass mailing, channels, send dates, sent / delivered / opened / feedback per channel. */
export function App() {
  const [key, setKey] = useState<string | null>(savedKey());
  const [authMessage, setAuthMessage] = useState<string | null>(null);
  const [filters, setFilters] = useState<Filters>({ from: '', to: '', province: '' });
  const [campaigns, setCampaigns] = useState<CampaignStats[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);

  const logout = useCallback((message: string | null = null) => {
    forgetKey();
    setKey(null);
    setCampaigns(null);
    setAuthMessage(message);
  }, []);

  const load = useCallback(
    async (k: string, f: Filters) => {
      setLoading(true);
      setError(null);
      try {
        setCampaigns(await fetchStats(k, f));
      } catch (err) {
        if (err instanceof AuthError) logout(err.message);
        else setError((err as Error).message);
      } finally {
        setLoading(false);
      }
    },
    [logout],
  );

  useEffect(() => {
    if (key) void load(key, filters);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- filters apply on "Aggiorna", not on every keystroke
  }, [key, load]);

  if (!key) {
    return (
      <KeyForm
        message={authMessage}
        onKey={(k) => {
          saveKey(k);
          setKey(k);
        }}
      />
    );
  }
  const set = (k: keyof Filters) => (e: { target: { value: string } }) => setFilters({ ...filters, [k]: e.target.value });
  return (
    <>
      <header className="topbar">
        <span className="brand">
          <span className="logo" aria-hidden="true">
            ▶
          </span>{' '}
          Videoguida · Cruscotto di monitoraggio della corrispondenza
        </span>
        <button className="logout" type="button" onClick={() => logout()}>
          Esci
        </button>
      </header>
      <main className="content">
        <form
          className="filters"
          onSubmit={(e) => {
            e.preventDefault();
            void load(key, filters);
          }}
        >
          <label>
            Provincia
            <select value={filters.province} onChange={set('province')}>
              <option value="">Tutte</option>
              {PROVINCES.map((p) => (
                <option key={p} value={p}>
                  {p === 'EE' ? 'Estero' : p}
                </option>
              ))}
            </select>
          </label>
          <label>
            Dal
            <input type="date" value={filters.from} onChange={set('from')} />
          </label>
          <label>
            Al
            <input type="date" value={filters.to} onChange={set('to')} />
          </label>
          <button className="secondary" type="submit" disabled={loading}>
            {loading ? 'Aggiorno…' : 'Aggiorna'}
          </button>
          <p className="muted hint">
            Periodo: data di creazione della notifica (ora italiana). Aperte: primo accesso con il link di quel canale. Feedback: valutazioni date dalla guida
            aperta con quel link.
          </p>
        </form>
        <ErrorAlert error={error} />
        {campaigns?.length === 0 && <p className="card empty">Nessuna notifica per questi filtri.</p>}
        {campaigns?.map((c) => (
          <CampaignCard key={c.campaignId ?? 'direct'} c={c} />
        ))}
        <CitizenHistoryPanel apiKey={key} onAuthError={(m) => logout(m)} />
      </main>
    </>
  );
}
