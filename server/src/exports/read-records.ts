/**
 * The synced records as the domain reads them, for the center's exports and registry. Stored
 * bodies are the canonical JSON of records that passed the shared schema at push time; they
 * are parsed with that schema again here (`parseRecord`, validation.ts), which also upgrades a
 * record of an older schema version, exactly as the tablet does on read (records-repo
 * fromStorage). A record this server version cannot read fails the export, naming it: a
 * silently dropped record would make the files and the registry wrong without anyone knowing.
 */
import type { ClinicalRecord } from '../../../src/domain/records.ts';
import type { CenterDb } from '../db/types.ts';
import { ApiError } from '../http/errors.ts';
import { parseRecord } from '../validation.ts';

/**
 * Rows per query: a bounded amount of raw JSON text is held at a time, and on SQLite (whose
 * driver is synchronous) other requests get the event loop between pages.
 */
export const READ_PAGE_ROWS = 2000;

function parseStored(body: string): ClinicalRecord {
  const parsed = parseRecord(JSON.parse(body) as unknown);
  if (parsed.ok) return parsed.value;
  throw new ApiError(
    500,
    'record-unreadable',
    `${parsed.error.message} (${parsed.error.field}): this server version cannot read a stored record, so nothing was exported; update the server.`,
  );
}

type Filter = { readonly patientId?: string };

/** Every stored record (or one patient's), in server_seq order, parsed with the shared schema. */
export async function readRecords(db: CenterDb, filter: Filter = {}): Promise<ClinicalRecord[]> {
  const out: ClinicalRecord[] = [];
  for (let cursor = 0; ;) {
    let query = db.reader
      .selectFrom('records')
      .select(['server_seq', 'body'])
      .where('server_seq', '>', cursor);
    if (filter.patientId !== undefined) query = query.where('patient_id', '=', filter.patientId);
    const rows = await query.orderBy('server_seq').limit(READ_PAGE_ROWS).execute();
    for (const row of rows) out.push(parseStored(row.body));
    const last = rows.at(-1);
    if (last === undefined || rows.length < READ_PAGE_ROWS) return out;
    cursor = last.server_seq;
  }
}
