import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  appointmentDue,
  buildFollowUpLists,
  type AppointmentFacts,
  type FollowUpPatient,
} from './follow-up-lists.ts';
import { expectOk } from './result.ts';
import { DEFAULT_CENTER_SETTINGS } from './settings.ts';

const settings = DEFAULT_CENTER_SETTINGS; // +28 days, lost after 12 weeks
// Wednesday 4 March 2026: the week runs Monday 2 to Sunday 8 March.
const TODAY = '2026-03-04';

const facts = (f: Partial<AppointmentFacts>): AppointmentFacts => ({
  courseStartedOn: '2025-06-01',
  lastAdministeredOn: null,
  agreedNextOn: null,
  lastContactOn: null,
  ...f,
});
/** Last session given on `last` (contact that day too). */
const after = (last: string, f: Partial<AppointmentFacts> = {}) =>
  facts({ lastAdministeredOn: last, lastContactOn: last, ...f });
const status = (f: AppointmentFacts, today = TODAY) =>
  expectOk(appointmentDue(f, settings, today)).status;

describe('appointmentDue: due this week / overdue (last session + 28 days, or the agreed date)', () => {
  it.each([
    // [last session, expected status, due date]
    ['2026-02-04', 'due-this-week', '2026-03-04'], // due today: on the boundary, not overdue
    ['2026-02-03', 'overdue', '2026-03-03'], // due yesterday: one day overdue
    ['2026-02-08', 'due-this-week', '2026-03-08'], // due Sunday: last day of this week
    ['2026-02-09', 'later', '2026-03-09'], // due next Monday
    ['2026-02-02', 'overdue', '2026-03-02'], // due Monday of this week, already passed
  ])('last session %s -> %s (due %s)', (last, expected, dueDate) => {
    const r = expectOk(appointmentDue(after(last), settings, TODAY));
    expect(r.status).toBe(expected);
    expect(r.dueDate).toBe(dueDate);
    expect(r.dueFrom).toBe('proposed');
  });

  it('counts days overdue', () => {
    expect(expectOk(appointmentDue(after('2026-01-20'), settings, TODAY)).daysOverdue).toBe(15);
    expect(expectOk(appointmentDue(after('2026-02-04'), settings, TODAY)).daysOverdue).toBe(0);
  });

  it('uses the date agreed at discharge when it is after the last session', () => {
    const r = expectOk(
      appointmentDue(after('2026-02-01', { agreedNextOn: '2026-03-06' }), settings, TODAY),
    );
    expect(r).toMatchObject({ status: 'due-this-week', dueDate: '2026-03-06', dueFrom: 'agreed' });
  });

  it('ignores an agreed date from before the last session', () => {
    const r = expectOk(
      appointmentDue(after('2026-02-20', { agreedNextOn: '2026-02-10' }), settings, TODAY),
    );
    expect(r).toMatchObject({ dueDate: '2026-03-20', dueFrom: 'proposed', status: 'later' });
  });

  it('with no session yet, the first session is due at the course start', () => {
    const r = expectOk(
      appointmentDue(
        facts({ courseStartedOn: '2026-03-01', lastContactOn: null }),
        settings,
        TODAY,
      ),
    );
    expect(r).toMatchObject({ status: 'overdue', dueDate: '2026-03-01', dueFrom: 'course-start' });
  });

  it('uses the center setting for the interval', () => {
    const r = appointmentDue(
      after('2026-02-04'),
      { ...settings, nextSessionProposedDays: 35 },
      TODAY,
    );
    expect(expectOk(r)).toMatchObject({ status: 'later', dueDate: '2026-03-11' });
  });
});

