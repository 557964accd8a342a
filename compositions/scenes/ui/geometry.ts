/**
 * The frame's fixed geometry at the 1280x720 design size (1080p renders scale it by 1.5).
 * Everything a viewer must read stays inside SAFE: a phone crops nothing, but a player's
 * rounded corners and overlays (buttons, captions) sit on the edges.
 */
export const WIDTH = 1280;
export const HEIGHT = 720;

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export const SAFE: Rect = { x: 64, y: 36, w: 1152, h: 648 };

/** Side scenes: the presenter stands on the left, content sits on a white card on the right. */
export const CARD: Rect = { x: 388, y: 36, w: 828, h: 648 };
export const CARD_RADIUS = 28;
export const CARD_PADDING = 40;
export const CONTENT: Rect = {
  x: CARD.x + CARD_PADDING,
  y: CARD.y + 32,
  w: CARD.w - 2 * CARD_PADDING,
  h: CARD.h - 32 - 28,
};

/** The content area from `top` down to its bottom edge. */
export const contentBelow = (top: number): Rect => ({ x: CONTENT.x, y: top, w: CONTENT.w, h: CONTENT.y + CONTENT.h - top });

/** Greeting and closing: the presenter large on the left, the words on the right. */
export const GREETING_TEXT: Rect = { x: 612, y: 120, w: 604, h: 500 };

/** Minimum on-screen text size: at 720p this stays readable on a phone held upright. */
export const MIN_TEXT = 28;
