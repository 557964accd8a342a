import React from 'react';
import type { Locale } from '../../common/locale';
import { FONT_STACK } from '../ui/fonts';
import { SAFE } from '../ui/geometry';
import { LogoMark } from '../ui/logo';
import { fit } from '../ui/measure';
import { C, theme } from '../ui/palette';

/** The institute's mark and name, top left on every frame. */
export const Brand: React.FC<{ locale: Locale; maxWidth: number }> = ({ locale, maxWidth }) => {
  const name = theme.instituteName[locale];
  const text = fit(name, { maxWidth: maxWidth - 58, maxSize: 26, minSize: 22, maxLines: 2, weight: 600 });
  return (
    <div style={{ position: 'absolute', left: SAFE.x, top: SAFE.y, display: 'flex', alignItems: 'center', gap: 12 }}>
      <LogoMark size={46} />
      <div style={{ fontFamily: FONT_STACK, fontWeight: 600, fontSize: text.size, lineHeight: 1.1, color: C.primaryDark }}>
        {text.lines.map((l, i) => (
          <div key={i} style={{ whiteSpace: 'nowrap' }}>
            {l}
          </div>
        ))}
      </div>
    </div>
  );
};
