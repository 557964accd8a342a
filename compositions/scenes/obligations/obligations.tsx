import React, { useMemo } from 'react';
import { formatDate } from '../../common/locale';
import { LABELS } from '../ui/figure';
import { CONTENT, contentBelow } from '../ui/geometry';
import { fitHeadline, Headline, headlineHeight } from '../ui/headline';
import { Icon } from '../ui/icons';
import { itemBox, ItemMarker, ItemText, layoutItems } from '../ui/items';
import { LayerStack, lowerAll, settle, type KindProps, type LayerNodes } from '../ui/layer-stack';
import { C, TONE, tint } from '../ui/palette';
import { Lines } from '../ui/text';

/** What the citizen must do: one card per duty, with its deadline when there is one. */
export const Obligations: React.FC<KindProps<'obligations'>> = ({ scene, locale, opacityOf }) => {
  const nodes = useMemo((): LayerNodes => {
    const c = scene.content;
    const head = fitHeadline(c.headline[locale]);
    const top = CONTENT.y + headlineHeight(head) + 22;
    const laid = layoutItems(
      c.items.map((it) => ({
        title: it.title[locale],
        text: it.text[locale],
        chip: it.deadline ? `${LABELS.by[locale]} ${formatDate(it.deadline, locale)}` : undefined,
      })),
      contentBelow(top),
      { marker: 52, padX: 18, padY: 12 },
    );
    const by = settle(Math.max(top, ...laid.map((l) => l.y + l.h)), CONTENT.y + CONTENT.h);
    const out: LayerNodes = { headline: <Headline text={head} /> };
    laid.forEach((l, i) => {
      const m = l.marker;
      out[`item-${i}`] = (
        <div style={{ ...itemBox(l, 12), borderRadius: 16, background: tint(C.primary, 0.94), borderLeft: `8px solid ${C.accent}` }}>
          <ItemMarker size={m} style={{ borderRadius: m / 2, background: '#ffffff', border: `2px solid ${tint(C.primary, 0.7)}` }}>
            <Icon name="list" size={Math.round(m * 0.58)} color={C.primary} />
          </ItemMarker>
          <ItemText
            at={l}
            titleColor={C.primaryDark}
            textColor={C.text}
            chip={
              l.chip ? (
                <div
                  style={{
                    marginTop: 6,
                    alignSelf: 'flex-start',
                    display: 'flex',
                    alignItems: 'center',
                    gap: 10,
                    padding: '8px 14px',
                    borderRadius: 12,
                    background: TONE.warning.bg,
                    color: TONE.warning.fg,
                  }}
                >
                  <Icon name="clock" size={28} color={TONE.warning.fg} />
                  <Lines text={l.chip} weight={600} color={TONE.warning.fg} />
                </div>
              ) : null
            }
          />
        </div>
      );
    });
    return lowerAll(out, by);
  }, [scene, locale]);
  return <LayerStack scene={scene} nodes={nodes} opacityOf={opacityOf} />;
};
