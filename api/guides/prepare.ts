// Moved to server/guides/prepare.ts (issue #18: the intake validates envelopes too). This re-export
// stays while work in progress imports the old path; new code imports server/guides.
export { checkEnvelope, prepareGuide, type Checked, type PreparedGuide } from '../../server/guides/prepare';
