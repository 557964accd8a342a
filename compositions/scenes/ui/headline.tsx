import React from 'react';
import { CONTENT } from './geometry';
import { fit, type Fitted } from './measure';
import { C } from './palette';
import { at, Lines } from './text';

/** The card's title: one line if it fits at a good size, two otherwise. */
export function fitHeadline(text: string, maxWidth = CONTENT.w): Fitted {
  const one = fit(text, { maxWidth, maxSize: 46, minSize: 38, maxLines: 1, weight: 700 });
  return one.lines.length === 1 ? one : fit(text, { maxWidth, maxSize: 40, minSize: 32, maxLines: 2, weight: 700, balanced: true });
}

const BAR_GAP = 10;
const BAR = 6;

export const headlineHeight = (h: Fitted): number => Math.ceil(h.lines.length * h.size * 1.12) + BAR_GAP + BAR;

export const Headline: React.FC<{ text: Fitted; x?: number; y?: number }> = ({ text, x = CONTENT.x, y = CONTENT.y }) => (
  <div style={at(x, y)}>
    <Lines text={text} weight={700} color={C.primaryDark} lineHeight={1.12} />
    <div style={{ marginTop: BAR_GAP, width: 64, height: BAR, borderRadius: 3, background: C.accent }} />
  </div>
);
