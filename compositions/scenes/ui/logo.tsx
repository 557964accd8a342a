import React from 'react';
import { C } from './palette';

/** The neutral default mark: a roof sheltering a person. No real institute's logo. */
export const LogoMark: React.FC<{ size: number }> = ({ size }) => (
  <svg width={size} height={size} viewBox="0 0 48 48" aria-hidden>
    <rect width={48} height={48} rx={12} fill={C.primary} />
    <path d="M 10 24 L 24 12 L 38 24" stroke={C.accent} strokeWidth={4} strokeLinecap="round" strokeLinejoin="round" fill="none" />
    <circle cx={24} cy={25} r={4.5} fill="#ffffff" />
    <path d="M 15 38 C 16 31 20 30.5 24 30.5 C 28 30.5 32 31 33 38 Z" fill="#ffffff" />
  </svg>
);
