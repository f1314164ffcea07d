import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { roundForDisplay } from '../stats/index.ts';
import type { ClinicalRecord } from '../records.ts';
import { computeRegistry, type RegistryReport } from './registry.ts';
import { painTypeTable } from './table-one.ts';
import { nrsLogistic } from './effectiveness.ts';
import { effectiveByPatient } from './effective-by-patient.ts';
import type { CohortRow } from './types.ts';
import { AS_OF, buildCourse, fixture } from './test-support.ts';

const r1 = (x: number) => (roundForDisplay(x, 1) as { value: number }).value;
const r3 = (x: number) => (roundForDisplay(x, 3) as { value: number }).value;

function report(records: readonly ClinicalRecord[], options = { asOf: AS_OF }): RegistryReport {
  const r = computeRegistry(records, options);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

/** A minimal per-protocol row for the pure figure functions. */
const row = (painType: CohortRow['painType'], favorable: boolean, baselineNrs = 7): CohortRow =>
  ({
    painType,
    favorable,
    baselineNrs,
    perProtocol: true,
    latestPainImprovementPercent: favorable ? 60 : 20,
  }) as CohortRow;

function paperTableRows(): CohortRow[] {
  const cells: [CohortRow['painType'], boolean, number][] = [
    ['neuropathic', false, 7],
    ['nociceptive', false, 2],
    ['nociplastic', false, 13],
    ['neuropathic', true, 11],
    ['nociplastic', true, 12],
  ];
  return cells.flatMap(([t, fav, n]) => Array.from({ length: n }, () => row(t, fav)));
}

describe('Table I and Fisher exact (protocol.md section 8)', () => {
  it("reproduces the paper's table and p = 0.280 from patient rows", () => {
    const { table, fisher } = painTypeTable(paperTableRows());
    expect(table.ok && table.value.counts).toEqual([
      [7, 2, 13],
      [11, 0, 12],
    ]);
    expect(table.ok && table.value.columnTotals).toEqual([18, 2, 25]);
    expect(table.n).toBe(45);
    expect(fisher.ok && r3(fisher.value.pValue)).toBe(0.28);
  });
  it('leaves out undecided pain types and says so in the basis', () => {
    const { table } = painTypeTable([...paperTableRows(), row(null, true)]);
    expect(table.n).toBe(45);
    expect(table.basis).toMatch(/1 patient left out: pain type not decided/);
  });
});

describe('logistic regression of favorable on baseline NRS', () => {
  it('says clearly when it cannot be estimated', () => {
    const allFavorable = nrsLogistic([
      row('neuropathic', true, 5),
      row('neuropathic', true, 7),
      row('neuropathic', true, 8),
    ]);
    expect(allFavorable.ok).toBe(false);
    expect(!allFavorable.ok && allFavorable.error.code).toBe('no-outcome-variation');
    const separated = nrsLogistic([
      row('neuropathic', true, 3),
      row('neuropathic', true, 4),
      row('neuropathic', false, 8),
      row('neuropathic', false, 9),
    ]);
    expect(!separated.ok && separated.error.code).toBe('separation');
    expect(!separated.ok && separated.error.message).toMatch(/cannot be estimated/);
  });
  it('gives OR, CI and p when it can', () => {
    const rows = [3, 5, 6, 7, 7, 8, 9, 4, 6, 8].map((nrs, i) =>
      row('nociplastic', i % 3 === 0, nrs),
    );
    const fit = nrsLogistic(rows);
    expect(fit.ok).toBe(true);
    if (fit.ok) {
      expect(fit.value.lower).toBeLessThan(fit.value.oddsRatio);
      expect(fit.value.upper).toBeGreaterThan(fit.value.oddsRatio);
      expect(fit.value.pValue).toBeGreaterThan(0);
    }
  });
});

describe('computeRegistry on a small center', () => {
  const ctx = fixture();
  buildCourse(ctx.f, ctx.records, {
    number: 'K-01',
    administrations: 4,
    answers: [40, 60, 70],
    sex: 'male',
    birthDate: '1960-01-01',
    sideEffects: [
      { at: 0, effect: 'nausea' },
      { at: 2, effect: 'nausea' },
    ],
  });
  buildCourse(ctx.f, ctx.records, {
    number: 'K-02',
    administrations: 2,
    answers: [10],
    painType: 'nociplastic',
    baselineNrs: 8,
  });
  buildCourse(ctx.f, ctx.records, {
    number: 'K-03',
    administrations: 1,
    sideEffects: [{ at: 0, effect: 'dizziness' }],
  });
  buildCourse(ctx.f, ctx.records, {
    number: 'K-04',
    administrations: 3,
    startedHere: false,
    startedOn: '2012-01-01',
    sideEffects: [{ at: 0, effect: 'hallucinations' }],
  });
  buildCourse(ctx.f, ctx.records, {
    number: 'K-05',
    administrations: 3,
    doseAt: { 2: 100 },
    answers: [30, 30],
  });
  const k6 = buildCourse(ctx.f, ctx.records, {
    number: 'K-06',
    administrations: 3,
    answers: [50, 45],
    painType: 'nociceptive',
    baselineNrs: 5,
  });
  ctx.f.at('2016-09-01T12:00:00.000Z');
  ctx.records.push(
    ctx.f.liverTest(k6.patient, { ggtUPerL: 55, ggtUlnUPerL: 55 }),
    ctx.f.liverTest(k6.patient, { ggtUPerL: 39, ggtUlnUPerL: 36, sampledOn: '2016-09-02' }),
  );
  const rep = report(ctx.records);

  it('flow: treated -> included -> lost -> deviated -> per protocol', () => {
    expect(rep.flow.ok && rep.flow.value).toMatchObject({
      treated: 6,
      excluded: 1,
      included: 5,
      lostAfterFirstAdministration: 1,
      deviatedFromProtocol: 1,
      perProtocol: 3,
    });
    expect(rep.flow.ok && rep.flow.value.excludedByFirstReason['started-elsewhere']).toBe(1);
  });
  it('effectiveness of the per-protocol patients, with n and basis', () => {
    expect(rep.effectiveness.favorable.ok && rep.effectiveness.favorable.value).toMatchObject({
      count: 1,
      total: 3,
    });
    expect(rep.effectiveness.painReductionPercent.n).toBe(3);
    expect(
      rep.effectiveness.painReductionPercent.ok &&
        rep.effectiveness.painReductionPercent.value.mean,
    ).toBeCloseTo((70 + 10 + 45) / 3, 10);
    expect(rep.effectiveness.painReductionPercent.basis).toMatch(/per-protocol/);
    expect(rep.effectiveness.baselineNrs.ok && rep.effectiveness.baselineNrs.value.median).toBe(7);
  });
  it('side effects: once per patient, only among the included; liver above (not at) the ULN', () => {
    const count = (e: string) =>
      rep.sideEffects.ok ? rep.sideEffects.value.find((x) => x.effect === e)?.count : undefined;
    expect(count('nausea')).toBe(1);
    expect(count('dizziness')).toBe(1);
    expect(count('hallucinations')).toBe(0);
    expect(count('liver-enzymes')).toBe(1);
    expect(rep.sideEffects.n).toBe(5);
    expect(rep.liverElevations.ok && rep.liverElevations.value[0]?.elevation).toEqual({
      sampledOn: '2016-09-02',
      enzymes: [{ enzyme: 'ggt', valueUPerL: 39, ulnUPerL: 36 }],
    });
  });
  it('demographics of the included', () => {
    expect(rep.demographics.sex.ok && r1(rep.demographics.sex.value.male.percent)).toBe(20);
    expect(rep.demographics.ageYears.n).toBe(5);
  });
  it('does not depend on the order of the records', () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const shuffled = ctx.records
          .map((r, i) => [((i + 1) * 2_654_435_761 + seed) >>> 0, r] as const)
          .sort((a, b) => a[0] - b[0])
          .map(([, r]) => r);
        const again = report(shuffled);
        expect(again.flow).toEqual(rep.flow);
        expect(again.effectiveness).toEqual(rep.effectiveness);
        expect(again.cohort).toEqual(rep.cohort);
      }),
      { numRuns: 10 },
    );
  });
  it('never throws on any subset of the records', () => {
    fc.assert(
      fc.property(
        fc.array(fc.boolean(), { minLength: ctx.records.length, maxLength: ctx.records.length }),
        (keep) => {
          const subset = ctx.records.filter((_, i) => keep[i]);
          const r = computeRegistry(subset, { asOf: AS_OF });
          expect(r.ok).toBe(true);
        },
      ),
      { numRuns: 25 },
    );
  });
});

