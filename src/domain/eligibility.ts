/**
 * Eligibility for KIT (protocol.md section 2), checked before the first session and
 * re-confirmed each session.
 * [protocol] (paper, Methods): adult at the start of therapy; chronic pain that is not
 * oncologic; evaluated by a psychologist, with no predominant yellow, blue or black flags and
 * no significant psychiatric comorbidity; first- and second-line treatments did not help.
 * [default] relative contraindications from Cohen SP et al., Consensus guidelines on the use of
 * intravenous ketamine infusions for chronic pain from the ASRA, AAPM and ASA. Reg Anesth Pain
 * Med 2018;43(5):521-46. Any "yes" needs an anesthesiologist's documented decision.
 *
 * Every question must be answered: an unanswered one (null) blocks, it never counts as "no".
 */
import { ageAtStart, type AgeAtStart } from './age.ts';

export { ADULT_AGE_YEARS, ageAtStart, type AgeAtStart } from './age.ts';

export const RELATIVE_CONTRAINDICATIONS = Object.freeze([
  {
    id: 'poorly-controlled-cardiovascular-disease',
    label: 'Poorly controlled cardiovascular disease',
    labelNl: 'Slecht gecontroleerde cardiovasculaire aandoening',
  },
  { id: 'pregnancy', label: 'Pregnancy', labelNl: 'Zwangerschap' },
  { id: 'active-psychosis', label: 'Active psychosis', labelNl: 'Actieve psychose' },
  { id: 'severe-liver-disease', label: 'Severe liver disease', labelNl: 'Ernstige leverziekte' },
  {
    id: 'raised-intracranial-or-intraocular-pressure',
    label: 'Raised intracranial or intraocular pressure',
    labelNl: 'Verhoogde intracraniële of intraoculaire druk',
  },
  {
    id: 'active-substance-abuse',
    label: 'Active substance abuse',
    labelNl: 'Actief middelenmisbruik',
  },
] as const);
export type ContraindicationId = (typeof RELATIVE_CONTRAINDICATIONS)[number]['id'];

/** A decision's reason must say something ("ok" is not a documented decision). */
export const DECISION_REASON_MIN_CHARS = 10;

export type EligibilityAnswers = {
  /** YYYY-MM-DD; preferred. */
  readonly birthDate: string | null;
  /** When only the year is known. */
  readonly birthYear: number | null;
  /** YYYY-MM-DD, start of the KIT course (first session). */
  readonly courseStartDate: string;
  readonly painIsOncologic: boolean | null;
  readonly psychologistEvaluated: boolean | null;
  /** Predominant yellow, blue or black flags found by the psychologist. */
  readonly predominantPsychosocialFlags: boolean | null;
  readonly significantPsychiatricComorbidity: boolean | null;
  readonly firstLineTreatmentsFailed: boolean | null;
  readonly secondLineTreatmentsFailed: boolean | null;
  readonly contraindications: { readonly [K in ContraindicationId]: boolean | null };
};

export type ContraindicationDecision = {
  readonly contraindicationId: ContraindicationId;
  readonly decidedByStaffId: string;
  readonly decidedByRole: string;
  readonly proceed: boolean;
  readonly reason: string;
};

export type EligibilityIssue = {
  readonly code: string;
  readonly field: string;
  readonly message: string;
};

export type EligibilityAssessment = {
  readonly eligible: boolean;
  readonly blocking: readonly EligibilityIssue[];
  readonly needsDecision: readonly EligibilityIssue[];
  readonly age: AgeAtStart | null;
};

/**
 * Eligible only when nothing blocks and every relative contraindication answered "yes" has a
 * valid decision to proceed by an anesthesiologist (staff id, role, reason of at least
 * DECISION_REASON_MIN_CHARS characters). `decisions` are those in force (superseded ones
 * removed by the caller); for one contraindication the last in the list counts.
 */
