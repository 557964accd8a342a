import React from 'react';
import { fit, textWidth, wrap, type Fitted } from './measure';
import { C, tint } from './palette';
import { at, Lines } from './text';

/** A label on the left, a figure on the right: breakdown rows, payslip lines, children. */
export interface RowSpec {
  label: string;
  value: string;
  emphasis?: boolean;
  /** Drawn in the danger colour with a minus: an amount taken away. */
  minus?: boolean;
}

export interface RowLayout {
  x: number;
  y: number;
  w: number;
  h: number;
  label: Fitted;
  value: Fitted;
}

const PAD_Y = 9;

/** Lays rows out top-down in one or two columns, at the largest size (32 to 28 px) that fits. */
export function layoutRows(rows: RowSpec[], box: { x: number; y: number; w: number; h: number }, maxCols = 2): RowLayout[] {
  const attempt = (size: number, cols: number, gap: number): { out: RowLayout[]; bottom: number } => {
    const colW = (box.w - (cols - 1) * 28) / cols;
    const perCol = Math.ceil(rows.length / cols);
    const out: RowLayout[] = [];
    let bottom = 0;
    for (let c = 0; c < cols; c++) {
      let y = box.y;
      for (const row of rows.slice(c * perCol, (c + 1) * perCol)) {
        const weight = row.emphasis ? 700 : 600;
        const valueW = textWidth(row.value, size, weight);
        const value =
          valueW <= colW * 0.6 ? { size, lines: [row.value] } : fit(row.value, { maxWidth: colW * 0.6, maxSize: size, minSize: 24, maxLines: 2, weight });
        const usedW = Math.max(...value.lines.map((l) => textWidth(l, value.size, weight)));
        const label = { size, lines: wrap(row.label, colW - usedW - 28 - (row.emphasis ? 24 : 0), { size, weight: row.emphasis ? 700 : 400 }) };
        const h = Math.ceil(Math.max(label.lines.length, value.lines.length) * size * 1.2) + 2 * PAD_Y;
        out.push({ x: box.x + c * (colW + 28), y, w: colW, h, label, value });
        y += h + gap;
      }
      bottom = Math.max(bottom, y - gap);
    }
    return { out, bottom };
  };
  const tries: { out: RowLayout[]; bottom: number }[] = [];
  const colChoices = rows.length >= 6 && maxCols > 1 ? [1, 2] : [1];
  const plans = [...[32, 30, 28].flatMap((size) => colChoices.map((cols) => [cols, size] as const)), ...colChoices.map((cols) => [cols, 26] as const)];
  plans.sort((a, b) => (a[1] === 26 ? 1 : 0) - (b[1] === 26 ? 1 : 0) || a[0] - b[0] || b[1] - a[1]);
  for (const [cols, size] of plans) {
    const laid = attempt(size, cols, Math.max(2, size - 24));
    if (laid.bottom <= box.y + box.h) return laid.out;
    tries.push(laid);
  }
  // Nothing fits (a registry can send anything): the most compact try, overflowing the least.
  return tries.reduce((a, b) => (b.bottom < a.bottom ? b : a)).out;
}

export const Row: React.FC<{ row: RowSpec; at: RowLayout }> = ({ row, at: r }) => {
  const color = row.minus ? C.danger : row.emphasis ? C.primaryDark : C.text;
  return (
    <div
      style={{
        ...at(r.x, r.y, r.w, r.h),
        boxSizing: 'border-box',
        display: 'flex',
        justifyContent: 'space-between',
        alignItems: 'center',
        padding: row.emphasis ? '0 12px' : 0,
        borderRadius: row.emphasis ? 12 : 0,
        background: row.emphasis ? tint(C.primary, 0.88) : 'transparent',
        borderBottom: row.emphasis ? 'none' : `2px solid ${tint(C.primary, 0.85)}`,
      }}
    >
      <Lines text={r.label} weight={row.emphasis ? 700 : 400} color={row.emphasis ? C.primaryDark : C.text} />
      <Lines text={r.value} weight={row.emphasis ? 700 : 600} color={color} align="right" />
    </div>
  );
};
