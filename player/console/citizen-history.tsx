import { useState, type FormEvent } from 'react';
import { AuthError, fetchHistory, type CitizenHistory } from './api';
import { CHANNEL_LABEL, REASON_LABEL, SOURCE_LABEL, STATUS_LABEL, TYPE_LABEL, dateTime } from './format';
import { ErrorAlert } from '../shared/staff-ui';

const FISCAL_CODE = /^[A-Za-z0-9]{16}$/;

/** The operator's look-up (seed 001): everything sent to one citizen, by fiscal code, audited server-side. */
export function CitizenHistoryPanel({ apiKey, onAuthError }: { apiKey: string; onAuthError: (message: string) => void }) {
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<CitizenHistory | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!FISCAL_CODE.test(code.trim())) return setError('Il codice fiscale ha 16 caratteri.');
    setBusy(true);
    setError(null);
    try {
      setResult(await fetchHistory(apiKey, code));
    } catch (err) {
      if (err instanceof AuthError && /Chiave non/.test(err.message)) onAuthError(err.message);
      setError((err as Error).message);
      setResult(null);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card" aria-labelledby="history-title">
      <header>
        <h2 id="history-title">Storico del cittadino</h2>
        <p>Per gli operatori: comunicazioni inviate e consensi di un cittadino. Ogni consultazione è registrata.</p>
      </header>
      <form className="filters inline" onSubmit={submit}>
        <label>
          Codice fiscale
          <input value={code} onChange={(e) => setCode(e.target.value)} autoComplete="off" spellCheck={false} maxLength={16} size={18} />
        </label>
        <button className="secondary" type="submit" disabled={busy}>
          {busy ? 'Ricerca…' : 'Cerca'}
        </button>
      </form>
      <ErrorAlert error={error} />
      {result && (
        <div className="history">
          <p>
            {result.consent
              ? `Servizi proattivi: ${result.consent.proactive ? 'aderisce' : 'non aderisce'} · canali: ${result.consent.channels.map((c) => CHANNEL_LABEL[c]).join(', ') || 'nessuno'} · ${[result.consent.email, result.consent.mobile, result.consent.pec].filter(Boolean).join(' · ')}`
              : 'Nessun consenso registrato.'}
          </p>
          <table>
            <caption>Comunicazioni</caption>
            <thead>
              <tr>
                <th scope="col">Creata</th>
                <th scope="col">Guida</th>
                <th scope="col">Canale</th>
                <th scope="col">Esito</th>
                <th scope="col">Inviata</th>
                <th scope="col">Aperta</th>
                <th scope="col">Consenso</th>
              </tr>
            </thead>
            <tbody>
              {result.notifications.map((x) => (
                <tr key={x.id}>
                  <td>{dateTime(x.createdAt)}</td>
                  <td>{TYPE_LABEL[x.guideType] ?? x.guideType}</td>
                  <td>{CHANNEL_LABEL[x.channel]}</td>
                  <td>
                    {STATUS_LABEL[x.status] ?? x.status}
                    {x.reason ? ` (${REASON_LABEL[x.reason] ?? x.reason})` : ''}
                  </td>
                  <td>{dateTime(x.sentAt)}</td>
                  <td>{dateTime(x.openedAt)}</td>
                  <td>{x.consentHistoryId ? `#${x.consentHistoryId}` : '–'}</td>
                </tr>
              ))}
              {result.notifications.length === 0 && (
                <tr>
                  <td colSpan={7} className="muted">
                    Nessuna comunicazione.
                  </td>
                </tr>
              )}
            </tbody>
          </table>
          <table>
            <caption>Storico dei consensi</caption>
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">Quando</th>
                <th scope="col">Fonte</th>
                <th scope="col">Adesione</th>
                <th scope="col">Canali</th>
              </tr>
            </thead>
            <tbody>
              {result.consentHistory.map((h) => (
                <tr key={h.id}>
                  <td>#{h.id}</td>
                  <td>{dateTime(h.at)}</td>
                  <td>{SOURCE_LABEL[h.source] ?? h.source}</td>
                  <td>{h.proactive ? 'sì' : 'no'}</td>
                  <td>{h.channels.map((c) => CHANNEL_LABEL[c]).join(', ') || '–'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
