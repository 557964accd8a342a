import React, { useMemo } from 'react';
import { cardColumn } from '../ui/card-frame';
import { Icon } from '../ui/icons';
import { itemBox, ItemMarker, ItemText } from '../ui/items';
import { LayerStack, type KindProps, type LayerNodes } from '../ui/layer-stack';
import { C, SHADOW, tint } from '../ui/palette';

/**
 * The online services, one card each, named as the player's buttons are. The buttons themselves
 * are the player's overlay, never drawn here: a video pixel cannot be clicked.
 */
export const Services: React.FC<KindProps<'services'>> = ({ scene, locale, opacityOf }) => {
  const nodes = useMemo((): LayerNodes => {
    const c = scene.content;
    const labelOf = (actionId: string): string => scene.actions.find((a) => a.id === actionId)?.label[locale] ?? '';
    return cardColumn(
      c.headline[locale],
      24,
      c.items.map((it) => ({ title: labelOf(it.actionId) || it.text[locale], text: labelOf(it.actionId) ? it.text[locale] : '' })),
      { marker: 60, padX: 22, padY: 16 },
      'card',
      (l) => (
        <div
          style={{
            ...itemBox(l, 16),
            alignItems: 'center',
            borderRadius: 18,
            background: '#ffffff',
            border: `2px solid ${tint(C.primary, 0.8)}`,
            boxShadow: SHADOW,
          }}
        >
          <ItemMarker size={l.marker} style={{ borderRadius: 16, background: C.primary }}>
            <Icon name="service" size={Math.round(l.marker * 0.6)} color="#ffffff" />
          </ItemMarker>
          <ItemText at={l} titleColor={C.primaryDark} textColor={C.text} />
        </div>
      ),
    );
  }, [scene, locale]);
  return <LayerStack scene={scene} nodes={nodes} opacityOf={opacityOf} />;
};
