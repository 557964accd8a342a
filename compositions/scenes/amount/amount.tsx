import React, { useMemo } from 'react';
import { formatFigure } from '../ui/figure';
import { CONTENT } from '../ui/geometry';
import { cardFrame } from '../ui/card-frame';
import { LayerStack, lowerAll, settle, type KindProps, type LayerNodes } from '../ui/layer-stack';
import { fit, textWidth } from '../ui/measure';
import { C } from '../ui/palette';
import { layoutRows, Row, type RowSpec } from '../ui/rows';
import { at, Lines } from '../ui/text';

/** The big number of the scene, then its breakdown row by row. */
export const Amount: React.FC<KindProps<'amount'>> = ({ scene, locale, opacityOf }) => {
  const nodes = useMemo((): LayerNodes => {
    const c = scene.content;
    const frame = cardFrame(c.headline[locale], c.note?.[locale], 14);
    const figure = fit(formatFigure(c.amount, locale), { maxWidth: CONTENT.w, maxSize: 100, minSize: 60, maxLines: 1, weight: 700 });
    const figureW = textWidth(figure.lines[0] ?? '', figure.size, 700);
    const captionBeside = CONTENT.w - figureW - 24;
    const besideFit = fit(c.caption[locale], { maxWidth: Math.max(60, captionBeside), maxSize: 34, minSize: 28, maxLines: 2 });
    const beside = captionBeside >= 160 && besideFit.lines.length <= 2 && besideFit.lines.every((l) => textWidth(l, besideFit.size) <= captionBeside);
    const caption = beside ? besideFit : fit(c.caption[locale], { maxWidth: CONTENT.w, maxSize: 32, minSize: 28, maxLines: 2 });

    const yFigure = frame.top;
    const hFigure = Math.ceil(figure.size * 1.08) + (beside ? 0 : Math.ceil(caption.lines.length * caption.size * 1.2) + 2);
    const rowsTop = yFigure + hFigure + 16;
    const rows: RowSpec[] = c.rows.map((r) => ({ label: r.label[locale], value: formatFigure(r.figure, locale), emphasis: r.emphasis }));
    const laid = layoutRows(rows, { x: CONTENT.x, y: rowsTop, w: CONTENT.w, h: frame.bottom - rowsTop });

    const by = settle(laid.length ? Math.max(...laid.map((r) => r.y + r.h)) : yFigure + hFigure, frame.bottom);
    const out: LayerNodes = {
      headline: frame.headline,
      amount: (
        <div
          style={{
            ...at(CONTENT.x, yFigure, CONTENT.w),
            display: 'flex',
            flexDirection: beside ? 'row' : 'column',
            alignItems: beside ? 'flex-end' : 'flex-start',
            gap: beside ? 24 : 2,
          }}
        >
          <Lines text={figure} weight={700} color={C.primary} lineHeight={1.08} style={{ letterSpacing: -1 }} />
          <Lines text={caption} color={C.muted} style={beside ? { paddingBottom: Math.round(figure.size * 0.14) } : undefined} />
        </div>
      ),
    };
    rows.forEach((row, i) => {
      const r = laid[i];
      out[`row-${i}`] = r ? <Row row={row} at={r} /> : null;
    });
    if (frame.note) out.note = frame.note;
    return lowerAll(out, by);
  }, [scene, locale]);
  return <LayerStack scene={scene} nodes={nodes} opacityOf={opacityOf} />;
};
