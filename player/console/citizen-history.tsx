import { useState, type FormEvent } from 'react';
import { AuthError, fetchHistory, type CitizenHistory } from './api';
import { CHANNEL_LABEL, REASON_LABEL, SOURCE_LABEL, STATUS_LABEL, TYPE_LABEL, dateTime } from './format';
import { DataTable } from '../shared/data-table';
import { Card, ErrorAlert } from '../shared/staff-ui';

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
    <Card
      titleId="history-title"
      title="Storico del cittadino"
      intro="Per gli operatori: comunicazioni inviate e consensi di un cittadino. Ogni consultazione è registrata."
    >
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
          <DataTable
            caption="Comunicazioni"
            scoped
            rows={result.notifications}
            rowKey={(x) => x.id}
            empty="Nessuna comunicazione."
            columns={[
              { head: 'Creata', cell: (x) => dateTime(x.createdAt) },
              { head: 'Guida', cell: (x) => TYPE_LABEL[x.guideType] ?? x.guideType },
              { head: 'Canale', cell: (x) => CHANNEL_LABEL[x.channel] },
              {
                head: 'Esito',
                cell: (x) => (
                  <>
                    {STATUS_LABEL[x.status] ?? x.status}
                    {x.reason ? ` (${REASON_LABEL[x.reason] ?? x.reason})` : ''}
                  </>
                ),
              },
              { head: 'Inviata', cell: (x) => dateTime(x.sentAt) },
              { head: 'Aperta', cell: (x) => dateTime(x.openedAt) },
              { head: 'Consenso', cell: (x) => (x.consentHistoryId ? `#${x.consentHistoryId}` : '–') },
            ]}
          />
          <DataTable
            caption="Storico dei consensi"
            scoped
            rows={result.consentHistory}
            rowKey={(h) => String(h.id)}
            columns={[
              { head: '#', cell: (h) => <>#{h.id}</> },
              { head: 'Quando', cell: (h) => dateTime(h.at) },
              { head: 'Fonte', cell: (h) => SOURCE_LABEL[h.source] ?? h.source },
              { head: 'Adesione', cell: (h) => (h.proactive ? 'sì' : 'no') },
              { head: 'Canali', cell: (h) => h.channels.map((c) => CHANNEL_LABEL[c]).join(', ') || '–' },
            ]}
          />
        </div>
      )}
    </Card>
  );
}
