/**
 * The registration form as plain data: exactly what the nurse typed or tapped, kept as text
 * and nullable answers (never coerced), so it can be stored as a draft and restored as is.
 * Parsing and the clinical rules happen in register-check.ts with the domain functions.
 */
import { RELATIVE_CONTRAINDICATIONS, type ContraindicationId } from '../../domain/eligibility.ts';
import type { PainType } from '../../domain/records.ts';
import type { SEXES } from '../../domain/records/patient.ts';

export type Sex = (typeof SEXES)[number];
export type YesNo = 'yes' | 'no';

/** A staff picker: `choice` is '' (none), a staff id from the list, or OTHER_STAFF. */
export type StaffChoice = { readonly choice: string; readonly typed: string };
export const OTHER_STAFF = '__other__';

export type OpinionDraft = { readonly staff: StaffChoice; readonly painType: PainType | null };
export const OPINION_KEYS = ['physician1', 'physician2', 'external'] as const;
export type OpinionKey = (typeof OPINION_KEYS)[number];

/** The eligibility questions of protocol.md section 2, as assessEligibility asks them. */
export const CRITERIA = [
  'painIsOncologic',
  'psychologistEvaluated',
  'predominantPsychosocialFlags',
  'significantPsychiatricComorbidity',
  'firstLineTreatmentsFailed',
  'secondLineTreatmentsFailed',
] as const;
export type Criterion = (typeof CRITERIA)[number];

export type RegisterForm = {
  readonly number: string;
  readonly sex: Sex | null;
  readonly birthKnown: 'date' | 'year' | null;
  readonly birthDate: string;
  readonly birthYear: string;
  readonly opinions: { readonly [K in OpinionKey]: OpinionDraft };
  readonly baselineNrs: string;
  readonly criteria: { readonly [K in Criterion]: YesNo | null };
  readonly contraindications: { readonly [K in ContraindicationId]: YesNo | null };
  readonly decision: {
    readonly staffId: string;
    readonly proceed: YesNo | null;
    readonly reason: string;
  };
  readonly startedHere: YesNo | null;
  /**
   * Records already written by an interrupted save (the three writes are separate
   * transactions): a retry writes only what is missing, never a second patient.
   */
  readonly saved: { readonly patientId: string | null; readonly screeningId: string | null };
};

const emptyOpinion = (): OpinionDraft => ({ staff: { choice: '', typed: '' }, painType: null });

export function emptyRegisterForm(): RegisterForm {
  return {
    number: '',
    sex: null,
    birthKnown: null,
    birthDate: '',
    birthYear: '',
    opinions: { physician1: emptyOpinion(), physician2: emptyOpinion(), external: emptyOpinion() },
    baselineNrs: '',
    criteria: Object.fromEntries(CRITERIA.map((c) => [c, null])) as RegisterForm['criteria'],
    contraindications: Object.fromEntries(
      RELATIVE_CONTRAINDICATIONS.map((c) => [c.id, null]),
    ) as RegisterForm['contraindications'],
    decision: { staffId: '', proceed: null, reason: '' },
    startedHere: null,
    saved: { patientId: null, screeningId: null },
  };
}

/** The staff id a picker stands for ('' when none chosen or typed). */
export const staffIdOf = (s: StaffChoice): string =>
  (s.choice === OTHER_STAFF ? s.typed : s.choice).trim();

/** Any contraindication answered "yes": the anesthesiologist's decision is then needed. */
export const anyContraindication = (form: RegisterForm): boolean =>
  Object.values(form.contraindications).some((v) => v === 'yes');

export const yesNo = (v: YesNo | null): boolean | null => (v === null ? null : v === 'yes');

export type FormUpdate = (change: (form: RegisterForm) => RegisterForm) => void;

/** What every section of the registration form receives. */
export type SectionProps = {
  readonly form: RegisterForm;
  readonly update: FormUpdate;
  /** Messages per field key; empty until the nurse first tries to save. */
  readonly errors: Readonly<Record<string, string>>;
};
