import React, { useMemo } from 'react';
import { formatFigure } from '../ui/figure';
import { FONT_STACK } from '../ui/fonts';
import { CONTENT, contentBelow } from '../ui/geometry';
import { fitHeadline, Headline, headlineHeight } from '../ui/headline';
import { Icon, toneIcon } from '../ui/icons';
import { itemBox, ItemMarker, ItemText, layoutItems } from '../ui/items';
import { LayerStack, lowerAll, settle, type KindProps, type LayerNodes } from '../ui/layer-stack';
import { blockHeight, fit, textWidth } from '../ui/measure';
import { C, TONE, tint } from '../ui/palette';
import { at, Lines } from '../ui/text';

const BADGE_H = 52;

/** Where things stand (a badge in the tone's colour, key facts as cards), then what to do. */
export const Status: React.FC<KindProps<'status'>> = ({ scene, locale, opacityOf }) => {
  const nodes = useMemo((): LayerNodes => {
    const c = scene.content;
    const tone = TONE[c.tone];
    const badgeText = c.badge[locale];
    const badgeW = Math.ceil(textWidth(badgeText, 30, 600)) + 36 + 14 + 40;
    const headFull = fitHeadline(c.headline[locale]);
    const headBeside = fitHeadline(c.headline[locale], CONTENT.w - badgeW - 24);
    const beside = headBeside.lines.length === 1 && headBeside.size >= 38;
    const head = beside ? headBeside : headFull;
    const hHead = headlineHeight(head);
    const badgePos = beside
      ? { x: CONTENT.x + CONTENT.w - badgeW, y: CONTENT.y + Math.max(0, (head.size * 1.12 - BADGE_H) / 2) }
      : { x: CONTENT.x, y: CONTENT.y + hHead + 14 };
    let y = beside ? CONTENT.y + hHead + 24 : badgePos.y + BADGE_H + 22;

    const out: LayerNodes = {
      headline: <Headline text={head} />,
      badge: (
        <div
          style={{
            ...at(badgePos.x, badgePos.y, undefined, BADGE_H),
            boxSizing: 'border-box',
            display: 'flex',
            alignItems: 'center',
            gap: 12,
            padding: '0 22px 0 16px',
            borderRadius: BADGE_H / 2,
            background: tone.bg,
            color: tone.fg,
            fontFamily: FONT_STACK,
            fontWeight: 600,
            fontSize: 30,
            whiteSpace: 'nowrap',
            border: `2px solid ${tint(tone.fg, 0.6)}`,
          }}
        >
          <Icon name={toneIcon[c.tone]} size={34} color={tone.fg} />
          {badgeText}
        </div>
      ),
    };

    const nf = c.facts.length;
    if (nf && c.steps.length === 0) {
      // Facts alone are the scene: full-width rows with large values, centred in the card.
      const gap = 16;
      const rows = c.facts.map((f) => {
        const label = fit(f.label[locale], { maxWidth: CONTENT.w * 0.38 - 40, maxSize: 30, minSize: 28, maxLines: 2 });
        // The value takes whatever the label leaves: one line if it stays large, else two.
        const room = CONTENT.w - 64 - 24 - Math.max(...label.lines.map((l) => textWidth(l, label.size)));
        const text = formatFigure(f.figure, locale);
        const one = fit(text, { maxWidth: room, maxSize: 44, minSize: 34, maxLines: 1, weight: 700 });
        const value = one.lines.length === 1 ? one : fit(text, { maxWidth: room, maxSize: 40, minSize: 30, maxLines: 2, weight: 700, balanced: true });
        const h = Math.max(blockHeight(value.lines.length, value.size, 1.1), blockHeight(label.lines.length, label.size)) + 40;
        return { value, label, h };
      });
      let ry = y;
      rows.forEach((r, i) => {
        out[`fact-${i}`] = (
          <div
            style={{
              ...at(CONTENT.x, ry, CONTENT.w, r.h),
              boxSizing: 'border-box',
              padding: '0 28px',
              borderRadius: 18,
              background: tint(C.primary, 0.92),
              borderLeft: `8px solid ${C.primary}`,
              display: 'flex',
              alignItems: 'center',
              justifyContent: 'space-between',
              gap: 24,
            }}
          >
            <Lines text={r.label} color={C.muted} />
            <Lines text={r.value} weight={700} color={C.primaryDark} lineHeight={1.1} align="right" />
          </div>
        );
        ry += r.h + gap;
      });
      y = ry - gap + 22;
    } else if (nf) {
      const gap = 16;
      const w = Math.floor((CONTENT.w - (nf - 1) * gap) / nf);
      const valueOf = (text: string) => {
        const one = fit(text, { maxWidth: w - 40, maxSize: 34, minSize: 30, maxLines: 1, weight: 700 });
        return one.lines.length === 1 ? one : fit(text, { maxWidth: w - 40, maxSize: 32, minSize: 28, maxLines: 2, weight: 700 });
      };
      const values = c.facts.map((f) => valueOf(formatFigure(f.figure, locale)));
      const labels = c.facts.map((f) => fit(f.label[locale], { maxWidth: w - 40, maxSize: 28, minSize: 28, maxLines: 2 }));
      const inner = Math.max(
        ...c.facts.map((_, i) => blockHeight(labels[i]!.lines.length, 28) + 4 + blockHeight(values[i]!.lines.length, values[i]!.size, 1.1)),
      );
      const h = inner + 32;
      c.facts.forEach((_, i) => {
        out[`fact-${i}`] = (
          <div
            style={{
              ...at(CONTENT.x + i * (w + gap), y, w, h),
              boxSizing: 'border-box',
              padding: '16px 20px',
              borderRadius: 18,
              background: tint(C.primary, 0.92),
              borderTop: `6px solid ${C.primary}`,
              display: 'flex',
              flexDirection: 'column',
              gap: 4,
            }}
          >
            <Lines text={labels[i]!} color={C.muted} />
            <Lines text={values[i]!} weight={700} color={C.primaryDark} lineHeight={1.1} />
          </div>
        );
      });
      y += h + 22;
    }

    const steps = layoutItems(
      c.steps.map((s) => ({ title: s.title[locale], text: s.text[locale] })),
      contentBelow(y),
      { marker: 48, padX: 0, padY: 2, keepMarker: c.numbered },
    );
    steps.forEach((l, i) => {
      const m = l.marker;
      out[`step-${i}`] = (
        <div style={itemBox(l, 2)}>
          <ItemMarker
            size={m}
            style={{
              borderRadius: m / 2,
              background: c.numbered ? C.primary : tint(C.primary, 0.86),
              color: '#ffffff',
              fontFamily: FONT_STACK,
              fontWeight: 700,
              fontSize: Math.round(m * 0.55),
            }}
          >
            {c.numbered ? i + 1 : <Icon name="check" size={Math.round(m * 0.62)} color={C.primary} />}
          </ItemMarker>
          <ItemText at={l} titleColor={C.text} textColor={C.muted} />
        </div>
      );
    });
    // Facts and steps settle together below the headline and badge.
    const bottom = steps.length ? Math.max(...steps.map((l) => l.y + l.h)) : y - 22;
    const by = settle(bottom, CONTENT.y + CONTENT.h);
    return lowerAll(out, by);
  }, [scene, locale]);
  return <LayerStack scene={scene} nodes={nodes} opacityOf={opacityOf} />;
};
