/**
 * Every registry figure says in Dutch too what it was computed from (`basisNl`): not the
 * English copied, with the same numbers in the same order (expectDutchTwin). Checked on every
 * figure of the report computed on the demo study center (found by walking the report, so a
 * new figure is covered too), and on the optional parts of each basis (answers missing or
 * below 0 %, pain types not decided, ages unknown, each kind of period).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { generateStudyCenter, STUDY_AS_OF, STUDY_PERIOD } from '../demo/index.ts';
import type { ClinicalRecord } from '../records.ts';
import { expectDutchTwin } from '../test-support.ts';
import { ageSummary } from './demographics.ts';
import { favorableShare, nrsLogistic, painReduction } from './effectiveness.ts';
import { computeRegistry, type RegistryReport } from './registry.ts';
import { painTypeTable } from './table-one.ts';
import type { CohortRow, Figure, RegistryOptions } from './types.ts';

type AnyFigure = Figure<unknown>;

/** Every figure in the report, with its path ("effectiveness.favorable"). */
function figuresOf(value: unknown, path = ''): [string, AnyFigure][] {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return [];
  if ('basis' in value) return [[path, value as AnyFigure]];
  return Object.entries(value).flatMap(([k, v]) => figuresOf(v, path ? `${path}.${k}` : k));
}

const basisTexts = (f: AnyFigure) => ({ message: f.basis, messageNl: f.basisNl });

function registry(records: readonly ClinicalRecord[], options: RegistryOptions): RegistryReport {
  const r = computeRegistry(records, options);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

describe('Dutch basis of every registry figure', () => {
  let records: readonly ClinicalRecord[] = [];
  beforeAll(() => {
    const center = generateStudyCenter({ seed: 1 });
    if (!center.ok) throw new Error(center.error.message);
    records = center.value.records;
  }, 60_000);

  it('on the demo study center, for every period kind', () => {
    const base = { asOf: STUDY_AS_OF, population: 'synthetic' } as const;
    const periods = [
      undefined,
      STUDY_PERIOD,
      { from: STUDY_PERIOD.from },
      { to: STUDY_PERIOD.to },
    ] as const;
    for (const period of periods) {
      const rep = registry(records, period === undefined ? base : { ...base, period });
      const figures = figuresOf(rep);
      // flow, sex, age, 5 of effectiveness, Table I and its Fisher test, side effects, liver.
      expect(figures.map(([p]) => p)).toHaveLength(12);
      for (const [path, f] of figures) expectDutchTwin(basisTexts(f), `${path}: ${f.basis}`);
    }
  });

  it('names the period and the counts in Dutch', () => {
    const rep = registry(records, {
      asOf: STUDY_AS_OF,
      population: 'synthetic',
      period: STUDY_PERIOD,
    });
    expect(rep.flow.basisNl).toContain(
      `74 patiënten met minstens één toediening (infuus gestart of ontslag geregistreerd), eerste toediening van ${STUDY_PERIOD.from} tot en met ${STUDY_PERIOD.to}`,
    );
    expect(rep.demographics.sex.basisNl).toBe(
      '61 patiënten die aan de inclusiecriteria voldeden; % van hen.',
    );
  });
});

describe('Dutch basis of the optional parts', () => {
  const pp = (over: Partial<CohortRow>): CohortRow =>
    ({
      painType: 'neuropathic',
      favorable: true,
      baselineNrs: 7,
      perProtocol: true,
      latestPainImprovementPercent: 60,
      ageAtFirstAdministrationYears: 54,
      ...over,
    }) as CohortRow;
  const rows = [
    pp({}),
    pp({ favorable: false, latestPainImprovementPercent: -10, baselineNrs: 8 }),
    pp({ favorable: false, latestPainImprovementPercent: -20, painType: 'nociplastic' }),
    pp({ favorable: false, latestPainImprovementPercent: null, painType: null }),
    pp({ ageAtFirstAdministrationYears: null, baselineNrs: 5 }),
  ];

  it('answers missing or below 0 %, pain type not decided, age unknown (one and several)', () => {
    for (const subset of [rows, rows.slice(0, 4), [...rows, ...rows]]) {
      for (const f of [
        favorableShare(subset),
        painReduction(subset),
        painTypeTable(subset).table,
        ageSummary(subset),
        nrsLogistic(subset),
      ])
        expectDutchTwin(basisTexts(f), f.basis);
    }
  });

  it('agrees the Dutch words with the count', () => {
    const one = painReduction(rows);
    expect(one.basisNl).toContain('; 1 patiënt zonder antwoord weggelaten');
    expect(one.basisNl).toContain('; 2 antwoorden onder 0 % (meer pijn) behouden');
    expect(favorableShare(rows).basisNl).toContain(
      '1 patiënt zonder antwoord telt als niet gunstig',
    );
    expect(ageSummary(rows).basisNl).toContain('; 1 patiënt weggelaten: alleen een geboortejaar');
  });
});
