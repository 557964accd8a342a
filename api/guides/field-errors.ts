// Moved to server/guides/field-errors.ts (issue #18). This re-export stays while work in progress
// imports the old path; new code imports server/guides.
export { explain } from '../../server/guides/field-errors';