describe('an empty registry', () => {
  it('gives zero counts and says why percentages cannot be given', () => {
    const rep = report([]);
    expect(rep.flow.ok && rep.flow.value.treated).toBe(0);
    expect(rep.effectiveness.favorable.ok).toBe(false);
    expect(!rep.effectiveness.favorable.ok && rep.effectiveness.favorable.error.code).toBe('empty');
    expect(rep.tableIFisher.ok).toBe(false);
  });
});

describe('corrections across patients', () => {
  it('a marker filed under another patient still voids its target', () => {
    const ctx = fixture();
    const a = buildCourse(ctx.f, ctx.records, {
      number: 'X-1',
      administrations: 2,
      sideEffects: [{ at: 1, effect: 'nausea' }],
    });
    const b = buildCourse(ctx.f, ctx.records, { number: 'X-2', administrations: 2 });
    const nausea = ctx.records.find((r) => r.kind === 'side-effect');
    if (!nausea) throw new Error('fixture');
    ctx.records.push(
      ctx.f.enteredInError(nausea, 'Wrong patient.', {
        patientId: b.patient.id,
        sessionId: b.sessions[0]?.id ?? null,
      }),
    );
    const byPatient = effectiveByPatient(ctx.records).byPatient;
    expect(byPatient.get(a.patient.id)?.some((r) => r.kind === 'side-effect')).toBe(false);
  });
  it('a correction filed under another patient is not applied and is noted on both', () => {
    const ctx = fixture();
    const a = buildCourse(ctx.f, ctx.records, { number: 'Y-1', administrations: 2, answers: [60] });
    const b = buildCourse(ctx.f, ctx.records, { number: 'Y-2', administrations: 2 });
    const answer = ctx.records.find((r) => r.kind === 'outcome-answer');
    if (answer?.kind !== 'outcome-answer') throw new Error('fixture');
    ctx.records.push(
      ctx.f.correction(answer, { painImprovementPercent: 10 }, 'Wrong file.', {
        patientId: b.patient.id,
        sessionId: null,
      }),
    );
    const rep = report(ctx.records);
    const rowA = rep.cohort.find((r) => r.patientId === a.patient.id);
    expect(rowA?.latestPainImprovementPercent).toBe(60);
    expect(rowA?.reviewNotes.join(' ')).toMatch(/another patient/);
    expect(rep.dataQuality.patientsNeedingReview).toBe(2);
  });
});
