// Moved to server/guides/storable-text.ts (issue #18). This re-export stays while work in progress
// imports the old path; new code imports server/guides.
export { storableTextProblems } from '../server/guides/storable-text';
