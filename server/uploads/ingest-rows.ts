import type { FieldError, Parsed } from '../../compositions/common/validation';
import { batchPipeline } from './pipeline';
import { FatalUploadError, type RowError, type SourceRow } from './source-row';

/** The part of a line-by-line report (contract/reports.ts) that refused rows fill. */
export interface RejectTally {
  rejected: number;
  errors: RowError[];
  errorsTruncated: boolean;
}

/** What reading an upload to its end fills: the rows read and where a fatal problem stopped it. */
export interface IngestTally extends RejectTally {
  rows: number;
  complete: boolean;
  fatal: { line: number; message: string } | null;
}

/** Counts a refused row and keeps its first 10 errors, `maxErrors` in all (the rest: errorsTruncated). */
export function rowRejecter(report: RejectTally, maxErrors: number): (line: number, errors: FieldError[]) => void {
  return (line, errors) => {
    report.rejected += 1;
    for (const e of errors.slice(0, 10)) {
      if (report.errors.length < maxErrors) report.errors.push({ line, ...e });
      else report.errorsTruncated = true;
    }
  };
}

/** What every storing upload's report carries besides what it uploaded and what it stored. */
export type StoringTally = IngestTally & { seconds: number };

/**
 * A storing upload's report before its first line, keys in the contract's order (contract/reports.ts:
 * what was uploaded, the line counts, what was stored, whether the reading reached the end), and the
 * rejecter that fills it.
 */
export function storingReport<Head extends object, Stored extends object>(
  head: Head,
  stored: Stored,
  maxErrors: number,
): { report: Head & StoringTally & Stored; reject: (line: number, errors: FieldError[]) => void } {
  const tally = { rows: 0, rejected: 0, errors: [], errorsTruncated: false, seconds: 0 };
  const report = { ...head, ...tally, ...stored, complete: true, fatal: null };
  return { report, reject: rowRejecter(report, maxErrors) };
}

export interface IngestRows<T> {
  report: IngestTally;
  reject: (line: number, errors: FieldError[]) => void;
  batchSize: number;
  /** A readable row checked into what `write` stores, or the row's errors. */
  check: (row: { line: number; value: unknown }) => Parsed<T>;
  write: (batch: T[]) => Promise<void>;
}

/**
 * Streams an upload through `check` into batches of `batchSize`, one written while the next fills
 * (batchPipeline). A row that cannot be read or checked is rejected and never stops the others; a
 * FatalUploadError (a broken CSV quote) ends the reading, the report saying where, with the rows
 * before it stored.
 */
export async function ingestRows<T>(source: AsyncIterable<SourceRow>, o: IngestRows<T>): Promise<void> {
  const { submit, finish } = batchPipeline(o.write);
  let batch: T[] = [];
  try {
    for await (const row of source) {
      o.report.rows += 1;
      if ('errors' in row) {
        o.reject(row.line, row.errors);
        continue;
      }
      const checked = o.check(row);
      if (!checked.ok) {
        o.reject(row.line, checked.errors);
        continue;
      }
      batch.push(checked.value);
      if (batch.length >= o.batchSize) {
        await submit(batch);
        batch = [];
      }
    }
  } catch (err) {
    if (!(err instanceof FatalUploadError)) throw err;
    o.report.complete = false;
    o.report.fatal = { line: err.line, message: err.message };
  }
  if (batch.length) await submit(batch);
  await finish();
}
