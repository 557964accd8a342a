import React, { useMemo } from 'react';
import type { NarrationTrack } from '../common/video-props';
import { storyboardOf, type Guide } from '../guide-types';
import { StoryboardVideo } from './storyboard-video';

export interface GuideVideoProps {
  guide: Guide;
  narration?: NarrationTrack;
  reducedMotion?: boolean;
  [key: string]: unknown;
}

/** A whole guide (the Remotion compositions' component): its storyboard, drawn. */
export const GuideVideo: React.FC<GuideVideoProps> = ({ guide, narration, reducedMotion = false }) => {
  const storyboard = useMemo(() => storyboardOf(guide, { narrationFrames: narration?.frames }), [guide, narration]);
  return <StoryboardVideo storyboard={storyboard} reducedMotion={reducedMotion} {...(narration ? { narration } : {})} />;
};
