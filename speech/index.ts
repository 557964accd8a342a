/** Narration for the guides: the API and the render worker import this; compositions/ and player/ must not (it spawns processes). */
export { ClipCache, type Clip, type ClipRequest } from './clip-cache';
export { createEngine, defaultEngine, processClipCache, type SpeechConfig } from './config';
export { countingEngine, routeByLocale, type PresenterVoice, type SpeechEngine, type SynthesisRequest, type SynthesisResult } from './engine';
export { espeakEngine } from './espeak';
export { festivalEngine } from './festival';
export { buildGuideAudio, guidePcm, SPEECH_LOUDNESS, type GuideAudio } from './guide-audio';
export { measureLoudness, type LoudnessMeasurement } from './loudness';
export { httpEngine } from './http-engine';
export { narrateGuide, SENTENCE_GAP_FRAMES, type GuideNarration, type NarrateOptions, type SceneNarration } from './narrate';
export { speakable } from './speakable';
export { narrateStoredGuide, publicTrack, type SpeechContext } from './guide-narration';
