import React from 'react';
import { AbsoluteFill } from 'remotion';
import type { BaseVariant } from '../../common/layers';
import type { Locale } from '../../common/locale';
import { Presenter } from '../presenter/presenter';
import { CARD, CARD_RADIUS, SAFE } from '../ui/geometry';
import { SHADOW } from '../ui/palette';
import { Background } from './background';
import { Brand } from './brand';

export interface BaseProps {
  variant: BaseVariant;
  presenter: 'F' | 'M';
  locale: Locale;
  /** Base frame: the scene frame modulo BASE_LOOP_FRAMES. */
  frame: number;
}

/**
 * What every frame of a scene shows beneath its layers: page, brand, presenter and (side scenes)
 * the empty content card. Depends on nothing but these props, so one render serves every guide.
 */
export const Base: React.FC<BaseProps> = ({ variant, presenter, locale, frame }) => (
  <AbsoluteFill>
    <Background variant={variant} frame={frame} />
    {variant === 'greeting' ? (
      <>
        <Presenter who={presenter} frame={frame} style={{ position: 'absolute', left: 46, top: 150, width: 520, height: 650 }} />
        <Brand locale={locale} maxWidth={560} />
      </>
    ) : (
      <>
        <Presenter who={presenter} frame={frame} style={{ position: 'absolute', left: 2, top: 270, width: 384, height: 480 }} />
        <Brand locale={locale} maxWidth={CARD.x - SAFE.x - 16} />
        <div
          style={{
            position: 'absolute',
            left: CARD.x,
            top: CARD.y,
            width: CARD.w,
            height: CARD.h,
            borderRadius: CARD_RADIUS,
            background: '#ffffff',
            boxShadow: SHADOW,
          }}
        />
      </>
    )}
  </AbsoluteFill>
);
