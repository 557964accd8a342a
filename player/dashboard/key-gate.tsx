import { useState, type FormEvent } from 'react';
import { AuthError, fetchStats, saveKey } from './api';
import { NO_FILTERS } from './types';
import { ErrorAlert } from '../shared/staff-ui';

/** Asks for the analyst key once per browser tab; it is checked against the API before it is kept. */
export function KeyGate({ onKey }: { onKey: (key: string) => void }) {
  const [key, setKey] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await fetchStats(key.trim(), NO_FILTERS);
      saveKey(key.trim());
      onKey(key.trim());
    } catch (err) {
      setError(err instanceof AuthError ? err.message : 'Il servizio non risponde: riprova tra poco.');
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="gate">
      <form className="card gate-card" onSubmit={submit}>
        <h1>Cruscotto videoguide</h1>
        <p>Inserisci la tua chiave da analista. Resta solo in questa scheda del browser e non compare mai negli indirizzi.</p>
        <label htmlFor="key">Chiave API</label>
        <input id="key" type="password" autoComplete="off" spellCheck={false} value={key} onChange={(e) => setKey(e.target.value)} required />
        <ErrorAlert error={error} />
        <button type="submit" disabled={busy || !key.trim()}>
          {busy ? 'Verifica…' : 'Accedi'}
        </button>
      </form>
    </main>
  );
}
