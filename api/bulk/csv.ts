import type { Readable } from 'node:stream';
import { parse, type CsvError } from 'csv-parse';
import type { z } from 'zod';
import { ApiError } from '../errors';
import { buildRow, planColumns, type Column } from './csv-columns';
import { FatalUploadError, type SourceRow } from './source-row';

interface Parsed {
  record: string[];
  info: { lines: number };
}

/**
 * CSV records as SourceRows. The header is checked before the first row is yielded, so a missing
 * column fails the upload before anything is written. A syntax error the parser cannot resync from
 * (an unclosed quote) ends the upload with the line; everything before it is stored.
 */
export async function* csvRows(stream: Readable, envelope: z.ZodType, maxRecordBytes: number): AsyncGenerator<SourceRow> {
  const parser = stream.pipe(
    parse({ bom: true, info: true, relax_column_count: true, skip_empty_lines: true, max_record_size: maxRecordBytes }),
  );
  stream.on('error', (err) => parser.destroy(err));
  let columns: Column[] | undefined;
  try {
    for await (const { record, info } of parser as AsyncIterable<Parsed>) {
      if (!columns) {
        columns = planColumns(envelope, record);
        continue;
      }
      const row = buildRow(columns, record);
      yield 'value' in row ? { line: info.lines, value: row.value } : { line: info.lines, errors: row.errors };
    }
  } catch (err) {
    const e = err as CsvError & { lines?: number };
    if (typeof e.code === 'string' && e.code.startsWith('CSV_')) {
      throw new FatalUploadError(e.lines ?? 0, `CSV syntax error (${e.code}); rows after this point were not read`);
    }
    throw err;
  } finally {
    parser.destroy();
  }
  if (!columns) throw new ApiError(422, 'missing_columns', 'the CSV is empty: expected a header line of envelope field paths', '(header)');
}
