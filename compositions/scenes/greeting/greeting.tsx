import React, { useMemo } from 'react';
import { GREETING_TEXT } from '../ui/geometry';
import { LayerStack, type KindProps, type LayerNodes } from '../ui/layer-stack';
import { blockHeight, fit, stackTops, textWidth } from '../ui/measure';
import { C, SHADOW } from '../ui/palette';
import { at, Lines } from '../ui/text';

const T = GREETING_TEXT;

/**
 * "Gentile Maria" beside the large presenter. The name shrinks to fit (up to 60 characters,
 * on two lines at most) and is never cut; a public guide has no name, its title takes the place.
 */
export const Greeting: React.FC<KindProps<'greeting'>> = ({ scene, locale, opacityOf }) => {
  const nodes = useMemo((): LayerNodes => {
    const c = scene.content;
    const hasName = c.name.trim().length > 0;
    const salutation = hasName
      ? fit(c.salutation[locale], { maxWidth: T.w, maxSize: 46, minSize: 34, maxLines: 1, weight: 600 })
      : fit(c.salutation[locale], { maxWidth: T.w, maxSize: 64, minSize: 40, maxLines: 3, weight: 700, balanced: true });
    // One line while it stays large; a long name takes two lines, a 60-character one three.
    const name = [
      { maxLines: 1, minSize: 76 },
      { maxLines: 2, minSize: 56 },
      { maxLines: 3, minSize: 36 },
    ]
      .map((o) => fit(c.name, { maxWidth: T.w, maxSize: 108, weight: 700, balanced: true, ...o }))
      .find((f, i, all) => f.lines.length <= [1, 2, 3][i]! || i === all.length - 1)!;
    const subtitle = fit(c.subtitle[locale], { maxWidth: T.w - 56, maxSize: 34, minSize: 28, maxLines: 3, weight: 400, balanced: true });

    const hSal = blockHeight(salutation.lines.length, salutation.size, 1.1);
    const hName = hasName ? blockHeight(name.lines.length, name.size, 1.04) : 0;
    const hSub = blockHeight(subtitle.lines.length, subtitle.size, 1.25) + 44;
    // The card hugs its words (56 = padding and the accent edge).
    const subW = Math.min(T.w, Math.ceil(Math.max(...subtitle.lines.map((l) => textWidth(l, subtitle.size)))) + 64);
    const gap = 26;
    const [ySal, yName, ySub] = stackTops(T.y, T.h, [hSal + (hasName ? 6 : 0), hName + gap, hSub]) as [number, number, number];

    return {
      salutation: (
        <div style={at(T.x, ySal, T.w)}>
          <Lines text={salutation} weight={hasName ? 600 : 700} color={hasName ? C.primary : C.primaryDark} lineHeight={1.1} />
        </div>
      ),
      ...(hasName
        ? {
            name: (
              <div style={at(T.x, yName, T.w)}>
                <Lines text={name} weight={700} color={C.primaryDark} lineHeight={1.04} />
              </div>
            ),
          }
        : {}),
      subtitle: (
        <div
          style={{
            ...at(T.x, ySub, subW),
            boxSizing: 'border-box',
            padding: '22px 28px',
            background: '#ffffff',
            borderRadius: 20,
            borderLeft: `8px solid ${C.accent}`,
            boxShadow: SHADOW,
          }}
        >
          <Lines text={subtitle} color={C.text} lineHeight={1.25} />
        </div>
      ),
    };
  }, [scene, locale]);
  return <LayerStack scene={scene} nodes={nodes} opacityOf={opacityOf} />;
};
