/**
 * One definition per exported variable serves both the data file and its codebook, so the two
 * cannot drift: the CSV header, each cell and the codebook row all come from the same
 * `ExportColumn`. Variable names are short, start with a letter and use only letters, digits
 * and '_' (what SPSS, Stata and R accept as variable names without renaming).
 */
import { toCsv, type CellValue } from './csv.ts';

/** Measurement level as a statistics package reads it. */
export const COLUMN_TYPES = [
  'integer',
  'decimal',
  'boolean',
  'date',
  'datetime',
  'text',
  'code',
  'code-list',
] as const;
export type ColumnType = (typeof COLUMN_TYPES)[number];

export type ExportColumn<Row> = {
  /** Variable name: letters, digits and '_', starting with a letter, at most 32 characters. */
  readonly name: string;
  /** What the variable means, with its definition and source. */
  readonly label: string;
  readonly type: ColumnType;
  /** UCUM unit (protocol.md section 9), '' when the value has none. */
  readonly unit: string;
  /**
   * Allowed values in words: the code list for codes, the range for numbers, the format for
   * dates. Booleans are always "1 = yes; 0 = no; empty = not recorded".
   */
  readonly allowed: string;
  readonly value: (row: Row) => CellValue;
};

export const VARIABLE_NAME = /^[A-Za-z][A-Za-z0-9_]{0,31}$/;

/** Separator inside `code-list` cells (several codes in one cell, e.g. side effects). */
export const LIST_SEPARATOR = ';';

export const BOOLEAN_ALLOWED = '1 = yes; 0 = no; empty = not recorded';
export const DATE_ALLOWED = 'ISO 8601 date YYYY-MM-DD';
export const DATETIME_ALLOWED = 'ISO 8601 UTC instant YYYY-MM-DDTHH:mm:ss.sssZ';

/** "a = ...; b = ..." or "a; b; c" for a code list. */
export const codes = (values: readonly string[]) => values.join('; ');

/** The rows as CSV with the columns' names as header (csv.ts for quoting and formats). */
export function renderTable<Row>(
  columns: readonly ExportColumn<Row>[],
  rows: readonly Row[],
): string {
  return toCsv(
    columns.map((c) => c.name),
    rows.map((row) => columns.map((c) => c.value(row))),
  );
}
