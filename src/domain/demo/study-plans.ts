/**
 * The 74 patient plans of the synthetic study center, shaped exactly like the paper (Results
 * and Figure 1): 13 excluded (10 started before the study or elsewhere, 2 minors, 1 oncologic
 * pain), 16 lost after the test dose, 45 per protocol (Table I, 23 favorable, 6 / 8 / 31 by
 * course category), side effects as in the Safety section. The seed changes who is who, the
 * dates, weights and vitals; never the counts.
 */
import type { DiscontinuationReason, PainType } from '../records.ts';
import { addDays } from './calendar.ts';
import type { PatientPlan, PlannedSideEffect, SideEffectResponse } from './plan.ts';
import {
  PLAN_DEFAULTS,
  birthDateForAge,
  dayBetween,
  fittingAdministrations,
  opinionsFor,
  usualWeightKg,
} from './plan-helpers.ts';
import { pick, randInt, shuffle, type Prng } from './prng.ts';
import {
  IMPROVEMENT,
  INCLUDED_AGES,
  INCLUDED_MEN,
  NRS,
  OTHER_REASONS,
  STUDY_DATA_END,
  TABLE_I,
} from './study-data.ts';

type Draft = Omit<
  PatientPlan,
  | 'number'
  | 'sex'
  | 'birthDate'
  | 'baselineNrs'
  | 'painOpinions'
  | 'weightKg'
  | 'course'
  | 'firstSessionOn'
  | 'administrations'
> & {
  readonly favorable: boolean | null;
  /** Administrations, or 'continuing' (4 or more, as many as fit before the data end). */
  readonly administrations: number | 'continuing';
  readonly painType?: PainType;
};

const stopAfter = (afterAdministrations: number, reason: DiscontinuationReason, text?: string) => ({
  reason,
  afterAdministrations,
  ...(text === undefined ? {} : { text }),
});
const effect = (
  administration: number,
  e: PlannedSideEffect['effect'],
  response: SideEffectResponse,
): PlannedSideEffect => ({ administration, effect: e, response });

function perProtocolDrafts(): Draft[] {
  const d = (
    final: number,
    administrations: number | 'continuing',
    extra: Partial<Draft> = {},
  ): Draft => ({
    ...PLAN_DEFAULTS,
    finalImprovementPercent: final,
    administrations,
    favorable: final >= 50 && extra.discontinuation?.reason !== 'lack-of-effect',
    ...extra,
  });
  const I = IMPROVEMENT;
  return [
    ...I.lackAfterFirstFullDose.map((v) =>
      d(v, 2, { discontinuation: stopAfter(2, 'lack-of-effect') }),
    ),
    d(I.intoleranceAfterFirstFullDose, 2, {
      discontinuation: stopAfter(2, 'side-effects'),
      sideEffects: [effect(1, 'intolerance', 'stop-session')],
    }),
    d(I.leftAfterFirstFullDose, 2, {
      discontinuation: stopAfter(2, 'other', OTHER_REASONS.left),
      sideEffects: [effect(0, 'delirium', 'pause')],
    }),
    ...I.lackAfterThree.map((v) => d(v, 3, { discontinuation: stopAfter(3, 'lack-of-effect') })),
    d(I.intoleranceAfterThree, 3, {
      discontinuation: stopAfter(3, 'side-effects'),
      sideEffects: [effect(2, 'intolerance', 'stop-session')],
    }),
    d(I.otherAfterThree[0], 3, { discontinuation: stopAfter(3, 'other', OTHER_REASONS.moved) }),
    d(I.otherAfterThree[1], 3, { discontinuation: stopAfter(3, 'other', OTHER_REASONS.travel) }),
    ...I.continuingUnsuccessful.map((v) => d(v, 'continuing')),
    ...I.continuingSuccessful.map((v) => d(v, 'continuing')),
  ];
}

/** Continuing patients' side effects (paper, Safety), each in a different patient. */
const CONTINUING_EFFECTS: readonly [PlannedSideEffect['effect'], SideEffectResponse][] = [
  ['nausea', 'ondansetron'],
  ['nausea', 'ondansetron'],
  ['dizziness', 'observe'],
  ['dizziness', 'observe'],
  ['dizziness', 'observe'],
  ['hallucinations', 'observe'],
  ['hallucinations', 'midazolam'],
  ['hallucinations', 'midazolam'],
  ['nightmares-dysphoria', 'propofol-bolus'],
];

function lostDrafts(): Draft[] {
  const d = (extra: Partial<Draft> = {}): Draft => ({
    ...PLAN_DEFAULTS,
    finalImprovementPercent: null,
    administrations: 1,
    favorable: null,
    ...extra,
  });
  const intolerant = {
    testDoseNotTolerated: true,
    discontinuation: stopAfter(1, 'side-effects'),
    sideEffects: [effect(0, 'intolerance', 'stop-session')],
  };
  return [
    d({ sideEffects: [effect(0, 'nausea', 'ondansetron')] }),
    d({ sideEffects: [effect(0, 'hallucinations', 'observe')] }),
    d({ sideEffects: [effect(0, 'dizziness', 'observe')] }),
    d(intolerant),
    d(intolerant),
    d({ discontinuation: stopAfter(1, 'other', OTHER_REASONS.deceased) }),
    ...Array.from({ length: 10 }, () => d()),
  ];
}

const typesOf = (counts: { readonly [T in PainType]: number }): PainType[] =>
  (Object.entries(counts) as [PainType, number][]).flatMap(([t, n]) =>
    Array.from({ length: n }, () => t),
  );

