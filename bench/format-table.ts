import type { BenchmarkRow } from './benchmark';

/**
 * Renders rows as an aligned text table: text left-aligned, numbers right-aligned, whole numbers with thousands
 * separators and fractions with two decimals.
 *
 * @example
 * formatTable([{ case: 'append', 'events/s': 1234 }]);
 * // case   | events/s
 * // -------+---------
 * // append |    1,234
 */
export function formatTable(rows: readonly BenchmarkRow[]): string {
  const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))];
  const cells = rows.map((row) => columns.map((column) => formatCell(row[column])));
  const widths = columns.map((column, index) =>
    Math.max(column.length, ...cells.map((rowCells) => rowCells[index].length)),
  );
  const numeric = columns.map((column) => rows.some((row) => typeof row[column] === 'number'));
  const line = (values: string[], alignNumbers: boolean) =>
    values
      .map((value, index) =>
        alignNumbers && numeric[index] ? value.padStart(widths[index]) : value.padEnd(widths[index]),
      )
      .join(' | ')
      .trimEnd();
  return [
    line(columns, false),
    widths.map((width) => '-'.repeat(width)).join('-+-'),
    ...cells.map((rowCells) => line(rowCells, true)),
  ].join('\n');
}

function formatCell(value: string | number | undefined): string {
  if (value === undefined) return '';
  if (typeof value === 'string') return value;
  return Number.isInteger(value)
    ? value.toLocaleString('en-US')
    : value.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}
