/**
 * Records a tablet would push, built with the domain's record factory (builders.ts): patients
 * with their course and whole sessions (pre-checks, plan, double check, sign-off, infusion
 * events, observations, discharge), as one tablet records them. `validate: false` only skips
 * the check while building (speed); the server validates every record it receives.
 */
import { createRecordFactory } from '../../src/domain/records/builders.ts';
import type { ClinicalRecord } from '../../src/domain/records.ts';
import { generateCenter } from '../../src/domain/demo/index.ts';

/** `count` records from `deviceId`, authored by the bench staff (serve.ts BENCH_STAFF). */
export function tabletRecords(deviceId: string, count: number, seed: number): ClinicalRecord[] {
  const f = createRecordFactory({
    deviceId,
    authorStaffId: 'nurse-1',
    seed,
    startAt: '2026-05-04T08:00:00.000Z',
    stepMs: 1000,
    validate: false,
  });
  const records: ClinicalRecord[] = [];
  let n = 0;
  while (records.length < count) {
    n += 1;
    const patient = f.patient({ centerPatientNumber: `BENCH-${seed}-${n}` });
    const course = f.course(patient);
    records.push(patient, f.eligibility(patient), course);
    for (let s = 1; s <= 12 && records.length < count; s++) {
      records.push(...f.completedSession(course, { sessionNumber: s }).records);
    }
  }
  return records.slice(0, count);
}

/**
 * A realistic 10-year center's records (generateCenter: sessions carry their settings and
 * protocol snapshots, so sizes are the real ones), first `count` of them. For seeding a server
 * database straight through SQL before it starts; never pushed.
 */
export function centerRecords(count: number, seed: number): ClinicalRecord[] {
  // About 590 records per patient on average, but small centers vary: grow until enough.
  for (let patients = Math.max(1, Math.ceil(count / 450)); ; patients = Math.ceil(patients * 1.5)) {
    const center = generateCenter({ patients, years: 10, seed });
    if (!center.ok) throw new Error(center.error.message);
    if (center.value.records.length >= count) return center.value.records.slice(0, count);
    if (patients >= 100_000)
      throw new Error(`center has only ${center.value.records.length} records`);
  }
}
