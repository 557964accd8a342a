export { captionCues, chunkSentence, lineBreak, MAX_CUE_CHARS, type Cue, type SentenceTimings } from './cues';
export { chapters, type Chapter } from './chapters';
export { vttTime, webvtt } from './webvtt';
