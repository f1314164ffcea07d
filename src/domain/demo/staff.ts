/**
 * The synthetic center's staff: clearly fictional names ("Demo ..., fictional"), ids prefixed
 * `demo-` so demo records can never be mistaken for a real person's entries.
 */
import type { StaffRole } from '../records.ts';
import type { CenterSettings } from '../settings.ts';
import type { RecordWriter } from './record-writer.ts';
import { pick, type Prng } from './prng.ts';

export type DemoStaff = {
  readonly staffId: string;
  readonly displayName: string;
  readonly role: StaffRole;
};

export const DEMO_NURSES: readonly DemoStaff[] = [
  { staffId: 'demo-nurse-1', displayName: 'Ada Demo (fictional nurse)', role: 'nurse' },
  { staffId: 'demo-nurse-2', displayName: 'Bo Demo (fictional nurse)', role: 'nurse' },
  { staffId: 'demo-nurse-3', displayName: 'Cas Demo (fictional nurse)', role: 'nurse' },
  { staffId: 'demo-nurse-4', displayName: 'Dee Demo (fictional nurse)', role: 'nurse' },
];
export const DEMO_ANESTHESIOLOGISTS: readonly DemoStaff[] = [
  {
    staffId: 'demo-anesthesiologist-1',
    displayName: 'Dr. Eli Demo (fictional anesthesiologist)',
    role: 'anesthesiologist',
  },
  {
    staffId: 'demo-anesthesiologist-2',
    displayName: 'Dr. Fien Demo (fictional anesthesiologist)',
    role: 'anesthesiologist',
  },
];
export const DEMO_ADMIN: DemoStaff = {
  staffId: 'demo-admin',
  displayName: 'Gus Demo (fictional administrator)',
  role: 'admin',
};
/** Not on staff: the independent physician who decides a pain type when the two disagree. */
export const DEMO_EXTERNAL_PHYSICIAN_ID = 'demo-external-physician';

/** Nurse at the chair, a second nurse for the independent double check, and the anesthesiologist. */
export type SessionTeam = {
  readonly nurse: string;
  readonly checker: string;
  readonly anesthesiologist: string;
};

export function pickTeam(rng: Prng): SessionTeam {
  const nurse = pick(rng, DEMO_NURSES);
  const checker = pick(
    rng,
    DEMO_NURSES.filter((n) => n.staffId !== nurse.staffId),
  );
  return {
    nurse: nurse.staffId,
    checker: checker.staffId,
    anesthesiologist: pick(rng, DEMO_ANESTHESIOLOGISTS).staffId,
  };
}

/** Staff-member and settings-version records at `ms`, before any patient. */
export function writeCenterRecords(w: RecordWriter, ms: number, settings: CenterSettings): void {
  let t = ms;
  w.write(
    'settings-version',
    { patientId: null, sessionId: null },
    { settings },
    t,
    DEMO_ADMIN.staffId,
  );
  for (const s of [DEMO_ADMIN, ...DEMO_NURSES, ...DEMO_ANESTHESIOLOGISTS]) {
    t += 60_000;
    w.write(
      'staff-member',
      { patientId: null, sessionId: null },
      { staffId: s.staffId, displayName: s.displayName, role: s.role, active: true },
      t,
      DEMO_ADMIN.staffId,
    );
  }
}
