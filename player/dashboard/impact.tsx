import { useMemo, useState } from 'react';
import { fetchImpact } from './api';
import { downloadImpactCsv } from './csv';
import { ForestPlot, type ForestRow } from './forest-plot';
import { count, dateLabel, percent, TYPE_LABELS, typeLabel } from './format';
import type { CampaignFigures, ImpactComparison, ImpactEffect, ImpactGroup, ImpactVerdict } from './types';
import { DataTable, type Column } from '../shared/data-table';
import { Card, ErrorAlert } from '../shared/staff-ui';
import { useApiAnswer } from '../shared/use-api-answer';

const WINDOWS = [7, 30, 60, 90];
const DEFAULT_WINDOW = 30;

const VERDICTS: Record<ImpactVerdict, string> = {
  decrease: 'riduzione dimostrata',
  increase: 'aumento dimostrato',
  no_effect: 'nessun effetto dimostrato',
  too_small: 'gruppi troppo piccoli',
};
const WATCH_VERDICTS: Record<ImpactVerdict, string> = {
  decrease: 'più basso tra chi ha guardato',
  increase: 'più alto tra chi ha guardato',
  no_effect: 'nessuna differenza dimostrata',
  too_small: 'gruppi troppo piccoli',
};

const dec1 = new Intl.NumberFormat('it-IT', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
/** Percentage points with a sign: "−3,0". */
export const points = (d: number) => {
  const s = dec1.format(Math.abs(d * 100));
  // A value that rounds to zero carries no sign ("0,0", never "−0,0").
  return s === dec1.format(0) ? s : `${d > 0 ? '+' : '−'}${s}`;
};
const pointsCi = (c: ImpactComparison) => (c.difference ? `${points(c.difference.estimate)} (${points(c.difference.low)}; ${points(c.difference.high)})` : '–');
const int = new Intl.NumberFormat('it-IT', { maximumFractionDigits: 0 });
/** A relative change as a signed whole percentage: "−25". */
const rel = (v: number) => `${v > 0 ? '+' : v < 0 ? '−' : ''}${int.format(Math.abs(Math.round(v * 100)))}`;
const relCi = (c: ImpactComparison) =>
  c.relativeChange ? `${rel(c.relativeChange.estimate)} % (${rel(c.relativeChange.low)}; ${rel(c.relativeChange.high)})` : '–';
const rate = (g: ImpactGroup) => `${percent(g.rate)} (${count(g.withOutcome)} su ${count(g.citizens)})`;

const effectKey = (e: ImpactEffect) => `${e.kind}|${e.serviceId}`;

/** A row per outcome of the window, the outcome first, then the comparison's columns. */
const EffectsTable = ({ effects, columns }: { effects: ImpactEffect[]; columns: Column<ImpactEffect>[] }) => (
  <DataTable className="impact-table" rows={effects} rowKey={effectKey} columns={[{ head: 'Esito', cell: (e) => e.label.it }, ...columns]} />
);

function forestRows(effects: ImpactEffect[], pick: (e: ImpactEffect) => ImpactComparison): ForestRow[] {
  return effects.flatMap((e) => {
    const c = pick(e);
    if (!c.difference) return [];
    return [
      {
        key: effectKey(e),
        label: e.label.it,
        estimate: c.difference.estimate,
        low: c.difference.low,
        high: c.difference.high,
        verdict: c.verdict,
        value: `${pointsCi(c)} pp`,
      },
    ];
  });
}

interface Props {
  apiKey: string;
  campaigns: CampaignFigures[];
  /** The campaign the overview's filter had chosen, if any. */
  initialCampaign: string;
  onAuthError: () => void;
}

/**
 * The "Impatto" view: did a campaign's guides change what citizens did? Treated against the randomised
 * holdout, per outcome, with 95% intervals drawn as a forest plot, the sentence that says what can be
 * claimed, and (apart, labelled) the non-randomised comparison of who watched with who did not.
 */
export function ImpactView({ apiKey, campaigns, initialCampaign, onAuthError }: Props) {
  const [scope, setScope] = useState<string>(() => (initialCampaign ? `c:${initialCampaign}` : campaigns[0] ? `c:${campaigns[0].id}` : 't:naspi'));
  const [windowDays, setWindowDays] = useState(DEFAULT_WINDOW);
  const load = useMemo(() => {
    const [kind, id] = [scope.slice(0, 1), scope.slice(2)];
    return () => fetchImpact(apiKey, kind === 'c' ? { campaign: id } : { type: id }, WINDOWS);
  }, [apiKey, scope]);
  const { answer: impact, error } = useApiAnswer(load, onAuthError);

  const effects = impact?.effects.filter((e) => e.windowDays === windowDays) ?? [];
  const g = impact?.groups;
  const basis = impact
    ? impact.startBasis === 'print_date'
      ? `giorno 0: stampa delle lettere, ${dateLabel(impact.scope.printDate)}`
      : `giorno 0: creazione di ogni videoguida (${dateLabel(impact.firstStartOn)} – ${dateLabel(impact.lastStartOn)})`
    : '';
  return (
    <div className="impact">
      <div className="filters impact-controls">
        <label>
          Campagna
          <select aria-label="Campagna da valutare" value={scope} onChange={(e) => setScope(e.target.value)}>
            <optgroup label="Campagne">
              {campaigns.map((c) => (
                <option key={c.id} value={`c:${c.id}`}>
                  {c.name}
                </option>
              ))}
            </optgroup>
            <optgroup label="Videoguide singole (per tipo)">
              {Object.keys(TYPE_LABELS).map((t) => (
                <option key={t} value={`t:${t}`}>
                  {typeLabel(t)} – singole
                </option>
              ))}
            </optgroup>
          </select>
        </label>
        <label>
          Finestra
          <select aria-label="Finestra" value={windowDays} onChange={(e) => setWindowDays(Number(e.target.value))}>
            {WINDOWS.map((w) => (
              <option key={w} value={w}>
                {w} giorni
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="secondary" disabled={!impact} onClick={() => impact && downloadImpactCsv(impact)}>
          Esporta CSV
        </button>
      </div>
      <ErrorAlert error={error} />
      {impact && g ? (
        <>
          <Card
            label="Gruppi"
            className="impact-head"
            title={impact.scope.name ?? `${typeLabel(impact.scope.guideType)} – videoguide singole`}
            intro={
              <>
                {typeLabel(impact.scope.guideType)} · gruppo di controllo previsto {percent(impact.scope.holdoutShare)}, osservato{' '}
                {percent(g.holdoutShareObserved)} · {basis}
                {effects[0] && !effects[0].windowComplete ? ' · finestra non ancora conclusa per tutti: i tassi possono crescere' : ''}
              </>
            }
          >
            <div className="impact-groups">
              <div>
                <span className="tile-label">Con la videoguida</span>
                <b>{count(g.treated)}</b>
              </div>
              <div>
                <span className="tile-label">Gruppo di controllo</span>
                <b>{count(g.holdout)}</b>
              </div>
              <div>
                <span className="tile-label">Hanno guardato</span>
                <b>{count(g.watched)}</b>
                <small>{percent(g.treated ? g.watched / g.treated : null)} di chi l’ha ricevuta</small>
              </div>
            </div>
          </Card>

          <Card
            label="Effetto della videoguida"
            title={<>Effetto della videoguida entro {windowDays} giorni</>}
            intro="Confronto randomizzato: chi ha ricevuto la videoguida contro il gruppo di controllo, estratto a caso (lettera ordinaria, nessun link, nessuna notifica)."
          >
            <ForestPlot
              rows={forestRows(effects, (e) => e)}
              title="Effetto della videoguida"
              axis="punti percentuali: con la videoguida − gruppo di controllo"
              caption="Differenza tra i tassi, in punti percentuali, con l'intervallo di confidenza al 95%: se l'intervallo attraversa lo zero non si afferma alcun effetto."
            />
            <EffectsTable
              effects={effects}
              columns={[
                { head: 'Con la videoguida', className: 'num', cell: (e) => rate(e.treated) },
                { head: 'Controllo', className: 'num', cell: (e) => rate(e.holdout) },
                { head: 'Differenza, pp (IC 95%)', className: 'num', cell: (e) => pointsCi(e) },
                { head: 'Variazione relativa (IC 95%)', className: 'num', cell: (e) => relCi(e) },
                { head: 'Conclusione', cell: (e) => <span className={`verdict ${e.verdict}`}>{VERDICTS[e.verdict]}</span> },
              ]}
            />
            <ul className="sentences">
              {effects.map((e) => (
                <li key={effectKey(e)}>{e.sentence.it}</li>
              ))}
            </ul>
          </Card>

          <Card
            label="Chi ha guardato e chi no"
            className="not-randomised"
            title={
              <>
                Chi ha guardato e chi no <span className="pill warn">non randomizzato</span>
              </>
            }
            intro="Tra chi ha ricevuto la videoguida. Chi sceglie di guardarla è diverso da chi non la guarda: queste differenze descrivono, non misurano l’effetto della videoguida."
          >
            <ForestPlot
              rows={forestRows(effects, (e) => e.watched)}
              title="Chi ha guardato e chi no"
              axis="punti percentuali: hanno guardato − non hanno guardato"
              caption="Differenza tra chi ha guardato e chi no, in punti percentuali, con l'intervallo al 95% (confronto non randomizzato)."
            />
            <EffectsTable
              effects={effects}
              columns={[
                { head: 'Hanno guardato', className: 'num', cell: (e) => rate(e.watched.watched) },
                { head: 'Non hanno guardato', className: 'num', cell: (e) => rate(e.watched.notWatched) },
                { head: 'Differenza, pp (IC 95%)', className: 'num', cell: (e) => pointsCi(e.watched) },
                { head: 'Lettura', cell: (e) => <span className="verdict plain">{WATCH_VERDICTS[e.watched.verdict]}</span> },
              ]}
            />
          </Card>
          <p className="muted method">
            Intervalli di confidenza al 95%: differenza con il metodo ibrido di Newcombe (intervalli score di Wilson), variazione relativa con l’intervallo
            logaritmico di Katz. Un effetto si afferma solo se l’intervallo della differenza esclude lo zero e ciascun gruppo ha almeno {impact.method.minCount}{' '}
            cittadini con l’esito e {impact.method.minCount} senza. Calcolato in {impact.queryMs} ms.
          </p>
        </>
      ) : null}
    </div>
  );
}
