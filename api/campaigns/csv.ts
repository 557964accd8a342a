import type { Readable } from 'node:stream';
import { parse, type CsvError } from 'csv-parse';
import type { z } from 'zod';
import { ApiError } from '../errors';
import { buildRow, planColumns, type Column } from './csv-columns';
import type { SourceRow } from '../../server/uploads/source-row';

interface Parsed {
  record: string[];
  info: { lines: number };
}

/**
 * CSV records as SourceRows. The header is checked before the first row is yielded, so a missing
 * column fails the upload before anything is written. A record the parser cannot read (a stray quote)
 * is skipped and reported with its line, and parsing goes on: bad rows never stop good ones.
 */
export async function* csvRows(stream: Readable, envelope: z.ZodType, maxRecordBytes: number): AsyncGenerator<SourceRow> {
  const parser = stream.pipe(
    parse({ bom: true, info: true, relax_column_count: true, skip_empty_lines: true, skip_records_with_error: true, max_record_size: maxRecordBytes }),
  );
  stream.on('error', (err) => parser.destroy(err));
  const skipped: SourceRow[] = [];
  parser.on('skip', (err: CsvError & { lines?: number }) => {
    skipped.push({ line: err.lines ?? 0, errors: [{ field: '(line)', message: `CSV syntax error (${err.code}); record skipped` }] });
  });
  let columns: Column[] | undefined;
  try {
    for await (const { record, info } of parser as AsyncIterable<Parsed>) {
      // The parser reports skipped records as soon as it reads them, ahead of the records before them.
      while (skipped.length && skipped[0]!.line < info.lines) yield skipped.shift()!;
      if (!columns) {
        columns = planColumns(envelope, record);
        continue;
      }
      const row = buildRow(columns, record);
      yield 'value' in row ? { line: info.lines, value: row.value } : { line: info.lines, errors: row.errors };
    }
    yield* skipped.splice(0);
  } finally {
    parser.destroy();
  }
  if (!columns) throw new ApiError(422, 'missing_columns', 'the CSV is empty: expected a header line of envelope field paths', '(header)');
}
