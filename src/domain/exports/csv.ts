/**
 * CSV writing for statistics packages (SPSS, R, Stata, Excel), per RFC 4180:
 * - fields separated by ',' and records by CRLF; the file ends with a CRLF;
 * - a field is quoted when it contains '"', ',', CR, LF or leading/trailing white space (RFC
 *   4180 allows spaces unquoted, but several readers trim them: quoting keeps them), and a
 *   '"' inside a quoted field is doubled;
 * - text is UTF-8 (a JS string; the caller encodes). Excel only reads UTF-8 correctly when the
 *   file starts with a byte order mark, which R and SPSS do not need: `withBom` adds it.
 *
 * Cell values are written in one locale-free way: '.' as decimal separator and never an
 * exponent (`plainNumber`), booleans as 1/0 (what SPSS and R read as numbers), missing as
 * an empty cell (never "NaN", "undefined" or "null").
 *
 * Formula injection (OWASP "CSV Injection"): a spreadsheet opening the file runs a cell that
 * starts with = + - @ (or a tab / CR before one) as a formula, e.g. `=HYPERLINK(...)` typed
 * into a free-text note. Text cells starting with one of those characters get a leading
 * single quote, which spreadsheets show as "text" and statistics packages keep as a visible,
 * harmless character. Only text cells are guarded: numbers such as -2.5 are written as
 * numbers, or a negative value would no longer read as a number.
 */

/** A value as it goes into a cell; null and undefined are missing. */
export type CellValue = string | number | boolean | null | undefined;

export const CRLF = '\r\n';
export const UTF8_BOM = '\uFEFF';

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /["\r\n,]|^\s|\s$/;

/**
 * Writes a finite number without exponent, with '.' as decimal separator, exactly as JS
 * prints it (the shortest string that reads back to the same double: nothing is rounded).
 * -0 is written 0. Not finite: empty (a missing value, never "NaN").
 */
export function plainNumber(n: number): string {
  if (!Number.isFinite(n)) return '';
  if (Object.is(n, -0)) return '0';
  const s = String(n);
  const m = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(s);
  if (m === null) return s;
  const [, sign = '', lead = '', frac = '', expText = '0'] = m;
  const digits = lead + frac;
  const point = 1 + Number(expText); // position of the decimal point within `digits`
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return `${sign}${digits}${'0'.repeat(point - digits.length)}`;
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

/** Prefixes a text cell that a spreadsheet would run as a formula (see the file header). */
export function guardFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** One cell as CSV text: formatted, formula-guarded when it is text, then quoted if needed. */
export function csvField(value: CellValue): string {
  let text: string;
  if (value === null || value === undefined) text = '';
  else if (typeof value === 'number') text = plainNumber(value);
  else if (typeof value === 'boolean') text = value ? '1' : '0';
  else text = guardFormula(value);
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A header row and data rows as an RFC 4180 document with CRLF line ends (and a final CRLF). */
export function toCsv(header: readonly string[], rows: readonly (readonly CellValue[])[]): string {
  const lines = [header.map(csvField).join(','), ...rows.map((r) => r.map(csvField).join(','))];
  return lines.join(CRLF) + CRLF;
}

/** Adds the UTF-8 byte order mark Excel needs to read UTF-8 (once; idempotent). */
export function withBom(csv: string): string {
  return csv.startsWith(UTF8_BOM) ? csv : UTF8_BOM + csv;
}
