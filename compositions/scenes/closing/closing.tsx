import React, { useMemo } from 'react';
import { formatDate } from '../../common/locale';
import { LABELS } from '../ui/figure';
import { FONT_STACK } from '../ui/fonts';
import { GREETING_TEXT } from '../ui/geometry';
import { Icon } from '../ui/icons';
import { closingNeedsContact } from '../layers-of';
import { LayerStack, type KindProps, type LayerNodes } from '../ui/layer-stack';
import { blockHeight, fit, stackTops } from '../ui/measure';
import { C, theme, tint } from '../ui/palette';
import { at, Lines } from '../ui/text';

const T = GREETING_TEXT;

/** The goodbye beside the large presenter: a warm headline, what to remember, who to call. */
export const Closing: React.FC<KindProps<'closing'>> = ({ scene, locale, opacityOf }) => {
  const nodes = useMemo((): LayerNodes => {
    const c = scene.content;
    const headline = fit(c.headline[locale], { maxWidth: T.w, maxSize: 68, minSize: 44, maxLines: 2, weight: 700, balanced: true });
    const text = fit(c.text[locale], { maxWidth: T.w, maxSize: 34, minSize: 28, maxLines: 4, balanced: true });
    const until = c.availableUntil ? `${LABELS.availableUntil[locale]} ${formatDate(c.availableUntil, locale)}` : '';
    const untilText = fit(until, { maxWidth: T.w - 84, maxSize: 30, minSize: 28, maxLines: 2, weight: 600 });
    // Landline and mobile numbers on two lines: together they do not fit the text column at 720p.
    const contact = `${LABELS.contact[locale]} ${theme.contactCenter}`;
    const mobile = `${LABELS.fromMobile[locale]} ${theme.contactCenterMobile}`;

    const hHead = blockHeight(headline.lines.length, headline.size, 1.08);
    const hText = blockHeight(text.lines.length, text.size, 1.3);
    const hUntil = c.availableUntil ? blockHeight(untilText.lines.length, untilText.size) + 28 : 0;
    const gap = 28;
    // 130: the sign-off's room at the bottom.
    const [yHead, yText, yUntil] = stackTops(T.y, T.h - 130, [hHead + gap, hText + (hUntil ? gap : 0), hUntil]) as [number, number, number];

    return {
      headline: (
        <div style={at(T.x, yHead, T.w)}>
          <Lines text={headline} weight={700} color={C.primaryDark} lineHeight={1.08} />
        </div>
      ),
      text: (
        <div style={at(T.x, yText, T.w)}>
          <Lines text={text} color={C.text} lineHeight={1.3} />
        </div>
      ),
      ...(c.availableUntil
        ? {
            until: (
              <div
                style={{
                  ...at(T.x, yUntil),
                  display: 'flex',
                  alignItems: 'center',
                  gap: 14,
                  padding: '14px 22px',
                  borderRadius: 16,
                  background: tint(C.primary, 0.88),
                }}
              >
                <Icon name="calendar" size={34} color={C.primary} />
                <Lines text={untilText} weight={600} color={C.primaryDark} />
              </div>
            ),
          }
        : {}),
      ...(closingNeedsContact(c)
        ? {
            signoff: (
              <div
                style={{
                  ...at(T.x, T.y + T.h - 96),
                  display: 'flex',
                  alignItems: 'flex-start',
                  gap: 12,
                  fontFamily: FONT_STACK,
                  fontSize: 30,
                  fontWeight: 600,
                  color: C.primaryDark,
                }}
              >
                <Icon name="phone" size={32} color={C.primary} />
                <div style={{ display: 'flex', flexDirection: 'column', lineHeight: 1.25 }}>
                  <span style={{ whiteSpace: 'nowrap' }}>{contact}</span>
                  <span style={{ whiteSpace: 'nowrap', fontWeight: 400 }}>{mobile}</span>
                </div>
              </div>
            ),
          }
        : {}),
    };
  }, [scene, locale]);
  return <LayerStack scene={scene} nodes={nodes} opacityOf={opacityOf} />;
};