export function assessEligibility(
  answers: EligibilityAnswers,
  decisions: readonly ContraindicationDecision[],
): EligibilityAssessment {
  const blocking: EligibilityIssue[] = [];
  const needsDecision: EligibilityIssue[] = [];
  const block = (code: string, field: string, message: string) =>
    blocking.push({ code, field, message });

  const age = ageAtStart(answers.birthDate, answers.birthYear, answers.courseStartDate);
  if (age === null)
    block(
      'invalid-input',
      'birthDate',
      'Birth date (or year) and course start date must be real dates (YYYY-MM-DD), with birth before the start and matching each other.',
    );
  else if (age.status === 'minor')
    block(
      'minor',
      'birthDate',
      'The patient was under 18 at the start of therapy: KIT is for adults only.',
    );
  else if (age.status === 'undetermined')
    block(
      'age-undetermined',
      'birthDate',
      'With only a birth year it is not certain the patient was 18 at the start of therapy. Enter the full birth date.',
    );

  const yesNo: readonly [keyof EligibilityAnswers, boolean, string, string, string][] = [
    [
      'painIsOncologic',
      true,
      'oncologic-pain',
      'Is the pain oncologic (cancer-related)?',
      'Oncologic pain is excluded from KIT.',
    ],
    [
      'psychologistEvaluated',
      false,
      'no-psychologist-evaluation',
      'Has a psychologist evaluated the patient?',
      'A psychologist must evaluate the patient before KIT.',
    ],
    [
      'predominantPsychosocialFlags',
      true,
      'psychosocial-flags',
      'Did the psychologist find predominant yellow, blue or black flags?',
      'Predominant yellow, blue or black flags exclude KIT.',
    ],
    [
      'significantPsychiatricComorbidity',
      true,
      'psychiatric-comorbidity',
      'Is there significant psychiatric comorbidity?',
      'Significant psychiatric comorbidity excludes KIT.',
    ],
    [
      'firstLineTreatmentsFailed',
      false,
      'first-line-not-failed',
      'Did first-line treatments fail?',
      'KIT is for pain where first-line treatments did not help.',
    ],
    [
      'secondLineTreatmentsFailed',
      false,
      'second-line-not-failed',
      'Did second-line treatments fail?',
      'KIT is for pain where second-line treatments did not help.',
    ],
  ];
  for (const [field, blocksWhen, code, question, why] of yesNo) {
    const v = answers[field];
    if (typeof v !== 'boolean') block('not-answered', field, `Answer: ${question}`);
    else if (v === blocksWhen) block(code, field, why);
  }

  for (const c of RELATIVE_CONTRAINDICATIONS) {
    const field = `contraindications.${c.id}`;
    const v = answers.contraindications?.[c.id];
    if (typeof v !== 'boolean') {
      block('not-answered', field, `Answer: ${c.label}?`);
      continue;
    }
    if (!v) continue;
    const d = decisions.filter((x) => x.contraindicationId === c.id).at(-1);
    const valid =
      d !== undefined &&
      d.decidedByRole === 'anesthesiologist' &&
      typeof d.decidedByStaffId === 'string' &&
      d.decidedByStaffId.trim() !== '' &&
      typeof d.reason === 'string' &&
      d.reason.trim().length >= DECISION_REASON_MIN_CHARS &&
      typeof d.proceed === 'boolean';
    if (!valid) {
      needsDecision.push({
        code: 'contraindication',
        field,
        message: `${c.label}: an anesthesiologist must decide, with their name and a reason, whether KIT may go ahead.`,
      });
    } else if (!d.proceed) {
      block(
        'decided-not-to-proceed',
        field,
        `${c.label}: the anesthesiologist decided not to proceed (${d.reason.trim()}).`,
      );
    }
  }
  return {
    eligible: blocking.length === 0 && needsDecision.length === 0,
    blocking,
    needsDecision,
    age,
  };
}
