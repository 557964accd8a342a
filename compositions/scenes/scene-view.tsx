import React, { useMemo } from 'react';
import { AbsoluteFill, useCurrentFrame } from 'remotion';
import { BASE_LOOP_FRAMES, baseVariantOf, layerOpacity } from '../common/layers';
import type { Locale } from '../common/locale';
import type { Scene, SceneKind, Storyboard } from '../common/storyboard-types';
import { Amount } from './amount/amount';
import { Base } from './base/base';
import { Calendar } from './calendar/calendar';
import { Closing } from './closing/closing';
import { Deductions } from './deductions/deductions';
import { Greeting } from './greeting/greeting';
import { layersOf } from './layers-of';
import { Obligations } from './obligations/obligations';
import { Services } from './services/services';
import { Status } from './status/status';
import type { KindProps, OpacityOf } from './ui/layer-stack';

const KINDS: { [K in SceneKind]: React.FC<KindProps<K>> } = {
  greeting: Greeting,
  amount: Amount,
  calendar: Calendar,
  deductions: Deductions,
  status: Status,
  obligations: Obligations,
  services: Services,
  closing: Closing,
};

/** A scene's layers only (no base), each at the opacity opacityOf gives it. */
export const SceneLayers: React.FC<{ scene: Scene; locale: Locale; opacityOf: OpacityOf }> = ({ scene, locale, opacityOf }) => {
  const Kind = KINDS[scene.kind] as React.FC<KindProps<SceneKind>>;
  return <Kind scene={scene} locale={locale} opacityOf={opacityOf} />;
};

/**
 * One scene as the guide shows it, at the current frame of its Sequence: the looping base plus
 * the layers with layerOpacity, the same sum the compositing renderer makes with ffmpeg.
 */
export const SceneView: React.FC<{ scene: Scene; storyboard: Storyboard; stillBase?: boolean }> = ({ scene, storyboard, stillBase = false }) => {
  const frame = useCurrentFrame();
  const timings = useMemo(() => new Map(layersOf(scene).map((l) => [l.id, l])), [scene]);
  const opacityOf: OpacityOf = (id) => {
    const t = timings.get(id);
    return t ? layerOpacity(t, frame, scene.durationInFrames) : 0;
  };
  return (
    <AbsoluteFill>
      <Base variant={baseVariantOf(scene.kind)} presenter={storyboard.presenter} locale={storyboard.locale} frame={stillBase ? 0 : frame % BASE_LOOP_FRAMES} />
      <SceneLayers scene={scene} locale={storyboard.locale} opacityOf={opacityOf} />
    </AbsoluteFill>
  );
};
