import React from 'react';
import { AbsoluteFill } from 'remotion';
import type { Locale } from '../../common/locale';
import type { Scene, SceneKind } from '../../common/storyboard-types';
import { layersOf } from '../layers-of';

/** Opacity of each layer at the frame being drawn (1 for the single-layer still). */
export type OpacityOf = (layerId: string) => number;

export interface KindProps<K extends SceneKind> {
  scene: Extract<Scene, { kind: K }>;
  locale: Locale;
  opacityOf: OpacityOf;
}

/** Each layer's pixels, by layer id; positions are absolute in the 1280x720 frame. */
export type LayerNodes = Record<string, React.ReactNode>;

/**
 * Draws a scene's layers in layersOf order, each as its own full-frame group with its own
 * opacity: exactly what the renderer does with one transparent PNG per layer.
 */
export const LayerStack: React.FC<{ scene: Scene; nodes: LayerNodes; opacityOf: OpacityOf }> = ({ scene, nodes, opacityOf }) => (
  <>
    {layersOf(scene).map(({ id }) => {
      if (!(id in nodes)) throw new Error(`scene ${scene.id} (${scene.kind}) draws no layer "${id}"`);
      const opacity = opacityOf(id);
      if (opacity <= 0) return null;
      return (
        <AbsoluteFill key={id} style={{ opacity }}>
          {nodes[id]}
        </AbsoluteFill>
      );
    })}
  </>
);

/**
 * How far to lower a short block so it sits in the card's optical centre instead of hugging the
 * headline (a third of the free space above, two thirds below).
 */
export const settle = (bottom: number, limit: number): number => Math.floor(Math.max(0, limit - bottom) / 3);

/** Moves a layer's drawing down by `by` pixels (absolute positions inside stay as laid out). */
export const Lowered: React.FC<{ by: number; children: React.ReactNode }> = ({ by, children }) =>
  by ? <div style={{ position: 'absolute', left: 0, top: by, width: '100%', height: '100%' }}>{children}</div> : <>{children}</>;

/** Lowers every layer but the named ones (the headline and the pinned note stay put). */
export function lowerAll(nodes: LayerNodes, by: number, keep: string[] = ['headline', 'badge', 'note']): LayerNodes {
  if (!by) return nodes;
  return Object.fromEntries(Object.entries(nodes).map(([id, node]) => [id, keep.includes(id) ? node : <Lowered by={by}>{node}</Lowered>]));
}
