import React from 'react';
import { CONTENT } from './geometry';
import { Icon } from './icons';
import { blockHeight, fit, type Fitted } from './measure';
import { C } from './palette';
import { at, Lines } from './text';

/** A footnote pinned to the bottom of the card. */
export function fitNote(text: string | undefined): Fitted | null {
  return text ? fit(text, { maxWidth: CONTENT.w - 46, maxSize: 28, minSize: 28, maxLines: 2 }) : null;
}

export const noteHeight = (note: Fitted | null): number => (note ? blockHeight(note.lines.length, note.size) + 16 : 0);

export const Note: React.FC<{ note: Fitted }> = ({ note }) => (
  <div
    style={{
      ...at(CONTENT.x, CONTENT.y + CONTENT.h - blockHeight(note.lines.length, note.size), CONTENT.w),
      display: 'flex',
      gap: 12,
      alignItems: 'flex-start',
    }}
  >
    <div style={{ paddingTop: 2 }}>
      <Icon name="info" size={32} color={C.primary} />
    </div>
    <Lines text={note} color={C.muted} />
  </div>
);
