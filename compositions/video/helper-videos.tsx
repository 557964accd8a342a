import React, { useMemo } from 'react';
import { AbsoluteFill, useCurrentFrame } from 'remotion';
import { z } from 'zod';
import { BASE_LOOP_FRAMES } from '../common/layers';
import { LOCALES } from '../common/locale';
import { narrationTrack } from '../common/video-props';
import { guideSchema, storyboardOf } from '../guide-types';
import { Base } from '../scenes/base/base';
import { layersOf } from '../scenes/layers-of';
import { SceneLayers } from '../scenes/scene-view';
import { FontGate } from '../scenes/ui/font-gate';

/** Props of `base`: everything the base depends on (see common/layers.ts). */
export const baseProps = z.strictObject({
  variant: z.enum(['greeting', 'side']),
  presenter: z.enum(['F', 'M']),
  locale: z.enum(LOCALES),
});
export type BaseVideoProps = z.infer<typeof baseProps>;

/** The shared loop of BASE_LOOP_FRAMES frames that the renderer plays under a scene's layers. */
export const BaseVideo: React.FC<BaseVideoProps> = ({ variant, presenter, locale }) => {
  const frame = useCurrentFrame();
  return (
    <FontGate>
      <Base variant={variant} presenter={presenter} locale={locale} frame={frame % BASE_LOOP_FRAMES} />
    </FontGate>
  );
};

/** Props of `layer`: a guide (as for the guide's own composition) and which layer of which scene. */
export const layerProps = z.strictObject({
  guide: guideSchema,
  narration: narrationTrack.optional(),
  sceneId: z.string(),
  layerId: z.string(),
});
export type LayerStillProps = z.infer<typeof layerProps>;

/** One layer alone at full opacity on a transparent frame: renderStill makes it a PNG. */
export const LayerStill: React.FC<LayerStillProps> = ({ guide, narration, sceneId, layerId }) => {
  const storyboard = useMemo(() => storyboardOf(guide, { narrationFrames: narration?.frames }), [guide, narration]);
  const scene = storyboard.scenes.find((s) => s.id === sceneId);
  if (!scene) throw new Error(`guide type ${guide.type} has no scene "${sceneId}" (scenes: ${storyboard.scenes.map((s) => s.id).join(', ')})`);
  const ids = layersOf(scene).map((l) => l.id);
  if (!ids.includes(layerId)) throw new Error(`scene ${sceneId} has no layer "${layerId}" (layers: ${ids.join(', ')})`);
  return (
    <FontGate>
      <AbsoluteFill>
        <SceneLayers scene={scene} locale={storyboard.locale} opacityOf={(id) => (id === layerId ? 1 : 0)} />
      </AbsoluteFill>
    </FontGate>
  );
};

/**
 * Props of `scene-layers`: every layer of the named scenes, one per frame, scene after scene (the
 * renderer draws all the scenes a guide needs in one Chrome pass).
 */
export const sceneLayersProps = z.strictObject({
  guide: guideSchema,
  narration: narrationTrack.optional(),
  sceneIds: z.array(z.string()).min(1),
});
export type SceneLayersProps = z.infer<typeof sceneLayersProps>;

/** The strip's frames in order: for each named scene, each of its layers. */
export function stripOf(props: SceneLayersProps) {
  const storyboard = storyboardOf(props.guide, { narrationFrames: props.narration?.frames });
  const frames = props.sceneIds.flatMap((id) => {
    const scene = storyboard.scenes.find((s) => s.id === id);
    if (!scene) throw new Error(`guide type ${props.guide.type} has no scene "${id}"`);
    return layersOf(scene).map((layer) => ({ scene, layerId: layer.id }));
  });
  return { storyboard, frames };
}

/**
 * The layers of one or more scenes as a strip of frames: the renderer draws them with one
 * renderFrames call (pages reused, frames in parallel) instead of one renderStill per layer.
 */
export const SceneLayersStrip: React.FC<SceneLayersProps> = (props) => {
  const frame = useCurrentFrame();
  const { storyboard, frames } = useMemo(() => stripOf(props), [props]);
  const at = frames[frame];
  if (!at) return null;
  return (
    <FontGate>
      <AbsoluteFill>
        <SceneLayers scene={at.scene} locale={storyboard.locale} opacityOf={(id) => (id === at.layerId ? 1 : 0)} />
      </AbsoluteFill>
    </FontGate>
  );
};
