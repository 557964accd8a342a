import React from 'react';
import { AbsoluteFill } from 'remotion';
import { BASE_LOOP_FRAMES, type BaseVariant } from '../../common/layers';
import { C, tint } from '../ui/palette';

const TAU = Math.PI * 2;

/** A calm page: soft shapes drifting once per loop, so the base stays seamless. */
export const Background: React.FC<{ variant: BaseVariant; frame: number }> = ({ variant, frame }) => {
  const t = (frame % BASE_LOOP_FRAMES) / BASE_LOOP_FRAMES;
  const drift = (amp: number, phase: number, cycles = 1): number => amp * Math.sin(TAU * cycles * t + phase);
  const stage = variant === 'greeting' ? { cx: 306, cy: 560, r: 330 } : { cx: 196, cy: 640, r: 250 };
  return (
    <AbsoluteFill style={{ background: `linear-gradient(160deg, ${C.background} 0%, ${tint(C.primary, 0.9)} 100%)` }}>
      <svg width="100%" height="100%" viewBox="0 0 1280 720" style={{ position: 'absolute', inset: 0 }} aria-hidden>
        <circle cx={stage.cx + drift(6, 0)} cy={stage.cy + drift(4, 1)} r={stage.r} fill={tint(C.primary, 0.82)} />
        <circle cx={stage.cx + drift(5, 2)} cy={stage.cy + drift(5, 0.5)} r={stage.r - 46} fill={tint(C.primary, 0.74)} opacity={0.55} />
        <circle cx={1180 + drift(10, 1.5)} cy={70 + drift(8, 0.2)} r={120} fill={tint(C.accent, 0.7)} opacity={0.45} />
        <circle cx={variant === 'greeting' ? 570 : 352} cy={variant === 'greeting' ? 150 : 130} r={14 + drift(2, 0.8, 2)} fill={C.accent} opacity={0.9} />
        <g fill={tint(C.primary, 0.55)} opacity={0.5} transform={`translate(${drift(4, 2.4)} ${drift(3, 1.2)})`}>
          {Array.from({ length: 16 }, (_, i) => (
            <circle key={i} cx={(variant === 'greeting' ? 1110 : 40) + (i % 4) * 22} cy={600 + Math.floor(i / 4) * 22} r={3.5} />
          ))}
        </g>
      </svg>
    </AbsoluteFill>
  );
};
