import React from 'react';
import type { Pose } from './pose';
import { BLUSH, FIGURE, INK, LIP, MOUTH } from './palette';

type Who = 'F' | 'M';

/** Eyes, brows, nose, cheeks and the talking mouth, shared by both figures. */
export const Face: React.FC<{ who: Who; pose: Pose }> = ({ who, pose }) => {
  const c = FIGURE[who];
  const eyeRy = 9 * Math.max(0.08, pose.eyes);
  const open = pose.mouth;
  const lower = 236 + 4 + open * 15;
  return (
    <g>
      {/* brows */}
      <g transform={`translate(0 ${-pose.brow})`} stroke={c.hair} strokeWidth={who === 'M' ? 6 : 5} strokeLinecap="round" fill="none">
        <path d="M 158 160 Q 173 150 189 157" />
        <path d="M 211 157 Q 227 150 242 160" />
      </g>
      {/* eyes */}
      {[174, 226].map((x) => (
        <g key={x}>
          <ellipse cx={x} cy={184} rx={7.5} ry={eyeRy} fill={INK} />
          {pose.eyes > 0.5 ? <circle cx={x + 2.5} cy={180} r={2.4} fill="#ffffff" /> : null}
        </g>
      ))}
      {who === 'F' ? (
        <g stroke={INK} strokeWidth={2.5} strokeLinecap="round">
          <path d="M 164 177 L 159 173" />
          <path d="M 236 177 L 241 173" />
        </g>
      ) : null}
      {/* nose */}
      <path d="M 201 194 Q 195 212 203 216" stroke={c.skinShade} strokeWidth={3.5} strokeLinecap="round" fill="none" />
      {/* cheeks */}
      <ellipse cx={160} cy={214} rx={14} ry={8} fill={BLUSH} opacity={0.32} />
      <ellipse cx={240} cy={214} rx={14} ry={8} fill={BLUSH} opacity={0.32} />
      {/* mouth: a smile that opens into speech */}
      {open < 0.08 ? (
        <path d="M 180 233 Q 200 249 220 233" stroke={LIP} strokeWidth={5} strokeLinecap="round" fill="none" />
      ) : (
        <g>
          <path
            d={`M 180 233 Q 200 ${238 - open * 2} 220 233 Q 200 ${lower + 8} 180 233 Z`}
            fill={MOUTH}
            stroke={LIP}
            strokeWidth={3.5}
            strokeLinejoin="round"
          />
          <ellipse cx={200} cy={233 + (lower + 8 - 233) * 0.42} rx={8 + open * 3} ry={2 + open * 3.5} fill="#d96b73" opacity={open > 0.35 ? 1 : 0} />
          <path
            d={`M 186 235 Q 200 ${237 + open} 214 235`}
            stroke="#ffffff"
            strokeWidth={3}
            strokeLinecap="round"
            fill="none"
            opacity={open > 0.3 ? 0.95 : 0}
          />
        </g>
      )}
    </g>
  );
};
