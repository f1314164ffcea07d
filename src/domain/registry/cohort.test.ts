import { describe, expect, it } from 'vitest';
import { buildCohort } from './cohort.ts';
import type { CohortRow, RegistryOptions } from './types.ts';
import { AS_OF, buildCourse, fixture, type CourseSpec } from './test-support.ts';
import type { ClinicalRecord } from '../records.ts';

const OPTIONS: RegistryOptions = { asOf: AS_OF };

function rowsOf(
  records: readonly ClinicalRecord[],
  options: RegistryOptions = OPTIONS,
): readonly CohortRow[] {
  const c = buildCohort(records, options);
  if (!c.ok) throw new Error(c.error.message);
  return c.value.rows;
}

function one(
  spec: CourseSpec,
  extra?: (ctx: ReturnType<typeof fixture> & { built: ReturnType<typeof buildCourse> }) => void,
): CohortRow {
  const ctx = fixture();
  const built = buildCourse(ctx.f, ctx.records, spec);
  extra?.({ ...ctx, built });
  const row = rowsOf(ctx.records)[0];
  if (row === undefined) throw new Error('no row');
  return row;
}

describe('administrations and loss to follow-up', () => {
  it('counts sessions with an infusion start; one administration = lost after the first', () => {
    const row = one({ number: 'P1', administrations: 1 });
    expect(row.administrations).toBe(1);
    expect(row.lostAfterFirstAdministration).toBe(true);
    expect(row.perProtocol).toBe(false);
    expect(row.favorable).toBeNull();
  });
  it('two administrations: not lost, per protocol', () => {
    const row = one({ number: 'P2', administrations: 2, answers: [60] });
    expect(row.lostAfterFirstAdministration).toBe(false);
    expect(row.perProtocol).toBe(true);
    expect(row.favorable).toBe(true);
  });
  it('a session abandoned before the start is not an administration', () => {
    const row = one({ number: 'P3', administrations: 1 }, ({ f, records, built }) => {
      f.at('2016-05-01T08:00:00.000Z');
      records.push(
        ...f.completedSession(built.course, { sessionNumber: 2, started: false }).records,
      );
    });
    expect(row.administrations).toBe(1);
    expect(row.lostAfterFirstAdministration).toBe(true);
  });
  it('a session record entered in error voids that administration', () => {
    const row = one(
      { number: 'P4', administrations: 2, answers: [70] },
      ({ f, records, built }) => {
        const second = built.sessions[1];
        if (second) records.push(f.enteredInError(second, 'Opened on the wrong patient.'));
      },
    );
    expect(row.administrations).toBe(1);
    expect(row.latestPainImprovementPercent).toBeNull();
  });
});

describe('inclusion criteria (paper, Methods and Results)', () => {
  it('course started elsewhere or before: excluded', () => {
    const row = one({
      number: 'E1',
      administrations: 3,
      startedHere: false,
      startedOn: '2013-01-10',
    });
    expect(row.exclusionReasons).toEqual(['started-elsewhere']);
    expect(row.included).toBe(false);
    expect(row.perProtocol).toBe(false);
  });
  it('adult at course start: exactly 18 is adult, one day before is a minor', () => {
    expect(
      one({ number: 'A', administrations: 2, birthDate: '1998-03-01', firstOn: '2016-03-01' })
        .adultAtStart,
    ).toBe('adult');
    const minor = one({
      number: 'B',
      administrations: 2,
      birthDate: '1998-03-02',
      firstOn: '2016-03-01',
    });
    expect(minor.adultAtStart).toBe('minor');
    expect(minor.ageAtCourseStartYears).toBe(17);
    expect(minor.exclusionReasons).toEqual(['minor-at-start']);
  });
  it('birth year only, on the edge: age cannot be decided, so not included', () => {
    const row = one({ number: 'C', administrations: 2, birthYear: 1998, firstOn: '2016-03-01' });
    expect(row.adultAtStart).toBe('undetermined');
    expect(row.exclusionReasons).toEqual(['age-undetermined']);
    expect(row.ageAtFirstAdministrationYears).toBeNull();
  });
  it('oncologic pain excluded; no screening at all cannot be shown non-oncologic', () => {
    expect(one({ number: 'D', administrations: 2, nonOncologic: false }).exclusionReasons).toEqual([
      'oncologic',
    ]);
    expect(one({ number: 'E', administrations: 2, nonOncologic: null }).exclusionReasons).toEqual([
      'oncologic-status-unknown',
    ]);
  });
  it('a deviating dose plan takes the patient out of the per-protocol set', () => {
    const row = one({ number: 'F', administrations: 3, doseAt: { 1: 100 }, answers: [60, 60] });
    expect(row.included).toBe(true);
    expect(row.deviatingAdministrations).toBe(1);
    expect(row.perProtocol).toBe(false);
  });
});

