import React, { useMemo } from 'react';
import { formatCents, formatEuroWhole, type Locale } from '../../common/locale';
import type { CalendarContent } from '../../common/storyboard-types';
import { FONT_STACK } from '../ui/fonts';
import { CONTENT } from '../ui/geometry';
import { cardFrame } from '../ui/card-frame';
import { LayerStack, type KindProps, type LayerNodes } from '../ui/layer-stack';
import { fit, textWidth } from '../ui/measure';
import { C, SHADOW, tint } from '../ui/palette';
import { at } from '../ui/text';
import { tileGrid, type TileGrid } from './tile-layout';

type Entry = CalendarContent['entries'][number];

const monthOf = (iso: string, locale: Locale, style: 'long' | 'short'): string =>
  new Intl.DateTimeFormat(locale === 'it' ? 'it-IT' : 'en-GB', { month: style, year: 'numeric', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));

/** A calendar page: month band, big day, label, amount; highlighted pages are accent-coloured. */
const Page: React.FC<{ entry: Entry; grid: TileGrid; x: number; y: number; locale: Locale; longMonths: boolean; wholeEuros: boolean }> = ({
  entry,
  grid,
  x,
  y,
  locale,
  longMonths,
  wholeEuros,
}) => {
  const hi = entry.highlight === true;
  const inner = grid.tileW - 16;
  const month = monthOf(entry.date, locale, longMonths ? 'long' : 'short').replace('.', '');
  const monthSize = fit(month, { maxWidth: inner, maxSize: 28, minSize: 22, maxLines: 1, weight: 600 }).size;
  const amount = entry.cents === undefined ? '' : wholeEuros ? formatEuroWhole(entry.cents, locale) : formatCents(entry.cents, locale);
  const amountSize = amount ? fit(amount, { maxWidth: inner, maxSize: 30, minSize: 24, maxLines: 1, weight: 700 }).size : 30;
  // A label never loses words: it shrinks a little, then takes a second line.
  const label = fit(entry.label[locale], { maxWidth: inner, maxSize: 28, minSize: 24, maxLines: 2, balanced: true });
  const band = grid.detail === 'compact' ? Math.max(34, Math.round(grid.tileH * 0.44)) : Math.round(Math.min(54, grid.tileH * 0.3));
  const day = Number(entry.date.slice(8, 10));
  return (
    <div
      style={{
        ...at(x, y, grid.tileW, grid.tileH),
        boxSizing: 'border-box',
        borderRadius: 16,
        overflow: 'hidden',
        background: hi ? tint(C.accent, 0.82) : '#ffffff',
        border: `${hi ? 4 : 2}px solid ${hi ? C.accent : tint(C.primary, 0.78)}`,
        boxShadow: hi ? SHADOW : 'none',
        fontFamily: FONT_STACK,
        display: 'flex',
        flexDirection: 'column',
        alignItems: 'center',
      }}
    >
      <div
        style={{
          width: '100%',
          height: band,
          flex: 'none',
          display: 'flex',
          alignItems: 'center',
          justifyContent: 'center',
          background: hi ? C.accent : C.primary,
          color: hi ? C.text : '#ffffff',
          fontWeight: 600,
          fontSize: monthSize,
          whiteSpace: 'nowrap',
        }}
      >
        {month}
      </div>
      <div
        style={{
          flex: 1,
          display: 'flex',
          flexDirection: 'column',
          alignItems: 'center',
          justifyContent: 'center',
          gap: 2,
          color: C.text,
          whiteSpace: 'nowrap',
        }}
      >
        {grid.detail !== 'compact' ? (
          <div style={{ fontSize: Math.min(64, Math.round(grid.tileH * 0.27)), fontWeight: 700, lineHeight: 1, color: hi ? C.text : C.primaryDark }}>{day}</div>
        ) : null}
        {grid.detail === 'full' ? (
          <div style={{ fontSize: label.size, lineHeight: 1.1, color: hi ? C.text : C.muted, textAlign: 'center' }}>
            {label.lines.map((l) => (
              <div key={l}>{l}</div>
            ))}
          </div>
        ) : null}
        {amount ? <div style={{ fontSize: amountSize, fontWeight: 700, lineHeight: 1.15 }}>{amount}</div> : null}
        {grid.detail === 'compact' && !amount ? <div style={{ fontSize: 40, fontWeight: 700, lineHeight: 1 }}>{day}</div> : null}
      </div>
    </div>
  );
};

/** The payment calendar: pages appear one by one, the ones that matter stand out. */
export const Calendar: React.FC<KindProps<'calendar'>> = ({ scene, locale, opacityOf }) => {
  const nodes = useMemo((): LayerNodes => {
    const c = scene.content;
    const frame = cardFrame(c.headline[locale], c.note?.[locale], 22);
    const top = frame.top;
    const area = { w: CONTENT.w, h: frame.bottom - 10 - top };
    const grid = tileGrid(c.entries.length, area);
    const usedW = grid.cols * grid.tileW + (grid.cols - 1) * grid.gap;
    const usedH = grid.rows * grid.tileH + (grid.rows - 1) * grid.gap;
    const x0 = CONTENT.x + Math.floor((CONTENT.w - usedW) / 2);
    const y0 = top + Math.floor((area.h - usedH) / 2);
    // Every page names its month the same way: long names only if they all fit.
    const longMonths = c.entries.every((e) => textWidth(monthOf(e.date, locale, 'long'), 28, 600) <= grid.tileW - 16);
    // ...and every amount the same way: cents only if they all fit.
    const wholeEuros = !c.entries.every((e) => e.cents === undefined || textWidth(formatCents(e.cents, locale), 30, 700) <= grid.tileW - 16);
    const out: LayerNodes = { headline: frame.headline };
    c.entries.forEach((entry, i) => {
      const col = i % grid.cols;
      const row = Math.floor(i / grid.cols);
      out[`entry-${i}`] = (
        <Page
          entry={entry}
          grid={grid}
          x={x0 + col * (grid.tileW + grid.gap)}
          y={y0 + row * (grid.tileH + grid.gap)}
          locale={locale}
          longMonths={longMonths}
          wholeEuros={wholeEuros}
        />
      );
    });
    if (frame.note) out.note = frame.note;
    return out;
  }, [scene, locale]);
  return <LayerStack scene={scene} nodes={nodes} opacityOf={opacityOf} />;
};
