import { defaultTheme, type Theme } from '../../common/theme';

/**
 * The theme's colours plus the tints the scenes derive from them. Every text colour used on
 * white or on the page background meets WCAG AA (4.5:1); tints are only ever backgrounds.
 */
export const theme: Theme = defaultTheme;
export const C = theme.colors;

/** Mixes a #rrggbb colour with white: t = 0 is the colour, t = 1 is white. */
export function tint(hex: string, t: number): string {
  const n = parseInt(hex.slice(1), 16);
  const mix = (c: number): number => Math.round(c + (255 - c) * t);
  const r = mix((n >> 16) & 255);
  const g = mix((n >> 8) & 255);
  const b = mix(n & 255);
  return `#${((1 << 24) | (r << 16) | (g << 8) | b).toString(16).slice(1)}`;
}

export const TONE = {
  ok: { fg: C.ok, bg: tint(C.ok, 0.88) },
  info: { fg: C.primary, bg: tint(C.primary, 0.88) },
  warning: { fg: C.warning, bg: tint(C.accent, 0.78) },
  blocked: { fg: C.danger, bg: tint(C.danger, 0.88) },
} as const;
export type Tone = keyof typeof TONE;

export const SHADOW = '0 10px 30px rgba(8, 54, 94, 0.12), 0 2px 6px rgba(8, 54, 94, 0.08)';