describe('appointmentDue: lost to follow-up (no session or answer for 12 weeks)', () => {
  // 12 weeks = 84 days before 4 March 2026 is 10 December 2025.
  it.each([
    ['2025-12-10', 'lost-to-follow-up'], // exactly 84 days
    ['2025-12-11', 'overdue'], // 83 days: overdue but not lost yet
    ['2025-12-09', 'lost-to-follow-up'],
  ])('last contact %s -> %s', (last, expected) => {
    expect(status(after(last))).toBe(expected);
  });

  it('an outcome answer after the last session counts as contact', () => {
    expect(status(after('2025-11-01', { lastContactOn: '2026-01-15' }))).toBe('overdue');
  });

  it('counts from the course start when there was no contact at all', () => {
    expect(status(facts({ courseStartedOn: '2025-12-10' }))).toBe('lost-to-follow-up');
    expect(status(facts({ courseStartedOn: '2025-12-11' }))).toBe('overdue');
  });

  it('uses the center-set number of weeks', () => {
    const r = appointmentDue(after('2026-01-20'), { ...settings, lostToFollowUpWeeks: 2 }, TODAY);
    expect(expectOk(r)).toMatchObject({ status: 'lost-to-follow-up', weeksSinceContact: 6 });
  });

  it.each([['2026-02-30'], ['yesterday'], ['']])('refuses the invalid date %s', (bad) => {
    const r = appointmentDue(after(bad), settings, TODAY);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.field).toBe('lastAdministeredOn');
  });

  it('property: lost exactly when the last contact is at least 12 weeks ago', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 400 }), (daysAgo) => {
        const d = new Date(2026, 2, 4 - daysAgo);
        const last = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
        const lost = status(after(last)) === 'lost-to-follow-up';
        return lost === daysAgo >= 84;
      }),
    );
  });
});

const patient = (over: Partial<FollowUpPatient>): FollowUpPatient => ({
  patientId: 'p',
  centerPatientNumber: 'KIT-0000',
  courseStatus: 'active',
  courseStartedOn: '2025-06-01',
  lastAdministeredOn: '2026-02-04',
  agreedNextOn: null,
  lastContactOn: '2026-02-04',
  lastLiverTestOn: '2025-12-01',
  liverIntervalMonths: 6,
  ...over,
});

describe('buildFollowUpLists', () => {
  it('puts each active patient on one appointment list and leaves paused/discontinued off', () => {
    const lists = buildFollowUpLists(
      [
        patient({ patientId: 'a', lastAdministeredOn: '2026-02-04', lastContactOn: '2026-02-04' }),
        patient({ patientId: 'b', lastAdministeredOn: '2026-01-10', lastContactOn: '2026-01-10' }),
        patient({ patientId: 'c', lastAdministeredOn: '2025-11-01', lastContactOn: '2025-11-01' }),
        patient({ patientId: 'd', lastAdministeredOn: '2026-02-20', lastContactOn: '2026-02-20' }),
        patient({ patientId: 'e', courseStatus: 'paused', lastAdministeredOn: '2025-11-01' }),
        patient({ patientId: 'f', courseStatus: 'discontinued', lastAdministeredOn: '2025-11-01' }),
      ],
      settings,
      TODAY,
    );
    expect(lists.dueThisWeek.map((r) => r.patientId)).toEqual(['a']);
    expect(lists.overdue.map((r) => r.patientId)).toEqual(['b']);
    expect(lists.lost.map((r) => r.patientId)).toEqual(['c']);
  });

  it('liver: overdue and due within 30 days for active and paused courses', () => {
    const lists = buildFollowUpLists(
      [
        patient({ patientId: 'overdue', lastLiverTestOn: '2025-09-03' }), // due 3 Mar: 1 day late
        patient({ patientId: 'today', lastLiverTestOn: '2025-09-04' }), // due today
        patient({ patientId: 'soon', lastLiverTestOn: '2025-10-03' }), // due 3 Apr: 30 days
        patient({ patientId: 'later', lastLiverTestOn: '2025-10-05' }), // due 5 Apr: 32 days
        patient({ patientId: 'paused', courseStatus: 'paused', lastLiverTestOn: '2025-01-01' }),
        patient({ patientId: 'stopped', courseStatus: 'discontinued', lastLiverTestOn: null }),
        patient({ patientId: 'never', courseStartedOn: '2025-08-01', lastLiverTestOn: null }),
      ],
      settings,
      TODAY,
    );
    expect(lists.liverDue.map((r) => [r.patientId, r.status, r.dueDate])).toEqual([
      ['paused', 'overdue', '2025-07-01'],
      ['never', 'overdue', '2026-02-01'],
      ['overdue', 'overdue', '2026-03-03'],
      ['today', 'due-soon', '2026-03-04'],
      ['soon', 'due-soon', '2026-04-03'],
    ]);
  });

  it('reports a patient whose dates cannot be read instead of dropping them', () => {
    const lists = buildFollowUpLists(
      [patient({ patientId: 'x', centerPatientNumber: 'KIT-0009', courseStartedOn: '2025-02-30' })],
      settings,
      TODAY,
    );
    expect(lists.problems).toHaveLength(2);
    expect(lists.problems[0]).toMatchObject({ centerPatientNumber: 'KIT-0009' });
    expect(lists.problems[0]?.message).toMatch(/Course start date/);
  });
});
