import React from 'react';
import { FONT_STACK } from './fonts';
import type { Fitted } from './measure';

/**
 * Pre-wrapped lines (wrapped by measure.ts, never by the browser), so the layout computed for
 * positions is exactly what is drawn.
 */
export const Lines: React.FC<{
  text: Fitted;
  weight?: number;
  color: string;
  lineHeight?: number;
  align?: 'left' | 'right' | 'center';
  style?: React.CSSProperties;
}> = ({ text, weight = 400, color, lineHeight = 1.2, align = 'left', style }) => (
  <div style={{ fontFamily: FONT_STACK, fontSize: text.size, fontWeight: weight, lineHeight, color, textAlign: align, ...style }}>
    {text.lines.map((l, i) => (
      <div key={i} style={{ whiteSpace: 'pre' }}>
        {l}
      </div>
    ))}
  </div>
);

export const at = (x: number, y: number, w?: number, h?: number): React.CSSProperties => ({
  position: 'absolute',
  left: x,
  top: y,
  ...(w === undefined ? {} : { width: w }),
  ...(h === undefined ? {} : { height: h }),
});
