import type { FieldError } from '../../compositions/common/validation';

/** One record of an upload, before validation: its value, or why it could not even be read. */
export type SourceRow = { line: number; value: unknown } | { line: number; errors: FieldError[] };

export interface RowError extends FieldError {
  /** 1-based line of the upload (for CSV, the line where the record ends). */
  line: number;
}

/** A problem that stops reading the rest of the upload (a broken CSV quote): rows before it stay stored. */
export class FatalUploadError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
  }
}
