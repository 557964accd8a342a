import React from 'react';
import { Composition, type CalculateMetadataFunction } from 'remotion';
import { BASE_LOOP_FRAMES } from './common/layers';
import { FPS } from './common/storyboard-types';
import { videoProps } from './common/video-props';
import { GUIDE_TYPES } from './common/envelope';
import { GUIDE_TYPE_DEFINITIONS, storyboardOf } from './guide-types';
import { sampleGuide } from './video/default-props';
import { GuideVideo, type GuideVideoProps } from './video/guide-video';
import { BaseVideo, baseProps, LayerStill, layerProps, SceneLayersStrip, sceneLayersProps, sceneOf, type SceneLayersProps } from './video/helper-videos';
import { layersOf } from './scenes/layers-of';
import { HEIGHT, WIDTH } from './scenes/ui/geometry';

/** The guide's length is its storyboard's, with measured narration when the props carry it. */
const stripMetadata: CalculateMetadataFunction<SceneLayersProps> = ({ props }) => ({
  durationInFrames: Math.max(1, layersOf(sceneOf(props).scene).length),
});

const guideMetadata: CalculateMetadataFunction<GuideVideoProps> = ({ props }) => ({
  durationInFrames: storyboardOf(props.guide, { narrationFrames: props.narration?.frames }).durationInFrames,
});

/**
 * One composition per guide type (id = the type), plus the two pieces the compositing renderer
 * assembles guides from: `base` (the looping background and presenter) and `layer` (one still
 * layer of one scene, on transparency). 1280x720 at 30 fps; 1080p renders use scale 1.5.
 */
export const Root: React.FC = () => (
  <>
    {GUIDE_TYPES.map((type) => (
      <Composition
        key={type}
        id={type}
        // Each type's schema narrows `guide` to that type; the component reads any guide.
        component={GuideVideo as never}
        schema={videoProps(GUIDE_TYPE_DEFINITIONS[type].guide)}
        defaultProps={{ guide: sampleGuide(type) }}
        calculateMetadata={guideMetadata as never}
        durationInFrames={FPS * 60}
        fps={FPS}
        width={WIDTH}
        height={HEIGHT}
      />
    ))}
    <Composition
      id="base"
      component={BaseVideo}
      schema={baseProps}
      defaultProps={{ variant: 'side', presenter: 'F', locale: 'it' }}
      durationInFrames={BASE_LOOP_FRAMES}
      fps={FPS}
      width={WIDTH}
      height={HEIGHT}
    />
    <Composition
      id="layer"
      component={LayerStill}
      schema={layerProps}
      defaultProps={{ guide: sampleGuide('naspi'), sceneId: 'greeting', layerId: 'name' }}
      durationInFrames={1}
      fps={FPS}
      width={WIDTH}
      height={HEIGHT}
    />
    <Composition
      id="scene-layers"
      component={SceneLayersStrip}
      schema={sceneLayersProps}
      defaultProps={{ guide: sampleGuide('naspi'), sceneId: 'payments' }}
      calculateMetadata={stripMetadata}
      durationInFrames={1}
      fps={FPS}
      width={WIDTH}
      height={HEIGHT}
    />
  </>
);
