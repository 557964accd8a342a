import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { count, percent } from './format';
import type { Stats } from './types';
import { Card } from '../shared/staff-ui';

/**
 * Share of views still playing at each 5% of the guide (uPlot, canvas: thousands of guides or one,
 * the same few points). Redrawn when the data changes, resized with its card.
 */
export function RetentionChart({ retention }: { retention: Stats['retention'] }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const xs = retention.map((r) => r.percent);
    const ys = retention.map((r) => (r.share === null ? null : r.share * 100));
    const plot = new uPlot(
      {
        width: el.clientWidth,
        height: 260,
        legend: { show: false },
        cursor: { points: { size: 8 }, drag: { x: false, y: false } },
        scales: { x: { time: false, range: [0, 100] }, y: { range: [0, 100] } },
        axes: [
          {
            stroke: '#4a5a6a',
            grid: { stroke: '#e6ebf0' },
            values: (_u, v) => v.map((x) => `${x}%`),
            label: 'Punto del video',
            labelSize: 22,
            font: '12px system-ui',
            labelFont: '12px system-ui',
          },
          { stroke: '#4a5a6a', grid: { stroke: '#e6ebf0' }, values: (_u, v) => v.map((x) => `${x}%`), size: 48, font: '12px system-ui' },
        ],
        series: [
          {},
          {
            label: 'Ancora in visione',
            stroke: '#0b4f8a',
            width: 2.5,
            fill: 'rgba(11, 79, 138, 0.12)',
            points: { show: true, size: 5, fill: '#0b4f8a' },
            value: (_u, v) => (v === null ? '–' : `${v.toFixed(1)}%`),
          },
        ],
        hooks: {
          setCursor: [
            (u) => {
              const i = u.cursor.idx;
              const tip = el.querySelector<HTMLElement>('.chart-tip');
              if (!tip) return;
              const r = i === null || i === undefined ? undefined : retention[i];
              tip.textContent = r ? `Al ${r.percent}% del video: ${percent(r.share)} delle visualizzazioni (${count(r.views)})` : '';
            },
          ],
        },
      },
      [xs, ys],
      el,
    );
    const resize = new ResizeObserver(() => plot.setSize({ width: el.clientWidth, height: 260 }));
    resize.observe(el);
    return () => {
      resize.disconnect();
      plot.destroy();
    };
  }, [retention]);

  const at = (p: number) => retention.find((r) => r.percent === p)?.share ?? null;
  return (
    <Card
      label="Curva di permanenza"
      className="chart-card"
      title="Permanenza nel video"
      intro={
        <>
          Quota delle visualizzazioni ancora in riproduzione a ogni 5% della durata. Avviate: {percent(at(0))} · a metà: {percent(at(50))} · alla fine:{' '}
          {percent(at(100))}
        </>
      }
    >
      <div ref={box} className="chart">
        <div className="chart-tip" aria-live="polite" />
      </div>
    </Card>
  );
}
