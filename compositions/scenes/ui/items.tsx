import React from 'react';
import { FONT_STACK } from './fonts';
import { blockHeight, wrap, type Fitted } from './measure';
import { at, Lines } from './text';

/** A titled item with a marker on its left: steps, obligations, service cards. */
export interface ItemSpec {
  title: string;
  text: string;
  chip?: string;
}

export interface ItemLayout {
  x: number;
  y: number;
  w: number;
  h: number;
  title: Fitted;
  text: Fitted;
  chip: Fitted | null;
  /** 0 when there is no room for one. */
  marker: number;
  padX: number;
}

export interface ItemStyle {
  /** Marker diameter; the text starts after it. */
  marker: number;
  padX: number;
  padY: number;
  /** Numbers carry meaning: keep a smaller marker even in two columns. */
  keepMarker?: boolean;
}

const CHIP_PAD = 8;

/** Stacks items at the largest sizes that fit the box, in two columns when four or more crowd one. */
export function layoutItems(items: ItemSpec[], box: { x: number; y: number; w: number; h: number }, style: ItemStyle): ItemLayout[] {
  const attempt = (ts: number, xs: number, gap: number, cols: number): { out: ItemLayout[]; bottom: number } => {
    const colW = (box.w - (cols - 1) * 24) / cols;
    // Two columns are narrow: the marker goes, so the words keep a readable size.
    const marker = cols > 1 ? (style.keepMarker ? 36 : 0) : Math.min(style.marker, Math.round(ts * 1.4));
    const padX = cols > 1 ? Math.min(style.padX, 14) : style.padX;
    const textW = colW - 2 * padX - (marker ? marker + 18 : 0);
    const perCol = Math.ceil(items.length / cols);
    const out: ItemLayout[] = [];
    let bottom = box.y;
    for (let c = 0; c < cols; c++) {
      let y = box.y;
      for (const item of items.slice(c * perCol, (c + 1) * perCol)) {
        const title = { size: ts, lines: wrap(item.title, textW, { size: ts, weight: 600 }) };
        const text = { size: xs, lines: item.text ? wrap(item.text, textW, { size: xs }) : [] };
        const chip = item.chip ? { size: 28, lines: wrap(item.chip, textW - 2 * CHIP_PAD - 40, { size: 28, weight: 600 }) } : null;
        const inner =
          blockHeight(title.lines.length, ts, 1.15) +
          (text.lines.length ? 4 + blockHeight(text.lines.length, xs, 1.25) : 0) +
          (chip ? 10 + blockHeight(chip.lines.length, 28) + 2 * CHIP_PAD : 0);
        const h = Math.max(marker, inner) + 2 * style.padY;
        out.push({ x: box.x + c * (colW + 24), y, w: colW, h, title, text, chip, marker, padX });
        y += h + gap;
      }
      bottom = Math.max(bottom, y - gap);
    }
    return { out, bottom };
  };
  const sizes = [
    [34, 30, 18],
    [32, 28, 14],
    [30, 28, 10],
    [28, 28, 8],
  ] as const;
  const tries: { out: ItemLayout[]; bottom: number }[] = [];
  for (const cols of items.length >= 4 ? [1, 2] : [1]) {
    for (const [ts, xs, gap] of sizes) {
      const laid = attempt(ts, xs, gap, cols);
      if (laid.bottom <= box.y + box.h) return laid.out;
      tries.push(laid);
    }
  }
  const squeezed = attempt(26, 26, 4, items.length >= 4 ? 2 : 1);
  return [...tries, squeezed].reduce((a, b) => (b.bottom < a.bottom ? b : a)).out;
}

/** The item's words; the caller draws the marker and any card behind. */
export const ItemText: React.FC<{ at: ItemLayout; titleColor: string; textColor: string; chip?: React.ReactNode }> = ({
  at: l,
  titleColor,
  textColor,
  chip,
}) => (
  <div style={{ fontFamily: FONT_STACK, display: 'flex', flexDirection: 'column', gap: 4 }}>
    <Lines text={l.title} weight={600} color={titleColor} lineHeight={1.15} />
    {l.text.lines.length ? <Lines text={l.text} color={textColor} lineHeight={1.25} /> : null}
    {chip}
  </div>
);

/** An item's marker: a `size` square on the item's left, its icon or number centred; nothing when there is no room (0). */
export const ItemMarker: React.FC<{ size: number; style: React.CSSProperties; children: React.ReactNode }> = ({ size, style, children }) =>
  size ? (
    <div style={{ width: size, height: size, flex: 'none', display: 'flex', alignItems: 'center', justifyContent: 'center', ...style }}>{children}</div>
  ) : null;

export const itemBox = (l: ItemLayout, padY: number): React.CSSProperties => ({
  ...at(l.x, l.y, l.w, l.h),
  boxSizing: 'border-box',
  padding: `${padY}px ${l.padX}px`,
  display: 'flex',
  gap: 18,
  alignItems: 'flex-start',
});