describe('answers after the first full dose and the favorable outcome', () => {
  it('an answer tied to session 1 does not count, even entered late; the latest one after the full dose does', () => {
    const row = one(
      { number: 'G', administrations: 3, answers: [20, 55] },
      ({ f, records, built }) => {
        const s1 = built.sessions[0];
        if (s1)
          records.push(
            f.outcomeAnswer(
              s1,
              { painImprovementPercent: 90 },
              { clinicalTime: '2016-05-01T10:00:00.000Z', deviceTime: '2016-05-01T10:00:00.000Z' },
            ),
          );
      },
    );
    expect(row.latestPainImprovementPercent).toBe(55);
    expect(row.favorable).toBe(true);
  });
  it('boundaries: 50 % is favorable, 49.9 % is not', () => {
    expect(one({ number: 'H', administrations: 2, answers: [50] }).favorable).toBe(true);
    expect(one({ number: 'I', administrations: 2, answers: [49.9] }).favorable).toBe(false);
  });
  it('stopped for lack of effect is never favorable, even with >= 50 %', () => {
    const row = one({ number: 'J', administrations: 2, answers: [80] }, ({ f, records, built }) => {
      f.at('2016-04-20T10:00:00.000Z');
      records.push(
        f.courseStatus(built.course, { status: 'discontinued', reason: 'lack-of-effect' }),
      );
    });
    expect(row.discontinued).toBe(true);
    expect(row.discontinuedAfterAdministrations).toBe(2);
    expect(row.courseCategory).toBe('discontinued-after-first-full-dose');
    expect(row.favorable).toBe(false);
  });
  it('pain worse (negative %) is kept as recorded and is not favorable', () => {
    const row = one({ number: 'K', administrations: 2, answers: [-20] });
    expect(row.latestPainImprovementPercent).toBe(-20);
    expect(row.favorable).toBe(false);
  });
  it('a corrected answer counts with its corrected value; an answer entered in error does not count', () => {
    const row = one({ number: 'L', administrations: 3, answers: [30, 5] }, ({ f, records }) => {
      const last = records.filter((r) => r.kind === 'outcome-answer').at(-1);
      if (last?.kind === 'outcome-answer')
        records.push(f.correction(last, { painImprovementPercent: 55 }, 'Typed 5 instead of 55.'));
      f.at('2016-06-01T10:00:00.000Z');
      const wrong = f.outcomeAnswer(
        { patientId: last?.patientId ?? null, sessionId: null },
        { painImprovementPercent: 99 },
      );
      records.push(wrong, f.enteredInError(wrong, 'Another patient on the phone.'));
    });
    expect(row.latestPainImprovementPercent).toBe(55);
    expect(row.favorable).toBe(true);
  });
  it('a later "active" status means the course was restarted: not discontinued', () => {
    const row = one(
      { number: 'M', administrations: 4, answers: [60, 60, 60] },
      ({ f, records, built }) => {
        f.at('2016-04-02T10:00:00.000Z');
        records.push(
          f.courseStatus(built.course, {
            status: 'discontinued',
            reason: 'other',
            reasonText: 'Holiday.',
            afterAdministrations: 2,
          }),
        );
        f.at('2016-04-20T10:00:00.000Z');
        records.push(f.courseStatus(built.course, { status: 'active' }));
      },
    );
    expect(row.discontinued).toBe(false);
    expect(row.courseCategory).toBe('continued-after-three');
  });
});

describe('filters', () => {
  it('period is inclusive on both ends, on the first administration date', () => {
    const ctx = fixture();
    buildCourse(ctx.f, ctx.records, { number: 'Q1', administrations: 1, firstOn: '2015-01-01' });
    buildCourse(ctx.f, ctx.records, { number: 'Q2', administrations: 1, firstOn: '2014-12-31' });
    buildCourse(ctx.f, ctx.records, { number: 'Q3', administrations: 1, firstOn: '2019-12-31' });
    buildCourse(ctx.f, ctx.records, { number: 'Q4', administrations: 1, firstOn: '2020-01-01' });
    const rows = rowsOf(ctx.records, {
      asOf: AS_OF,
      period: { from: '2015-01-01', to: '2019-12-31' },
    });
    expect(rows.map((r) => [r.centerPatientNumber, r.inPeriod])).toEqual([
      ['Q1', true],
      ['Q2', false],
      ['Q3', true],
      ['Q4', false],
    ]);
  });
  it('records after asOf are left out; synthetic patients only in the synthetic population', () => {
    const ctx = fixture();
    buildCourse(ctx.f, ctx.records, {
      number: 'R1',
      administrations: 3,
      firstOn: '2016-01-05',
      answers: [10, 70],
    });
    buildCourse(ctx.f, ctx.records, { number: 'S1', administrations: 2, isSynthetic: true });
    const early = buildCohort(ctx.records, { asOf: '2016-02-03T00:00:00.000Z' });
    expect(
      early.ok &&
        early.value.rows.map((r) => [
          r.centerPatientNumber,
          r.administrations,
          r.latestPainImprovementPercent,
        ]),
    ).toEqual([['R1', 2, 10]]);
    expect(early.ok && early.value.recordsAfterAsOf).toBeGreaterThan(0);
    const synthetic = buildCohort(ctx.records, { asOf: AS_OF, population: 'synthetic' });
    expect(synthetic.ok && synthetic.value.rows.map((r) => r.centerPatientNumber)).toEqual(['S1']);
    expect(synthetic.ok && synthetic.value.otherPopulationPatients).toBe(1);
  });
  it('refuses bad options with a message, never a throw', () => {
    const r = [] as ClinicalRecord[];
    expect(buildCohort(r, { asOf: '2021-01-05' }).ok).toBe(false);
    const swapped = buildCohort(r, {
      asOf: AS_OF,
      period: { from: '2019-12-31', to: '2015-01-01' },
    });
    expect(!swapped.ok && swapped.error.field).toBe('period.from');
    expect(!swapped.ok && swapped.error.message).toMatch(/swap/);
    expect(buildCohort(r, { asOf: AS_OF, period: { to: '2019-02-30' } }).ok).toBe(false);
    expect(buildCohort(r, { asOf: AS_OF, population: 'both' as never }).ok).toBe(false);
  });
});
