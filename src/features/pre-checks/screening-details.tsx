/**
 * The patient's eligibility screening as the nurse re-confirms it each session (protocol.md
 * section 2): the four protocol criteria and the six relative contraindications, with the
 * anesthesiologist's decision when one is present. A missing screening, an unmet criterion or
 * a contraindication without a decision to proceed keeps the matching check from being ticked.
 */
import { DECISION_REASON_MIN_CHARS, RELATIVE_CONTRAINDICATIONS } from '../../domain/eligibility.ts';
import type { RecordOfKind } from '../../domain/records.ts';
import { CONTRAINDICATION_KEY_BY_ID } from '../../domain/records/patient.ts';
import { staffName, type StaffMember } from '../../ui/bedside-context.tsx';
import { formatDateTime } from '../../ui/format.ts';
import { fill } from '../../ui/i18n.ts';
import type { Locale } from '../../ui/preferences.ts';
import type { PreChecksMessages } from './messages.ts';

export type Screening = RecordOfKind<'eligibility-screening'>;

const CRITERIA = ['adult', 'nonOncologic', 'psychologistCleared', 'firstSecondLineFailed'] as const;

export type ScreeningProblems = {
  readonly missing: boolean;
  readonly criteriaNotMet: boolean;
  /** A contraindication is present and no anesthesiologist decided yet. */
  readonly needsDecision: boolean;
  /** The anesthesiologist decided not to proceed. */
  readonly decidedNotToProceed: boolean;
};

/**
 * A decision counts when it names a staff member who is not known to be anything other than
 * an anesthesiologist (the list on this tablet may lag behind) and gives a real reason.
 */
const validDecision = (
  d: Screening['payload']['anesthesiologistDecision'],
  staff: readonly StaffMember[],
) =>
  d !== undefined &&
  d.reason.trim().length >= DECISION_REASON_MIN_CHARS &&
  (staff.find((s) => s.staffId === d.staffId)?.role ?? 'anesthesiologist') === 'anesthesiologist';

export function screeningProblems(
  screening: Screening | null,
  staff: readonly StaffMember[],
): ScreeningProblems {
  if (screening === null)
    return {
      missing: true,
      criteriaNotMet: false,
      needsDecision: false,
      decidedNotToProceed: false,
    };
  const p = screening.payload;
  const anyPresent = RELATIVE_CONTRAINDICATIONS.some(
    (c) => p.contraindications[CONTRAINDICATION_KEY_BY_ID[c.id]],
  );
  const decision = p.anesthesiologistDecision;
  return {
    missing: false,
    criteriaNotMet: CRITERIA.some((k) => !p[k]),
    needsDecision: anyPresent && !validDecision(decision, staff),
    decidedNotToProceed:
      anyPresent && validDecision(decision, staff) && decision?.proceed === false,
  };
}

type Props = {
  readonly screening: Screening | null;
  readonly t: PreChecksMessages;
  readonly locale: Locale;
};

export function EligibilityCriteria({
  screening,
  t,
  locale,
  staff,
}: Props & { readonly staff: readonly StaffMember[] }) {
  if (screening === null) return <p className="notice notice--urgent">{t.noScreening}</p>;
  const p = screening.payload;
  return (
    <div className="stack">
      <dl
        className="facts"
        aria-label={fill(t.criteriaTitle, { date: formatDateTime(screening.clinicalTime, locale) })}
      >
        {CRITERIA.map((k) => (
          <div key={k} style={{ display: 'contents' }}>
            <dt>{t[`criterion.${k}`]}</dt>
            <dd className={p[k] ? undefined : 'field__error'}>{p[k] ? t.yes : t.no}</dd>
          </div>
        ))}
      </dl>
      {screeningProblems(screening, staff).criteriaNotMet ? (
        <p className="notice notice--urgent">{t.criteriaNotMet}</p>
      ) : null}
    </div>
  );
}

export function ContraindicationList({
  screening,
  t,
  locale,
  staff,
}: Props & { readonly staff: readonly StaffMember[] }) {
  if (screening === null) return <p className="notice notice--urgent">{t.noScreening}</p>;
  const p = screening.payload;
  const problems = screeningProblems(screening, staff);
  const decision = p.anesthesiologistDecision;
  return (
    <div className="stack">
      <dl className="facts" aria-label={t.contraTitle}>
        {RELATIVE_CONTRAINDICATIONS.map((c) => {
          const present = p.contraindications[CONTRAINDICATION_KEY_BY_ID[c.id]] === true;
          return (
            <div key={c.id} style={{ display: 'contents' }}>
              <dt>{locale === 'nl-BE' ? c.labelNl : c.label}</dt>
              <dd>
                {present ? (
                  <span className="badge badge--warning">{t.contraPresent}</span>
                ) : (
                  t.contraAbsent
                )}
              </dd>
            </div>
          );
        })}
      </dl>
      {problems.needsDecision ? <p className="notice notice--urgent">{t.needsDecision}</p> : null}
      {decision !== undefined ? (
        <p className={`notice ${decision.proceed ? 'notice--warning' : 'notice--urgent'}`}>
          {fill(decision.proceed ? t.decisionProceed : t.decisionStop, {
            name: staffName(staff, decision.staffId),
            reason: decision.reason,
          })}
        </p>
      ) : null}
    </div>
  );
}
