import type { ReactNode } from 'react';

/** One column of a DataTable: its heading and what each row shows in it. */
export interface Column<Row> {
  head: ReactNode;
  cell: (row: Row) => ReactNode;
  /** Class of the heading and of the cells ("num" for figures). */
  className?: string;
  /** Class of the cells when it is not the heading's. */
  cellClass?: string;
  /** The heading's tooltip. */
  title?: string;
}

interface Props<Row> {
  columns: (Column<Row> | false)[];
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  caption?: ReactNode;
  className?: string;
  /** scope="col" on the headings (the console's tables carry it). */
  scoped?: boolean;
  /** The one row shown, across every column, when there are none. */
  empty?: ReactNode;
}

/**
 * A staff page's table of rows, one cell per column; a column given as `false` (one shown only for
 * some filters) is left out of the heading and of every row alike.
 */
export function DataTable<Row>({ columns, rows, rowKey, caption, className, scoped = false, empty }: Props<Row>) {
  const shown = columns.filter((c): c is Column<Row> => c !== false);
  return (
    <table className={className}>
      {caption ? <caption>{caption}</caption> : null}
      <thead>
        <tr>
          {shown.map((c, i) => (
            <th key={i} scope={scoped ? 'col' : undefined} className={c.className} title={c.title}>
              {c.head}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={rowKey(r)}>
            {shown.map((c, i) => (
              <td key={i} className={c.cellClass ?? c.className}>
                {c.cell(r)}
              </td>
            ))}
          </tr>
        ))}
        {rows.length === 0 && empty ? (
          <tr>
            <td colSpan={shown.length} className="muted">
              {empty}
            </td>
          </tr>
        ) : null}
      </tbody>
    </table>
  );
}
