import { useCallback, useMemo, useState } from 'react';
import { fetchCampaigns, fetchStats, forgetKey, savedKey } from './api';
import { CampaignsView } from './campaigns';
import { downloadCsv } from './csv';
import { FilterBar } from './filters';
import { ImpactView } from './impact';
import { dateLabel } from './format';
import { KeyGate } from './key-gate';
import { RetentionChart } from './retention-chart';
import { ActionsTable, ChannelsTable, ScenesTable } from './tables';
import { Tiles } from './tiles';
import { NO_FILTERS, type CampaignFigures, type Filters, type Stats } from './types';
import { ErrorAlert } from '../shared/staff-ui';
import { useApiAnswer } from '../shared/use-api-answer';

type Tab = 'overview' | 'campaigns' | 'impact';

export function App() {
  const [key, setKey] = useState<string | null>(savedKey);
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [tab, setTab] = useState<Tab>('overview');

  const logout = useCallback(() => {
    forgetKey();
    setKey(null);
  }, []);
  const load = useMemo(() => (key ? () => Promise.all([fetchStats(key, filters), fetchCampaigns(key, filters)]) : null), [key, filters]);
  const { answer, error, loading } = useApiAnswer(load, logout);
  const [stats, campaigns]: [Stats | null, CampaignFigures[]] = answer ?? [null, []];

  if (!key) return <KeyGate onKey={setKey} />;
  const campaignName = campaigns.find((c) => c.id === filters.campaign)?.name;
  return (
    <div className="app">
      <header className="topbar">
        <div className="brand">
          <span className="logo" aria-hidden="true">
            ▶
          </span>{' '}
          Videoguida <span className="muted-light">· Cruscotto analisti</span>
        </div>
        <nav className="tabs" aria-label="Viste">
          <button type="button" aria-current={tab === 'overview'} onClick={() => setTab('overview')}>
            Panoramica
          </button>
          <button type="button" aria-current={tab === 'campaigns'} onClick={() => setTab('campaigns')}>
            Campagne
          </button>
          <button type="button" aria-current={tab === 'impact'} onClick={() => setTab('impact')}>
            Impatto
          </button>
          <a href="/console.html">Console notifiche</a>
        </nav>
        <button type="button" className="logout" onClick={logout}>
          Esci
        </button>
      </header>
      <main className="content">
        {tab === 'impact' ? <ImpactView apiKey={key} campaigns={campaigns} initialCampaign={filters.campaign} onAuthError={logout} /> : null}
        {tab !== 'impact' ? (
          <>
            <FilterBar value={filters} campaigns={campaigns} onChange={setFilters} />
            <div className="status-line">
              <span>
                {campaignName ? <b>{campaignName}</b> : 'Tutte le campagne'} · videoguide prodotte{' '}
                {filters.from || filters.to ? `dal ${dateLabel(filters.from || null)} al ${dateLabel(filters.to || null)}` : 'da sempre'} (ora italiana)
                {stats ? (
                  <span className="muted">
                    {' '}
                    · aggiornato {new Date(stats.generatedAt).toLocaleTimeString('it-IT')} in {stats.queryMs} ms
                  </span>
                ) : null}
                {loading ? <span className="muted"> · aggiornamento…</span> : null}
              </span>
              <button type="button" className="secondary" disabled={!stats} onClick={() => stats && downloadCsv(stats, filters)}>
                Esporta CSV
              </button>
            </div>
            <ErrorAlert error={error} />
            {stats && tab === 'overview' ? (
              <>
                <Tiles s={stats} />
                <RetentionChart retention={stats.retention} />
                <div className="columns">
                  <ActionsTable s={stats} showType={new Set(stats.actions.map((a) => a.guideType)).size > 1} />
                  <ScenesTable s={stats} showType={new Set(stats.scenes.map((x) => x.guideType)).size > 1} />
                </div>
                <ChannelsTable s={stats} />
              </>
            ) : null}
            {stats && tab === 'campaigns' ? (
              <CampaignsView
                campaigns={campaigns}
                onOpen={(id) => {
                  setFilters({ ...filters, campaign: id });
                  setTab('overview');
                }}
                onImpact={(id) => {
                  setFilters({ ...filters, campaign: id });
                  setTab('impact');
                }}
              />
            ) : null}
          </>
        ) : null}
      </main>
    </div>
  );
}
