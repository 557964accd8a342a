import React, { useMemo } from 'react';
import { formatDate } from '../../common/locale';
import { LABELS } from '../ui/figure';
import { cardColumn } from '../ui/card-frame';
import { Icon } from '../ui/icons';
import { itemBox, ItemMarker, ItemText } from '../ui/items';
import { LayerStack, type KindProps, type LayerNodes } from '../ui/layer-stack';
import { C, TONE, tint } from '../ui/palette';
import { Lines } from '../ui/text';

/** What the citizen must do: one card per duty, with its deadline when there is one. */
export const Obligations: React.FC<KindProps<'obligations'>> = ({ scene, locale, opacityOf }) => {
  const nodes = useMemo((): LayerNodes => {
    const c = scene.content;
    return cardColumn(
      c.headline[locale],
      22,
      c.items.map((it) => ({
        title: it.title[locale],
        text: it.text[locale],
        chip: it.deadline ? `${LABELS.by[locale]} ${formatDate(it.deadline, locale)}` : undefined,
      })),
      { marker: 52, padX: 18, padY: 12 },
      'item',
      (l) => (
        <div style={{ ...itemBox(l, 12), borderRadius: 16, background: tint(C.primary, 0.94), borderLeft: `8px solid ${C.accent}` }}>
          <ItemMarker size={l.marker} style={{ borderRadius: l.marker / 2, background: '#ffffff', border: `2px solid ${tint(C.primary, 0.7)}` }}>
            <Icon name="list" size={Math.round(l.marker * 0.58)} color={C.primary} />
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
      ),
    );
  }, [scene, locale]);
  return <LayerStack scene={scene} nodes={nodes} opacityOf={opacityOf} />;
};
