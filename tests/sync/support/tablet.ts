/**
 * Test doubles for the tablet side: records from the domain's record factory, timers that
 * run only when the test says so, and a client wired to them.
 */
import { createRecordFactory } from '../../../src/domain/records/builders.ts';
import type { ClinicalRecord } from '../../../src/domain/records.ts';
import type { Timers } from '../../../src/sync/transport.ts';

/** A patient, course and session, then `n` observations: `3 + n` records of one tablet. */
export function sessionRecords(
  deviceId: string,
  n: number,
  seed = 7,
  authorStaffId = 'nurse-1',
): ClinicalRecord[] {
  const f = createRecordFactory({
    deviceId,
    authorStaffId,
    seed,
    startAt: '2026-03-02T07:00:00.000Z',
    stepMs: 1000,
  });
  const patient = f.patient();
  const course = f.course(patient);
  const session = f.session(course);
  return [patient, course, session, ...Array.from({ length: n }, () => f.observation(session))];
}

export type ManualTimers = Timers & {
  readonly scheduled: () => { readonly ms: number; readonly run: () => void }[];
};

/** Timers that never fire by themselves: `scheduled()` lists what is waiting. */
export function manualTimers(): ManualTimers {
  const waiting = new Set<{ ms: number; run: () => void }>();
  return {
    setTimeout: (run, ms) => {
      const handle = { ms, run };
      waiting.add(handle);
      return handle;
    },
    clearTimeout: (handle) => void waiting.delete(handle as { ms: number; run: () => void }),
    scheduled: () => [...waiting],
  };
}
