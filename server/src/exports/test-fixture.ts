/**
 * Test center for the export routes: a small generated synthetic center (src/domain/demo, 12
 * patients over 2 years, ~4,600 records, fast) plus a few real patients built with the record
 * factory, one of them voided by an entered-in-error marker. Loaded through the server's own
 * store code (demo/seed.ts), as `npm run seed-demo` does.
 */
import { generateCenter } from '../../../src/domain/demo/index.ts';
import type { ClinicalRecord } from '../../../src/domain/records.ts';
import { createRecordFactory } from '../../../src/domain/records/builders.ts';
import { seedRecords } from '../demo/seed.ts';
import type { TestServer } from '../test-support/harness.ts';

export type ExportFixture = {
  readonly records: readonly ClinicalRecord[];
  readonly syntheticPatientIds: readonly string[];
  readonly realPatientIds: readonly string[];
  readonly voidedPatientId: string;
};

function realPatients(): { records: ClinicalRecord[]; ids: string[]; voided: string } {
  const f = createRecordFactory({ seed: 11, startAt: '2025-03-03T08:00:00.000Z' });
  const records: ClinicalRecord[] = [];
  const ids: string[] = [];
  for (const [i, number] of ['KIT-0001', 'KIT-0002'].entries()) {
    const patient = f.patient({ centerPatientNumber: number, isSynthetic: false });
    const course = f.course(patient);
    records.push(patient, f.eligibility(patient), course);
    records.push(...f.completedSession(course, { sessionNumber: 1 }).records);
    if (i === 0) records.push(...f.completedSession(course, { sessionNumber: 2 }).records);
    ids.push(patient.patientId as string);
  }
  const wrong = f.patient({ centerPatientNumber: 'KIT-0003', isSynthetic: false });
  records.push(wrong, f.enteredInError(wrong, 'Registered twice; KIT-0002 is this patient.'));
  return { records, ids, voided: wrong.patientId as string };
}

export async function seedExportFixture(server: TestServer): Promise<ExportFixture> {
  const center = generateCenter({ patients: 12, years: 2, seed: 7 });
  if (!center.ok) throw new Error(center.error.message);
  const real = realPatients();
  const records = [...center.value.records, ...real.records];
  const seeded = await seedRecords(server.db, records, { now: server.clock.now, actor: 'test' });
  if (seeded.inserted !== records.length)
    throw new Error(`seeded ${seeded.inserted} of ${records.length}: ${JSON.stringify(seeded)}`);
  const synthetic = new Set<string>();
  for (const r of center.value.records) if (r.kind === 'patient') synthetic.add(r.patientId ?? '');
  return {
    records,
    syntheticPatientIds: [...synthetic],
    realPatientIds: real.ids,
    voidedPatientId: real.voided,
  };
}
