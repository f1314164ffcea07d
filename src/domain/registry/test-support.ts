/**
 * Small registry fixtures for tests, built with the shared record factory (records/builders.ts)
 * so every record is a valid, parsed clinical record. Not used by production code.
 */
import type { ClinicalRecord, PainType, PayloadOf, RecordOfKind } from '../records.ts';
import { createRecordFactory, type RecordFactory } from '../records/builders.ts';

export type CourseSpec = {
  readonly number: string;
  readonly birthDate?: string;
  readonly birthYear?: number;
  readonly sex?: 'female' | 'male';
  readonly isSynthetic?: boolean;
  /** First session day, YYYY-MM-DD; later sessions every 28 days. */
  readonly firstOn?: string;
  readonly startedOn?: string;
  readonly startedHere?: boolean;
  readonly nonOncologic?: boolean | null;
  readonly administrations: number;
  /** Ketamine dose per administration index when not the protocol's (a deviation). */
  readonly doseAt?: { readonly [index: number]: number };
  /** % improvement answered at the end of each administration from the 2nd on. */
  readonly answers?: readonly number[];
  readonly baselineNrs?: number;
  readonly painType?: PainType;
  readonly sideEffects?: readonly {
    readonly at: number;
    readonly effect: PayloadOf<'side-effect'>['effect'];
  }[];
};

export type BuiltCourse = {
  readonly patient: RecordOfKind<'patient'>;
  readonly course: RecordOfKind<'course'>;
  readonly sessions: readonly RecordOfKind<'session'>[];
  /** Clinical time of the last record, ISO. */
  readonly lastAt: string;
};

const DAY = 86_400_000;

/** Writes one patient's course into `out` with factory `f`; see CourseSpec. */
export function buildCourse(
  f: RecordFactory,
  out: ClinicalRecord[],
  spec: CourseSpec,
): BuiltCourse {
  const firstOn = spec.firstOn ?? '2016-03-01';
  const first = Date.parse(`${firstOn}T08:00:00.000Z`);
  f.at(new Date(first - 20 * DAY).toISOString());
  const type = spec.painType ?? 'neuropathic';
  const patient = f.patient({
    centerPatientNumber: spec.number,
    sex: spec.sex ?? 'female',
    ...(spec.birthYear !== undefined
      ? { birthYear: spec.birthYear, birthDate: undefined }
      : { birthDate: spec.birthDate ?? '1970-06-15', birthYear: undefined }),
    baselineNrs: spec.baselineNrs ?? 7,
    isSynthetic: spec.isSynthetic ?? false,
    painTypeOpinions: {
      physician1: { staffId: 'dr-a', painType: type },
      physician2: { staffId: 'dr-b', painType: type },
    },
  });
  out.push(patient);
  if (spec.nonOncologic !== null)
    out.push(f.eligibility(patient, { nonOncologic: spec.nonOncologic ?? true }));
  const course = f.course(patient, {
    startedOn: spec.startedOn ?? firstOn,
    startedHere: spec.startedHere ?? true,
  });
  out.push(course);
  const sessions: RecordOfKind<'session'>[] = [];
  for (let i = 0; i < spec.administrations; i++) {
    f.at(new Date(first + i * 28 * DAY).toISOString());
    const dose = spec.doseAt?.[i];
    const built = f.completedSession(course, {
      sessionNumber: i + 1,
      ...(dose === undefined ? {} : { doseMg: dose }),
    });
    out.push(...built.records);
    sessions.push(built.session);
    for (const e of spec.sideEffects ?? [])
      if (e.at === i) out.push(f.sideEffect(built.session, { effect: e.effect }));
    const answer = i >= 1 ? spec.answers?.[i - 1] : undefined;
    if (answer !== undefined)
      out.push(f.outcomeAnswer(built.session, { painImprovementPercent: answer }));
  }
  return { patient, course, sessions, lastAt: out.at(-1)?.clinicalTime ?? firstOn };
}

/** A fresh factory and record list. */
export function fixture(seed = 7): { f: RecordFactory; records: ClinicalRecord[] } {
  return { f: createRecordFactory({ seed, startAt: '2015-06-01T08:00:00.000Z' }), records: [] };
}

export const AS_OF = '2022-01-01T00:00:00.000Z';
