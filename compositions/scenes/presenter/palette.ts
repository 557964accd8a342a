import { C } from '../ui/palette';

/** Figure colours: a navy institute blazer from the theme, natural skin and hair tones. */
export const FIGURE = {
  F: { skin: '#eab38c', skinShade: '#d4946b', hair: '#3a2720', hairShine: '#5a3d31', top: '#ffffff', jacket: C.primary, lapel: C.primaryDark },
  M: { skin: '#d8a079', skinShade: '#bf8460', hair: '#2b211d', hairShine: '#46362f', top: '#dce9f6', jacket: C.primary, lapel: C.primaryDark },
} as const;

export const INK = '#2a2320';
export const LIP = '#a8454b';
export const MOUTH = '#6e2230';
export const BLUSH = '#ef8a80';
