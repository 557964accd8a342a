/**
 * How many calendar pages per row, and what each page has room for. A page shows its month on a
 * coloured band, the day large, the entry's label and its amount; smaller pages drop the label,
 * then the day, never the month or the amount.
 */
export interface TileGrid {
  cols: number;
  rows: number;
  tileW: number;
  tileH: number;
  gap: number;
  detail: 'full' | 'day' | 'compact';
}

const rows_ = (n: number, cols: number): number => Math.max(1, Math.ceil(n / cols));

export function tileGrid(n: number, area: { w: number; h: number }): TileGrid {
  const cols = n <= 4 ? Math.max(1, n) : n <= 12 ? 4 : 5;
  const rows = rows_(n, cols);
  const gap = rows_(n, cols) >= 4 ? 10 : 16;
  const tileW = Math.min(n <= 2 ? 250 : 230, Math.floor((area.w - (cols - 1) * gap) / cols));
  const tileH = Math.min(240, Math.floor((area.h - (rows - 1) * gap) / rows));
  const detail = tileH >= 200 ? 'full' : tileH >= 136 ? 'day' : 'compact';
  return { cols, rows, tileW, tileH, gap, detail };
}
