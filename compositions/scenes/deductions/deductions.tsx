import React, { useMemo } from 'react';
import { formatCents } from '../../common/locale';
import { LABELS } from '../ui/figure';
import { CONTENT } from '../ui/geometry';
import { cardFrame } from '../ui/card-frame';
import { LayerStack, lowerAll, settle, type KindProps, type LayerNodes } from '../ui/layer-stack';
import { fit } from '../ui/measure';
import { C, tint } from '../ui/palette';
import { layoutRows, Row, type RowSpec } from '../ui/rows';
import { at, Lines } from '../ui/text';

const NET_H = 92;

/** A payslip read top-down: gross, each withholding taken away, and the net in a box. */
export const Deductions: React.FC<KindProps<'deductions'>> = ({ scene, locale, opacityOf }) => {
  const nodes = useMemo((): LayerNodes => {
    const c = scene.content;
    const frame = cardFrame(c.headline[locale], c.note?.[locale], 18);
    const top = frame.top;
    const netMaxY = frame.bottom - NET_H - 6;
    const rows: RowSpec[] = [
      { label: LABELS.gross[locale], value: formatCents(c.grossCents, locale) },
      ...c.lines.map((l) => ({ label: l.label[locale], value: `− ${formatCents(l.cents, locale)}`, minus: true })),
    ];
    // Rows stay in one column: a payslip is read as a single sum.
    const laid = layoutRows(rows, { x: CONTENT.x, y: top, w: CONTENT.w, h: netMaxY - 14 - top }, 1);
    // The net closes the sum right under the last line, as on the paper payslip.
    const last = laid[laid.length - 1];
    const netY = Math.min(netMaxY, last ? last.y + last.h + 18 : top);
    const netLabel = fit(LABELS.net[locale], { maxWidth: CONTENT.w * 0.45, maxSize: 34, minSize: 28, maxLines: 2, weight: 700 });
    const netValue = fit(formatCents(c.netCents, locale), { maxWidth: CONTENT.w * 0.5, maxSize: 60, minSize: 40, maxLines: 1, weight: 700 });

    const by = settle(netY + NET_H, frame.bottom);
    const out: LayerNodes = { headline: frame.headline };
    out.gross = laid[0] && rows[0] ? <Row row={rows[0]} at={laid[0]} /> : null;
    c.lines.forEach((_, i) => {
      const r = laid[i + 1];
      const row = rows[i + 1];
      out[`line-${i}`] = r && row ? <Row row={row} at={r} /> : null;
    });
    out.net = (
      <div
        style={{
          ...at(CONTENT.x, netY, CONTENT.w, NET_H),
          boxSizing: 'border-box',
          display: 'flex',
          alignItems: 'center',
          justifyContent: 'space-between',
          padding: '0 24px',
          borderRadius: 16,
          background: tint(C.primary, 0.88),
          borderLeft: `10px solid ${C.primary}`,
        }}
      >
        <Lines text={netLabel} weight={700} color={C.primaryDark} />
        <Lines text={netValue} weight={700} color={C.primaryDark} lineHeight={1} />
      </div>
    );
    if (frame.note) out.note = frame.note;
    return lowerAll(out, by);
  }, [scene, locale]);
  return <LayerStack scene={scene} nodes={nodes} opacityOf={opacityOf} />;
};
