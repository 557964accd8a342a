// Moved to server/guides/create-guide.ts (issue #18: the intake creates guides too). This re-export
// stays while work in progress imports the old path; new code imports server/guides.
export { createGuide, type CreatedGuide } from '../../server/guides/create-guide';