/** The 74 plans, numbered DEMO-0001... in order of the first session. */
export function studyCenterPlans(rng: Prng): PatientPlan[] {
  const pp = perProtocolDrafts();
  const assign = <T>(rows: Draft[], values: readonly T[]) =>
    new Map(rows.map((r, i) => [r, values[i] as T]));
  const unsuccessful = pp.filter((p) => !p.favorable);
  const successful = pp.filter((p) => p.favorable);
  const painType = new Map([
    ...assign(unsuccessful, shuffle(rng, typesOf(TABLE_I.unsuccessful))),
    ...assign(successful, shuffle(rng, typesOf(TABLE_I.successful))),
  ]);
  const lost = lostDrafts();
  const nrs = new Map([
    ...assign(successful, shuffle(rng, NRS.favorable)),
    ...assign(unsuccessful, shuffle(rng, NRS.unfavorable)),
    ...assign(lost, shuffle(rng, NRS.lost)),
  ]);
  const included = [...lost, ...pp];
  const ages = assign(included, shuffle(rng, INCLUDED_AGES));
  const men = new Set(shuffle(rng, included).slice(0, INCLUDED_MEN));

  // Side effects of continuing patients and the liver elevation, each in a different patient.
  const continuing = shuffle(
    rng,
    pp.filter((p) => p.administrations === 'continuing'),
  );
  const liverPatient = continuing.find((p) => p.favorable) as Draft;
  const withEffects = new Map(
    continuing.filter((p) => p !== liverPatient).map((p, i) => [p, CONTINUING_EFFECTS[i]]),
  );

  const plans = included.map((draft): PatientPlan => {
    const isLiver = draft === liverPatient;
    const first = isLiver
      ? dayBetween(rng, '2016-01-04', '2016-03-31')
      : dayBetween(rng, '2015-01-05', '2019-12-16');
    const administrations =
      draft.administrations !== 'continuing'
        ? draft.administrations
        : isLiver
          ? Math.floor((Date.parse('2020-02-15') - Date.parse(first)) / 86_400_000 / 28.5) + 1
          : randInt(rng, 4, Math.min(36, fittingAdministrations(first, STUDY_DATA_END, 28)));
    const e = withEffects.get(draft);
    const sex = men.has(draft) ? 'male' : 'female';
    const { favorable: _f, painType: _p, ...rest } = draft;
    return {
      ...rest,
      number: '',
      sex,
      birthDate: birthDateForAge(rng, first, ages.get(draft) ?? 50),
      baselineNrs: nrs.get(draft) ?? 7,
      painOpinions: opinionsFor(
        rng,
        painType.get(draft) ?? pick(rng, ['neuropathic', 'nociplastic'] as const),
      ),
      weightKg: usualWeightKg(rng, sex),
      course: { startedOn: first, startedHere: true, priorAdministrations: 0 },
      firstSessionOn: first,
      administrations,
      sideEffects: e === undefined ? draft.sideEffects : [effect(randInt(rng, 0, 3), e[0], e[1])],
      ...(isLiver
        ? {
            liverElevation: { ggtUPerL: 39, ggtUlnUPerL: 36 },
            discontinuation: stopAfter(administrations, 'other', OTHER_REASONS.liver),
          }
        : {}),
    };
  });
  const all = [...plans, ...excludedPlans(rng)].sort((a, b) =>
    a.firstSessionOn < b.firstSessionOn ? -1 : a.firstSessionOn > b.firstSessionOn ? 1 : 0,
  );
  return all.map((p, i) => ({ ...p, number: `DEMO-${String(i + 1).padStart(4, '0')}` }));
}

/** 13 excluded: 10 started before the study or elsewhere, 2 minors at the start, 1 oncologic pain. */
function excludedPlans(rng: Prng): PatientPlan[] {
  return Array.from({ length: 13 }, (_, i): PatientPlan => {
    const kind = i < 10 ? 'elsewhere' : i < 12 ? 'minor' : 'oncologic';
    const first = dayBetween(rng, '2015-01-05', '2019-09-30');
    const sex = rng() < 0.3 ? 'male' : 'female';
    const prior = kind === 'elsewhere' ? randInt(rng, 3, 12) : 0;
    const administrations = randInt(
      rng,
      2,
      Math.min(18, fittingAdministrations(first, STUDY_DATA_END, 28)),
    );
    return {
      ...PLAN_DEFAULTS,
      number: '',
      sex,
      birthDate: birthDateForAge(rng, first, kind === 'minor' ? 16 + i - 10 : randInt(rng, 30, 75)),
      baselineNrs: randInt(rng, 5, 9),
      painOpinions: opinionsFor(
        rng,
        pick(rng, ['neuropathic', 'nociceptive', 'nociplastic'] as const),
      ),
      nonOncologic: kind !== 'oncologic',
      weightKg: usualWeightKg(rng, sex),
      course: {
        startedOn: kind === 'elsewhere' ? addDays(first, -randInt(rng, 120, 900)) : first,
        startedHere: kind !== 'elsewhere',
        priorAdministrations: prior,
      },
      firstSessionOn: first,
      administrations,
      finalImprovementPercent: randInt(rng, 30, 80),
      // A side effect outside the included patients: it must not count in the registry.
      sideEffects: i === 0 ? [effect(0, 'nausea', 'ondansetron')] : [],
    };
  });
}
