import React from 'react';
import { CONTENT, contentBelow } from './geometry';
import { fitHeadline, Headline, headlineHeight } from './headline';
import { layoutItems, type ItemLayout, type ItemSpec, type ItemStyle } from './items';
import { lowerAll, settle, type LayerNodes } from './layer-stack';
import { fitNote, Note, noteHeight } from './note';

/**
 * A side card's frame: the headline on top and the optional note pinned to the bottom, with the
 * room between them (`top` to `bottom`, `gap` below the headline) for the scene's own drawing.
 */
export function cardFrame(headline: string, note: string | undefined, gap: number) {
  const head = fitHeadline(headline);
  const fitted = fitNote(note);
  return {
    top: CONTENT.y + headlineHeight(head) + gap,
    bottom: CONTENT.y + CONTENT.h - noteHeight(fitted),
    headline: <Headline text={head} />,
    /** The note's layer, or null when the scene has none. */
    note: fitted ? <Note note={fitted} /> : null,
  };
}

/**
 * A headline over a column of cards, one layer `${layer}-${i}` each, the column lowered into the
 * card's optical centre: the layout of obligations and services.
 */
export function cardColumn(
  headline: string,
  gap: number,
  items: ItemSpec[],
  style: ItemStyle,
  layer: string,
  card: (l: ItemLayout) => React.ReactNode,
): LayerNodes {
  const frame = cardFrame(headline, undefined, gap);
  const laid = layoutItems(items, contentBelow(frame.top), style);
  const by = settle(Math.max(frame.top, ...laid.map((l) => l.y + l.h)), frame.bottom);
  const out: LayerNodes = { headline: frame.headline };
  laid.forEach((l, i) => {
    out[`${layer}-${i}`] = card(l);
  });
  return lowerAll(out, by);
}
