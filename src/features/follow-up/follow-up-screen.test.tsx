import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { appendRecords } from '../../db/records-repo.ts';
import { createRecordFactory, type RecordFactory } from '../../domain/records/builders.ts';
import type { ClinicalRecord } from '../../domain/records.ts';
import { DEFAULT_CENTER_SETTINGS, type CenterSettings } from '../../domain/settings.ts';
import { makeBedside, renderWithBedside } from '../../../tests/support/render-bedside.tsx';
import { FollowUpScreen } from './follow-up-screen.tsx';

// Today is Wednesday 4 March 2026 (week: Monday 2 - Sunday 8 March). Sessions are proposed
// 28 days after the last one; lost to follow-up after 12 weeks = 84 days (10 December 2025).
const NOW = '2026-03-04T10:00:00.000Z';

type Plan = {
  readonly number: string;
  readonly lastSession: string;
  readonly liver?: string;
  readonly discontinued?: boolean;
};

function patientRecords(f: RecordFactory, p: Plan): ClinicalRecord[] {
  f.at('2025-06-01T08:00:00.000Z');
  const patient = f.patient({ centerPatientNumber: p.number });
  const course = f.course(patient);
  const out: ClinicalRecord[] = [patient, f.eligibility(patient), course];
  f.at(`${p.lastSession}T08:00:00.000Z`);
  out.push(...f.completedSession(course, { sessionNumber: 1 }).records);
  if (p.liver) out.push(f.liverTest(patient, { sampledOn: p.liver }));
  else out.push(f.liverTest(patient, { sampledOn: '2026-01-15' }));
  if (p.discontinued)
    out.push(
      f.courseStatus(course, {
        status: 'discontinued',
        reason: 'lack-of-effect',
        afterAdministrations: 1,
      }),
    );
  return out;
}

const PLANS: readonly Plan[] = [
  { number: 'KIT-0001', lastSession: '2026-02-04', liver: '2025-09-03' }, // due today; liver 1 day late
  { number: 'KIT-0002', lastSession: '2026-02-03', liver: '2025-09-04' }, // 1 day overdue; liver due today
  { number: 'KIT-0003', lastSession: '2025-12-10' }, // exactly 12 weeks: lost
  { number: 'KIT-0004', lastSession: '2025-12-11' }, // 83 days: overdue, not lost
  { number: 'KIT-0005', lastSession: '2026-02-09', liver: '2025-10-03' }, // due next Monday; liver in 30 days
  { number: 'KIT-0006', lastSession: '2026-02-08', liver: '2025-10-05' }, // due Sunday; liver in 32 days
  { number: 'KIT-0007', lastSession: '2025-10-01', liver: '2025-01-01', discontinued: true },
];

async function setup(settings: CenterSettings = DEFAULT_CENTER_SETTINGS) {
  const bedside = makeBedside({ startIso: NOW, settings });
  const f = createRecordFactory();
  const records = PLANS.flatMap((p) => patientRecords(f, p));
  const stored = await appendRecords(bedside.db, records);
  if (!stored.ok) throw new Error(stored.error.message);
  const onOpenPatient = vi.fn();
  renderWithBedside(<FollowUpScreen onOpenPatient={onOpenPatient} />, bedside);
  await screen.findByRole('heading', { name: /Liver tests due or overdue/ });
  const idOf = (number: string) =>
    records.find((r) => r.kind === 'patient' && r.payload.centerPatientNumber === number)
      ?.patientId;
  return { onOpenPatient, idOf, user: userEvent.setup({ delay: null }) };
}

/** Rows of the list table named `name`: the patient number and the cells. */
function rowsOf(name: RegExp): string[][] {
  const table = screen.getByRole('table', { name });
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) =>
      [...row.querySelectorAll('th, td')].map((c) => c.textContent?.replace('⚠ ', '').trim() ?? ''),
    );
}

describe('FollowUpScreen', () => {
  it('lists sessions due this week, overdue and lost to follow-up at the boundaries', async () => {
    await setup();
    expect(
      screen.getByRole('heading', {
        name: /Sessions due this week \(2 March 2026 – 8 March 2026\)/,
      }),
    ).toBeInTheDocument();
    expect(rowsOf(/Sessions due this week/).map((r) => r.slice(0, 3))).toEqual([
      ['KIT-0001', 'Today, 4 March 2026', 'last session + 28 days'],
      ['KIT-0006', '8 March 2026', 'last session + 28 days'],
    ]);
    expect(rowsOf(/Sessions overdue/).map((r) => r.slice(0, 2))).toEqual([
      ['KIT-0004', 'Due 8 January 2026, 55 days overdue'],
      ['KIT-0002', 'Due 3 March 2026, 1 day overdue'],
    ]);
    expect(rowsOf(/Lost to follow-up/).map((r) => r.slice(0, 2))).toEqual([
      ['KIT-0003', '10 December 2025 (12 weeks ago)'],
    ]);
    // KIT-0005 is due next Monday and KIT-0007 is discontinued: on no session list.
    const listed = [/due this week/, /Sessions overdue/, /Lost/].flatMap((n) =>
      rowsOf(n).map((r) => r[0]),
    );
    expect(listed).not.toContain('KIT-0005');
    expect(screen.queryByText('KIT-0007')).toBeNull();
  });

  it('lists liver tests overdue and due within 30 days, 6-monthly', async () => {
    await setup();
    expect(
      screen.getByRole('heading', { name: /Liver tests due or overdue \(every 6 months\)/ }),
    ).toBeInTheDocument();
    expect(rowsOf(/Liver tests/)).toEqual([
      ['KIT-0001', 'Overdue since 3 March 2026 (1 day)', '3 September 2025', 'Open →'],
      ['KIT-0002', 'Due 4 March 2026', '4 September 2025', 'Open →'],
      ['KIT-0005', 'Due 3 April 2026', '3 October 2025', 'Open →'],
    ]);
  });

  it('shows the center-set number of weeks and uses it', async () => {
    await setup({ ...DEFAULT_CENTER_SETTINGS, lostToFollowUpWeeks: 7 });
    // 7 weeks = 49 days: KIT-0004 (83 days) is now lost too; KIT-0002 (29 days) is not.
    expect(
      screen.getByRole('heading', { name: /no session or answer for 7 weeks/ }),
    ).toBeInTheDocument();
    expect(rowsOf(/Lost to follow-up/).map((r) => r[0])).toEqual(['KIT-0003', 'KIT-0004']);
    expect(rowsOf(/Sessions overdue/).map((r) => r[0])).toEqual(['KIT-0002']);
  });

  it('opens the patient of a row', async () => {
    const { onOpenPatient, idOf, user } = await setup();
    await user.click(screen.getByRole('button', { name: 'Open patient KIT-0003' }));
    expect(onOpenPatient).toHaveBeenCalledWith(idOf('KIT-0003'));
  });
});
