import React from 'react';
import { Composition, type CalculateMetadataFunction, type CompositionProps } from 'remotion';
import { BASE_LOOP_FRAMES } from './common/layers';
import { FPS } from './common/storyboard-types';
import { videoProps } from './common/video-props';
import { GUIDE_TYPES } from './common/envelope';
import { GUIDE_TYPE_DEFINITIONS, storyboardOf } from './guide-types';
import { sampleGuide } from './video/default-props';
import { GuideVideo, type GuideVideoProps } from './video/guide-video';
import { BaseVideo, baseProps, LayerStill, layerProps, SceneLayersStrip, sceneLayersProps, stripOf, type SceneLayersProps } from './video/helper-videos';
import { HEIGHT, WIDTH } from './scenes/ui/geometry';

/** The guide's length is its storyboard's, with measured narration when the props carry it. */
const stripMetadata: CalculateMetadataFunction<SceneLayersProps> = ({ props }) => ({
  durationInFrames: Math.max(1, stripOf(props).frames.length),
});

const guideMetadata: CalculateMetadataFunction<GuideVideoProps> = ({ props }) => ({
  durationInFrames: storyboardOf(props.guide, { narrationFrames: props.narration?.frames }).durationInFrames,
});

/** Every composition's frame: 1280x720 at 30 fps; 1080p renders use scale 1.5. */
const FRAME = { fps: FPS, width: WIDTH, height: HEIGHT } as const;

type Registration = React.ComponentProps<typeof Composition>;
type AnySchema = NonNullable<Registration['schema']>;

/** One row of the table: its props are checked against its own component and schema, then filed with the others. */
const registration = <S extends AnySchema, P extends Record<string, unknown>>(props: CompositionProps<S, P>): Registration => props as never;

/**
 * One composition per guide type (id = the type), plus the pieces the compositing renderer
 * assembles guides from: `base` (the looping background and presenter), `layer` (one still layer
 * of one scene, on transparency) and `scene-layers` (a scene's layers one per frame).
 */
const registrations = (): Registration[] => [
  ...GUIDE_TYPES.map((type) =>
    registration({
      id: type,
      // Each type's schema narrows `guide` to that type; the component reads any guide.
      component: GuideVideo as never,
      schema: videoProps(GUIDE_TYPE_DEFINITIONS[type].guide),
      defaultProps: { guide: sampleGuide(type) },
      calculateMetadata: guideMetadata as never,
      durationInFrames: FPS * 60,
      ...FRAME,
    }),
  ),
  registration({
    id: 'base',
    component: BaseVideo,
    schema: baseProps,
    defaultProps: { variant: 'side', presenter: 'F', locale: 'it' },
    durationInFrames: BASE_LOOP_FRAMES,
    ...FRAME,
  }),
  registration({
    id: 'layer',
    component: LayerStill,
    schema: layerProps,
    defaultProps: { guide: sampleGuide('naspi'), sceneId: 'greeting', layerId: 'name' },
    durationInFrames: 1,
    ...FRAME,
  }),
  registration({
    id: 'scene-layers',
    component: SceneLayersStrip,
    schema: sceneLayersProps,
    defaultProps: { guide: sampleGuide('naspi'), sceneIds: ['payments'] },
    calculateMetadata: stripMetadata,
    durationInFrames: 1,
    ...FRAME,
  }),
];

export const Root: React.FC = () => (
  <>
    {registrations().map((props) => (
      <Composition key={props.id} {...props} />
    ))}
  </>
);
