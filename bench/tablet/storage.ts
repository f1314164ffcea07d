/**
 * Benchmark: the tablet's storage path in Node on fake-indexeddb (an in-memory IndexedDB
 * written in JavaScript, not a browser's: real IndexedDB commits to disk and is usually
 * slower per transaction, so these are a lower bound of the app's own cost, not a prediction).
 *
 * - Writing one observation through src/db/record-writer.ts: schema validation, the record
 *   and its outbox row (and the patient index) in one transaction.
 * - What the infusion screen computes for a session with 20 observations: read the patient's
 *   records (recordsForPatient), apply corrections, derive the patient summary and the
 *   session state (as src/ui/use-patient-view.ts does). React's own render is not included.
 * - Opening a patient history (issue 5, target <= 100 ms): the same for a patient with 12
 *   completed sessions, deriving every session's state.
 *
 *   npx tsx bench/tablet/storage.ts [--quick] [--out file.json]
 */
import 'fake-indexeddb/auto';
import { fixedClock } from '../../src/db/clock.ts';
import { openKitDatabase } from '../../src/db/database.ts';
import { createRecordWriter } from '../../src/db/record-writer.ts';
import { appendRecords, recordsForPatient } from '../../src/db/records-repo.ts';
import { createRecordFactory } from '../../src/domain/records/builders.ts';
import type { ClinicalRecord } from '../../src/domain/records.ts';
import { effectiveRecords } from '../../src/domain/state/effective.ts';
import { derivePatientSummary } from '../../src/domain/state/patient-summary.ts';
import { deriveSessionState } from '../../src/domain/state/session-state.ts';
import { createOutput, finish, readCli } from '../lib/metrics.ts';
import { latencyMetrics, sampleMs } from '../lib/timing.ts';

const cli = readCli();
const out = createOutput('tablet-storage');
const q = cli.quick;

const db = openKitDatabase('kit-bench');
try {
  const f = createRecordFactory({ startAt: '2026-06-01T06:00:00.000Z', seed: 3 });

  // A session running, with 20 observations.
  const patient = f.patient({ centerPatientNumber: 'BENCH-1' });
  const course = f.course(patient);
  const session = f.session(course, { sessionNumber: 2 });
  const weight = f.weight(session, { weightKg: 70 });
  const plan = f.dosePlan(session, weight);
  const running: ClinicalRecord[] = [
    patient,
    course,
    session,
    ...f.preChecks(session),
    weight,
    f.baselineVitals(session),
    plan,
    f.doubleCheck(plan),
    f.signOff(plan),
    f.infusionEvent(session, 'start'),
    ...Array.from({ length: 20 }, () => f.observation(session)),
  ];

  // A patient with 12 completed sessions (a course's history).
  const h = createRecordFactory({ startAt: '2025-01-06T08:00:00.000Z', seed: 4 });
  const hp = h.patient({ centerPatientNumber: 'BENCH-2' });
  const hc = h.course(hp);
  const history: ClinicalRecord[] = [hp, h.eligibility(hp), hc];
  for (let s = 1; s <= 12; s++)
    history.push(...h.completedSession(hc, { sessionNumber: s }).records);

  const seeded = await appendRecords(db, [...running, ...history]);
  if (!seeded.ok) throw new Error(`seeding failed: ${seeded.error.message}`);

  const deriveRunning = async () => {
    const records = await recordsForPatient(db, patient.id);
    const effective = effectiveRecords(records);
    derivePatientSummary(effective, patient.id);
    return deriveSessionState(effective, session.id);
  };
  const state = await deriveRunning();
  if (state.observations.length !== 20)
    out.errors.push(`session state shows ${state.observations.length} observations, not 20`);
  out.metrics.push(
    ...latencyMetrics(
      'tablet.sessionState',
      `Session state, 20 observations (read ${running.length} records + derive)`,
      await sampleMs(deriveRunning, { runs: q ? 30 : 200, warmup: 5 }),
      {
        detail: 'recordsForPatient + effectiveRecords + derivePatientSummary + deriveSessionState',
      },
    ).metrics,
  );

  const openHistory = async () => {
    const records = await recordsForPatient(db, hp.id);
    const effective = effectiveRecords(records);
    const summary = derivePatientSummary(effective, hp.id);
    const sessions = effective.records.filter((r) => r.kind === 'session');
    return { summary, states: sessions.map((s) => deriveSessionState(effective, s.id)) };
  };
  out.metrics.push(
    ...latencyMetrics(
      'tablet.patientHistory',
      `Patient history, 12 sessions (read ${history.length} records + derive every session)`,
      await sampleMs(openHistory, { runs: q ? 20 : 100, warmup: 3 }),
      { target: { op: '<=', value: 100 }, detail: 'chart drawing not included' },
    ).metrics,
  );

  // Writes go to another session, after the seeded records in time.
  const clock = fixedClock('2026-06-01T12:00:00.000Z', 1000, 9);
  const writer = createRecordWriter(db, clock, 'tablet-bench');
  const w = createRecordFactory({ startAt: '2026-06-01T11:00:00.000Z', seed: 5 });
  const wp = w.patient({ centerPatientNumber: 'BENCH-3' });
  const ws = w.session(w.course(wp), { sessionNumber: 1 });
  const wStart = w.infusionEvent(ws, 'start');
  const more = await appendRecords(db, [wp, ws, wStart]);
  if (!more.ok) throw new Error(`seeding failed: ${more.error.message}`);
  const payload = w.observation(ws).payload;
  let refused = 0;
  const writeOne = async () => {
    const r = await writer.write('observation', { patientId: wp.id, sessionId: ws.id }, payload, {
      authorStaffId: 'nurse-1',
      protocolKey: ws.protocolKey,
      settingsVersion: ws.settingsVersion,
    });
    if (!r.ok) refused += 1;
  };
  const writes = await sampleMs(writeOne, { runs: q ? 50 : 300, warmup: 5 });
  if (refused > 0) out.errors.push(`${refused} observation writes refused`);
  out.metrics.push(
    ...latencyMetrics(
      'tablet.write',
      'Write one observation + outbox row (record-writer)',
      writes,
      { detail: 'zod validation + one Dexie transaction on fake-indexeddb' },
    ).metrics,
  );
  const total = await db.records.count();
  out.extra.storedRecords = total;
} catch (error) {
  out.errors.push(error instanceof Error ? (error.stack ?? error.message) : String(error));
} finally {
  db.close();
}
finish(out, cli);
