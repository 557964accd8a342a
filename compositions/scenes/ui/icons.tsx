import React from 'react';

/** The stroke every line icon is drawn with, in the icon's colour. */
type Stroke = { stroke: string; strokeWidth: number; strokeLinecap: 'round'; strokeLinejoin: 'round'; fill: 'none' };

/** Each icon's drawing on a 24x24 grid: adding an icon is one entry here, and its name follows. */
const SHAPES = {
  check: (p: Stroke) => <path d="M 5 12.5 L 10 17 L 19 7.5" {...p} />,
  info: (p: Stroke, color: string) => (
    <g>
      <circle cx={12} cy={12} r={9.5} {...p} />
      <path d="M 12 11 L 12 17" {...p} />
      <circle cx={12} cy={7.5} r={1.4} fill={color} />
    </g>
  ),
  warning: (p: Stroke, color: string) => (
    <g>
      <path d="M 12 3.5 L 21.5 20 L 2.5 20 Z" {...p} />
      <path d="M 12 9.5 L 12 14" {...p} />
      <circle cx={12} cy={17} r={1.3} fill={color} />
    </g>
  ),
  blocked: (p: Stroke) => (
    <g>
      <circle cx={12} cy={12} r={9.5} {...p} />
      <path d="M 8.5 8.5 L 15.5 15.5 M 15.5 8.5 L 8.5 15.5" {...p} />
    </g>
  ),
  calendar: (p: Stroke) => (
    <g>
      <rect x={3.5} y={5} width={17} height={15.5} rx={2.5} {...p} />
      <path d="M 3.5 10 L 20.5 10 M 8 3 L 8 7 M 16 3 L 16 7" {...p} />
    </g>
  ),
  service: (p: Stroke) => (
    <g>
      <rect x={3.5} y={3.5} width={17} height={17} rx={4} {...p} />
      <path d="M 9.5 8 L 14 12 L 9.5 16" {...p} />
    </g>
  ),
  clock: (p: Stroke) => (
    <g>
      <circle cx={12} cy={12} r={9.5} {...p} />
      <path d="M 12 7 L 12 12 L 15.5 14" {...p} />
    </g>
  ),
  phone: (p: Stroke) => (
    <path
      d="M 6.5 3.5 L 9.5 3.5 L 11 8 L 8.8 9.6 C 9.8 11.8 12.2 14.2 14.4 15.2 L 16 13 L 20.5 14.5 L 20.5 17.5 C 20.5 19 19.2 20.5 17.5 20.5 C 10 20 4 14 3.5 6.5 C 3.5 4.8 5 3.5 6.5 3.5 Z"
      {...p}
    />
  ),
  list: (p: Stroke) => <path d="M 8 7 L 20 7 M 8 12 L 20 12 M 8 17 L 20 17 M 4 7 L 4.2 7 M 4 12 L 4.2 12 M 4 17 L 4.2 17" {...p} />,
} satisfies Record<string, (p: Stroke, color: string) => React.ReactElement>;

export type IconName = keyof typeof SHAPES;

/** Simple line icons drawn on a 24x24 grid, in the colour given. */
export const Icon: React.FC<{ name: IconName; size: number; color: string }> = ({ name, size, color }) => {
  const p: Stroke = { stroke: color, strokeWidth: 2.4, strokeLinecap: 'round', strokeLinejoin: 'round', fill: 'none' };
  return (
    <svg width={size} height={size} viewBox="0 0 24 24" aria-hidden style={{ display: 'block', flex: 'none' }}>
      {SHAPES[name](p, color)}
    </svg>
  );
};

export const toneIcon = { ok: 'check', info: 'info', warning: 'warning', blocked: 'blocked' } as const satisfies Record<string, IconName>;
