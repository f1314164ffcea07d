/**
 * Limit findings the way smart-pump drug libraries show them (protocol.md section 3, limits.ts):
 * hard = cannot proceed; soft = a named override with a reason (named after the person
 * recording); deviation = the anesthesiologist's reason, labelled PROTOCOL DEVIATION and flagged
 * for the registry. One anesthesiologist and one reason cover every deviation of the plan.
 */
import { MIN_REASON_LENGTH, type FindingSeverity } from '../../domain/limits.ts';
import { staffName, type StaffMember } from '../../ui/bedside-context.tsx';
import { ChoiceGroup } from '../../ui/choice-group.tsx';
import { fill, useErrorText } from '../../ui/i18n.ts';
import type { DosePlanMessages } from './messages.ts';
import type { DosePlanRecord } from './plan-model.ts';

type Finding = {
  readonly severity: FindingSeverity;
  readonly code: string;
  readonly message: string;
  /** Live findings (limits.ts) carry Dutch; findings stored in a plan record keep their words. */
  readonly messageNl?: string;
};

const NOTICE: Record<FindingSeverity, string> = {
  hard: 'notice notice--urgent',
  soft: 'notice notice--warning',
  deviation: 'notice notice--urgent',
};
const ORDER: readonly FindingSeverity[] = ['hard', 'soft', 'deviation'];

export type FindingsErrors = {
  readonly overrides: Readonly<Record<string, string>>;
  readonly deviationBy?: string | undefined;
  readonly deviationReason?: string | undefined;
};

type EditorProps = {
  readonly findings: readonly Finding[];
  readonly overrideReasons: Readonly<Record<string, string>>;
  readonly onOverrideReason: (code: string, reason: string) => void;
  readonly deviationBy: string | null;
  readonly onDeviationBy: (staffId: string) => void;
  readonly deviationReason: string;
  readonly onDeviationReason: (reason: string) => void;
  readonly recordedByName: string;
  readonly anesthesiologists: readonly StaffMember[];
  readonly errors: FindingsErrors;
  readonly t: DosePlanMessages;
};

export function FindingsEditor(props: EditorProps) {
  const { findings, t, errors } = props;
  const text = useErrorText();
  const deviations = findings.filter((f) => f.severity === 'deviation');
  return (
    <section className="card stack" aria-labelledby="findings-title">
      <h3 id="findings-title">{t.findingsTitle}</h3>
      {findings.length === 0 ? <p className="notice notice--ok">{t.noFindings}</p> : null}
      {ORDER.flatMap((severity) => findings.filter((f) => f.severity === severity)).map((f) => (
        <div key={f.code} className={`${NOTICE[f.severity]} stack`}>
          <p style={{ margin: 0 }}>
            <strong>{t[`severity.${f.severity}`]}</strong> {text(f)}
          </p>
          {f.severity === 'soft' ? (
            <ReasonField
              id={`override-${f.code}`}
              label={fill(t.overrideReason, { name: props.recordedByName })}
              value={props.overrideReasons[f.code] ?? ''}
              onChange={(reason) => props.onOverrideReason(f.code, reason)}
              error={errors.overrides[f.code]}
            />
          ) : null}
        </div>
      ))}
      {deviations.length > 0 ? (
        <div className="stack">
          <p className="badge badge--urgent" style={{ fontSize: '1rem' }}>
            {t.deviationLabel}
          </p>
          {props.anesthesiologists.length === 0 ? (
            <p className="notice notice--urgent">{t.noAnesthesiologist}</p>
          ) : (
            <ChoiceGroup
              legend={t.deviationBy}
              value={props.deviationBy}
              onChange={props.onDeviationBy}
              error={errors.deviationBy}
              choices={props.anesthesiologists.map((s) => ({
                value: s.staffId,
                label: s.displayName,
              }))}
            />
          )}
          <ReasonField
            id="deviation-reason"
            label={t.deviationReason}
            value={props.deviationReason}
            onChange={props.onDeviationReason}
            error={errors.deviationReason}
          />
        </div>
      ) : null}
    </section>
  );
}

function ReasonField(props: {
  readonly id: string;
  readonly label: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly error: string | undefined;
}) {
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      <textarea
        id={props.id}
        className="input"
        rows={2}
        value={props.value}
        aria-invalid={props.error ? true : undefined}
        onChange={(e) => props.onChange(e.target.value)}
      />
      {props.error ? (
        <span className="field__error" role="alert">
          {props.error}
        </span>
      ) : null}
    </div>
  );
}

/** Whether a typed reason is long enough for limits.ts (after trimming). */
export const reasonOk = (reason: string | undefined) =>
  (reason ?? '').trim().length >= MIN_REASON_LENGTH;

/**
 * Which field to point at for each missing override or reason (the decision itself is
 * limits.ts canProceed's): a too-short override reason, no anesthesiologist picked from the
 * staff list, a too-short deviation reason.
 */
export function findingsErrors(
  overrides: readonly { readonly findingCode: string; readonly reason: string }[],
  deviations: readonly unknown[],
  typed: { readonly deviationBy: string | null; readonly deviationReason: string },
  anesthesiologists: readonly StaffMember[],
  t: DosePlanMessages,
): FindingsErrors {
  const tooShort = fill(t.reasonTooShort, { min: MIN_REASON_LENGTH });
  const byCode: Record<string, string> = {};
  for (const o of overrides) if (!reasonOk(o.reason)) byCode[o.findingCode] = tooShort;
  if (deviations.length === 0) return { overrides: byCode };
  return {
    overrides: byCode,
    deviationBy: anesthesiologists.some((a) => a.staffId === typed.deviationBy)
      ? undefined
      : t.deviationByRequired,
    deviationReason: reasonOk(typed.deviationReason) ? undefined : tooShort,
  };
}

/** The findings of a stored plan with the overrides and reasons recorded for them. */
export function RecordedFindings(props: {
  readonly record: DosePlanRecord;
  readonly staff: readonly StaffMember[];
  readonly t: DosePlanMessages;
}) {
  const { record, staff, t } = props;
  const p = record.payload;
  return (
    <section className="stack" aria-labelledby="recorded-findings-title">
      <h3 id="recorded-findings-title">{t.findingsTitle}</h3>
      {p.deviation.isDeviation ? (
        <p className="badge badge--urgent" style={{ fontSize: '1rem' }}>
          {t.deviationLabel}
        </p>
      ) : null}
      {p.findings.length === 0 ? <p className="notice notice--ok">{t.noFindings}</p> : null}
      {ORDER.flatMap((severity) => p.findings.filter((f) => f.severity === severity)).map((f) => {
        const named =
          f.severity === 'soft'
            ? p.overrides.find((o) => o.findingCode === f.code)
            : f.severity === 'deviation'
              ? p.deviation.reasons.find((o) => o.findingCode === f.code)
              : undefined;
        return (
          <div key={f.code} className={NOTICE[f.severity]}>
            <p style={{ margin: 0 }}>
              <strong>{t[`severity.${f.severity}`]}</strong> {f.message}
            </p>
            {named ? (
              <p style={{ margin: 0 }}>
                {fill(f.severity === 'soft' ? t.recordedOverride : t.recordedDeviation, {
                  name: staffName(staff, named.byStaffId),
                  reason: named.reason,
                })}
              </p>
            ) : null}
          </div>
        );
      })}
    </section>
  );
}
