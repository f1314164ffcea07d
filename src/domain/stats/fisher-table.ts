/**
 * Validation of a contingency table of counts (rows x columns) for the exact tests: a
 * rectangular, non-empty list of rows of non-negative whole numbers with at least one count.
 * Each error says which cell is wrong, since the fix is in the cross-tabulation.
 */
import { statsFail, statsOk, type StatsResult } from './errors.ts';

export type CheckedTable = {
  readonly rowTotals: readonly number[];
  readonly colTotals: readonly number[];
  /** Every cell, row by row. */
  readonly cells: readonly number[];
  readonly n: number;
};

/** Largest N accepted: the log-factorial table has N + 1 entries. */
export const MAX_TABLE_TOTAL = 1_000_000;

export function checkTable(table: unknown): StatsResult<CheckedTable> {
  if (!Array.isArray(table) || table.length === 0) {
    return statsFail(
      'invalid-table',
      'table',
      'The table has no rows; give one list of counts per row.',
      'De tabel heeft geen rijen; geef per rij één lijst met aantallen.',
    );
  }
  const width = Array.isArray(table[0]) ? (table[0] as unknown[]).length : 0;
  if (width === 0) {
    return statsFail(
      'invalid-table',
      'table',
      'The table has no columns; give one count per column in each row.',
      'De tabel heeft geen kolommen; geef in elke rij één aantal per kolom.',
    );
  }
  const colTotals = new Array<number>(width).fill(0);
  const rowTotals: number[] = [];
  const cells: number[] = [];
  for (let i = 0; i < table.length; i++) {
    const row: unknown = table[i];
    if (!Array.isArray(row) || row.length !== width) {
      return statsFail(
        'invalid-table',
        'table',
        `Row ${i + 1} does not have ${width} counts like row 1; every row needs one count per column.`,
        `Rij ${i + 1} heeft geen ${width} aantallen zoals rij 1; elke rij heeft één aantal per kolom nodig.`,
      );
    }
    let rowTotal = 0;
    for (let j = 0; j < width; j++) {
      const v: unknown = row[j];
      const where = `row ${i + 1}, column ${j + 1}`;
      const whereNl = `rij ${i + 1}, kolom ${j + 1}`;
      if (typeof v !== 'number' || Number.isNaN(v)) {
        return statsFail(
          'not-a-number',
          'table',
          `The count in ${where} is not a number.`,
          `Het aantal in ${whereNl} is geen getal.`,
        );
      }
      if (!Number.isFinite(v))
        return statsFail(
          'not-finite',
          'table',
          `The count in ${where} is not finite.`,
          `Het aantal in ${whereNl} is niet eindig.`,
        );
      if (v < 0)
        return statsFail(
          'negative',
          'table',
          `The count in ${where} is negative (${v}); counts are 0 or more.`,
          `Het aantal in ${whereNl} is negatief (${v}); aantallen zijn 0 of meer.`,
        );
      if (!Number.isInteger(v)) {
        return statsFail(
          'not-an-integer',
          'table',
          `The count in ${where} is ${v}; counts must be whole numbers of patients.`,
          `Het aantal in ${whereNl} is ${v}; aantallen moeten gehele aantallen patiënten zijn.`,
        );
      }
      rowTotal += v;
      colTotals[j] = (colTotals[j] as number) + v;
      cells.push(v);
    }
    rowTotals.push(rowTotal);
  }
  const n = rowTotals.reduce((a, b) => a + b, 0);
  if (n === 0) {
    return statsFail(
      'empty',
      'table',
      'Every count in the table is 0; there are no patients to test.',
      'Elk aantal in de tabel is 0; er zijn geen patiënten om te toetsen.',
    );
  }
  if (n > MAX_TABLE_TOTAL) {
    return statsFail(
      'table-too-large',
      'table',
      `The table holds ${n} counts; exact tests here accept at most ${MAX_TABLE_TOTAL}.`,
      `De tabel telt in totaal ${n} waarnemingen; de exacte toetsen hier aanvaarden er hoogstens ${MAX_TABLE_TOTAL}.`,
    );
  }
  return statsOk({ rowTotals, colTotals, cells, n });
}
