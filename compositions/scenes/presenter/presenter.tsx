import React from 'react';
import { C } from '../ui/palette';
import { Face } from './face';
import { FIGURE } from './palette';
import { poseAt } from './pose';

type Who = 'F' | 'M';

/**
 * The drawn presenter: an original, neutral figure (no real person, no real institute) in the
 * institute's colours. Drawn in a 400x500 box, head near the top, cut at the chest.
 */
export const Presenter: React.FC<{ who: Who; frame: number; style?: React.CSSProperties }> = ({ who, frame, style }) => {
  const pose = poseAt(frame);
  const c = FIGURE[who];
  const head = `translate(0 ${-pose.nod}) rotate(${pose.tilt} 200 270)`;
  return (
    <svg viewBox="0 0 400 500" style={style} aria-hidden>
      <defs>
        <linearGradient id={`jacket-${who}`} x1="0" y1="0" x2="0" y2="1">
          <stop offset="0" stopColor={c.jacket} />
          <stop offset="1" stopColor={C.primaryDark} />
        </linearGradient>
      </defs>
      {/* back hair falls behind the shoulders for the female figure */}
      {who === 'F' ? (
        <g transform={head}>
          <path
            d="M 120 190 C 108 104 168 58 204 60 C 262 62 300 112 290 192 C 287 240 297 282 302 314 C 305 336 284 346 268 336 C 256 328 248 316 242 302 L 158 302 C 152 316 144 328 132 336 C 116 346 95 336 98 314 C 103 282 113 240 120 190 Z"
            fill={c.hair}
          />
        </g>
      ) : null}
      {/* torso, breathing from the waist */}
      <g transform={`translate(200 500) scale(1 ${pose.breath}) translate(-200 -500)`}>
        <path d="M 178 246 L 178 310 Q 200 326 222 310 L 222 246 Z" fill={c.skin} />
        <path d="M 178 266 Q 200 290 222 266 L 222 252 Q 200 276 178 252 Z" fill={c.skinShade} opacity={0.55} />
        <path d="M 0 500 C 4 404 48 340 124 318 L 170 300 L 230 300 L 276 318 C 352 340 396 404 400 500 Z" fill={`url(#jacket-${who})`} />
        {who === 'F' ? (
          <path d="M 166 302 L 200 392 L 234 302 Q 200 320 166 302 Z" fill={c.top} />
        ) : (
          <g>
            <path d="M 168 302 L 200 410 L 232 302 Q 200 316 168 302 Z" fill={c.top} />
            <path d="M 192 318 L 208 318 L 214 336 L 206 410 L 200 424 L 194 410 L 186 336 Z" fill="#7c2a35" />
            <path d="M 168 300 L 186 340 L 200 318 Z M 232 300 L 214 340 L 200 318 Z" fill="#ffffff" />
          </g>
        )}
        <path d="M 166 300 L 140 318 L 192 450 L 200 392 Z" fill={c.lapel} />
        <path d="M 234 300 L 260 318 L 208 450 L 200 392 Z" fill={c.lapel} />
        {/* a badge pin in the accent colour: the institute's, never a real one */}
        <circle cx={294} cy={392} r={11} fill={C.accent} />
        <circle cx={294} cy={392} r={4.5} fill={C.primaryDark} />
      </g>
      <g transform={head}>
        {who === 'M' ? (
          <g fill={c.skin}>
            <ellipse cx={134} cy={192} rx={11} ry={17} />
            <ellipse cx={266} cy={192} rx={11} ry={17} />
          </g>
        ) : null}
        <path d="M 134 180 C 134 120 168 104 200 104 C 232 104 266 120 266 180 C 266 238 236 274 200 274 C 164 274 134 238 134 180 Z" fill={c.skin} />
        {who === 'F' ? (
          <g>
            <circle cx={137} cy={222} r={5} fill={C.accent} />
            <circle cx={263} cy={222} r={5} fill={C.accent} />
            <path d="M 130 184 C 124 108 178 84 214 90 C 256 96 278 134 270 184 C 256 152 232 130 198 128 C 170 128 148 148 130 184 Z" fill={c.hair} />
          </g>
        ) : (
          <g>
            <path
              d="M 131 182 C 120 116 160 80 206 82 C 254 84 286 114 271 182 C 268 160 262 146 252 136 C 236 126 214 122 190 124 C 170 126 156 122 148 114 C 140 132 134 156 131 182 Z"
              fill={c.hair}
            />
            <path d="M 148 114 C 160 122 176 124 192 122" stroke={c.hairShine} strokeWidth={3} strokeLinecap="round" fill="none" />
          </g>
        )}
        <Face who={who} pose={pose} />
        {who === 'M' ? (
          <g stroke="#2a2320" strokeWidth={3.2} fill="#ffffff" fillOpacity={0.12}>
            <rect x={152} y={168} width={44} height={32} rx={11} />
            <rect x={204} y={168} width={44} height={32} rx={11} />
            <path d="M 196 180 Q 200 176 204 180" fill="none" />
          </g>
        ) : null}
      </g>
    </svg>
  );
};
