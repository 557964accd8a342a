import { FONT_STACK } from './fonts';

/**
 * Text measurement for layouts, with the loaded faces (see FontGate). Both the full composition
 * and the single-layer still measure the same way, so a layer lands on the same pixels in both.
 */
let context: CanvasRenderingContext2D | null = null;

export function textWidth(text: string, size: number, weight = 400): number {
  context ??= document.createElement('canvas').getContext('2d');
  if (!context) return text.length * size * 0.55;
  context.font = `${weight} ${size}px ${FONT_STACK}`;
  return context.measureText(text).width;
}

export interface TextStyle {
  size: number;
  weight?: number;
}

/**
 * Words to wrap between. A space inside a number or before its unit ("803 164", "1.234 €",
 * "90 %") does not break: a figure split across lines is misread.
 */
function words_(text: string): string[] {
  const out: string[] = [];
  for (const token of text.split(/\s+/).filter(Boolean)) {
    const prev = out[out.length - 1];
    if (prev !== undefined && /\d$/.test(prev) && /^(\d|€|%)/.test(token)) out[out.length - 1] = `${prev}\u00a0${token}`;
    else out.push(token);
  }
  return out;
}

/** Greedy word wrap into lines no wider than maxWidth; a word longer than a line stays whole. */
export function wrap(text: string, maxWidth: number, style: TextStyle): string[] {
  const words = words_(text);
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    const candidate = line ? `${line} ${word}` : word;
    if (!line || textWidth(candidate, style.size, style.weight) <= maxWidth) line = candidate;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  return lines.length ? lines : [''];
}

export interface Fitted {
  size: number;
  lines: string[];
}

/**
 * The largest size (stepping down by 2 px) at which the text fits maxWidth in at most maxLines;
 * at minSize it takes as many lines as it needs, so nothing is ever cut.
 */
export function fit(text: string, o: { maxWidth: number; maxSize: number; minSize: number; maxLines: number; weight?: number; balanced?: boolean }): Fitted {
  for (let size = o.maxSize; size >= o.minSize; size -= 2) {
    const lines = wrap(text, o.maxWidth, { size, weight: o.weight });
    const widest = Math.max(...lines.map((l) => textWidth(l, size, o.weight)));
    if (lines.length <= o.maxLines && widest <= o.maxWidth)
      return { size, lines: o.balanced ? balance(text, lines.length, o.maxWidth, { size, weight: o.weight }) : lines };
  }
  // Still too wide at the minimum: a single unbreakable word shrinks further rather than overflow.
  const lines = wrap(text, o.maxWidth, { size: o.minSize, weight: o.weight });
  const widest = Math.max(...lines.map((l) => textWidth(l, o.minSize, o.weight)));
  const size = widest > o.maxWidth ? Math.floor((o.minSize * o.maxWidth) / widest) : o.minSize;
  return { size, lines };
}

/**
 * The same number of lines, as even as they go: the narrowest width that still wraps into n lines
 * (no lone word on a last line under a long first one).
 */
export function balance(text: string, n: number, maxWidth: number, style: TextStyle): string[] {
  if (n <= 1) return wrap(text, maxWidth, style);
  let lo = maxWidth / n;
  let hi = maxWidth;
  for (let i = 0; i < 12; i++) {
    const mid = (lo + hi) / 2;
    if (wrap(text, mid, style).length <= n) hi = mid;
    else lo = mid;
  }
  return wrap(text, hi, style);
}

/** Height of a wrapped block. */
export const blockHeight = (lines: number, size: number, lineHeight = 1.2): number => Math.ceil(lines * size * lineHeight);

/**
 * Tops of blocks stacked one under the other (each height counts the gap below it), the stack
 * centred vertically in `height` from `top` and never above it.
 */
export function stackTops(top: number, height: number, blocks: number[]): number[] {
  let y = top + Math.max(0, (height - blocks.reduce((s, h) => s + h, 0)) / 2);
  return blocks.map((h) => {
    const at = y;
    y += h;
    return at;
  });
}
