import React, { useMemo } from 'react';
import { CONTENT, contentBelow } from '../ui/geometry';
import { fitHeadline, Headline, headlineHeight } from '../ui/headline';
import { Icon } from '../ui/icons';
import { itemBox, ItemMarker, ItemText, layoutItems } from '../ui/items';
import { LayerStack, lowerAll, settle, type KindProps, type LayerNodes } from '../ui/layer-stack';
import { C, SHADOW, tint } from '../ui/palette';

/**
 * The online services, one card each, named as the player's buttons are. The buttons themselves
 * are the player's overlay, never drawn here: a video pixel cannot be clicked.
 */
export const Services: React.FC<KindProps<'services'>> = ({ scene, locale, opacityOf }) => {
  const nodes = useMemo((): LayerNodes => {
    const c = scene.content;
    const head = fitHeadline(c.headline[locale]);
    const top = CONTENT.y + headlineHeight(head) + 24;
    const labelOf = (actionId: string): string => scene.actions.find((a) => a.id === actionId)?.label[locale] ?? '';
    const laid = layoutItems(
      c.items.map((it) => ({ title: labelOf(it.actionId) || it.text[locale], text: labelOf(it.actionId) ? it.text[locale] : '' })),
      contentBelow(top),
      { marker: 60, padX: 22, padY: 16 },
    );
    const by = settle(Math.max(top, ...laid.map((l) => l.y + l.h)), CONTENT.y + CONTENT.h);
    const out: LayerNodes = { headline: <Headline text={head} /> };
    laid.forEach((l, i) => {
      const m = l.marker;
      out[`card-${i}`] = (
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
          <ItemMarker size={m} style={{ borderRadius: 16, background: C.primary }}>
            <Icon name="service" size={Math.round(m * 0.6)} color="#ffffff" />
          </ItemMarker>
          <ItemText at={l} titleColor={C.primaryDark} textColor={C.text} />
        </div>
      );
    });
    return lowerAll(out, by);
  }, [scene, locale]);
  return <LayerStack scene={scene} nodes={nodes} opacityOf={opacityOf} />;
};
