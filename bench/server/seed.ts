/**
 * Fills a bench database with a center's records straight through SQL before the server starts
 * (not measured): big transactions, done in the bench process so the server process's memory
 * high-water mark is not the generator's.
 */
import type { BenchDb } from './database.ts';
import { insertRows, toRow } from './database.ts';
import { centerRecords } from './records.ts';

export async function seedCenter(bench: BenchDb, count: number): Promise<number> {
  const receivedAt = new Date().toISOString();
  const db = bench.open();
  try {
    const rows = centerRecords(count, 7).map((r) => toRow(r, receivedAt));
    await insertRows(db, rows, 10_000);
    return rows.length;
  } finally {
    await db.close();
  }
}
