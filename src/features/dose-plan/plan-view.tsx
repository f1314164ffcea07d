/**
 * The saved current dose plan: who made it and when, its working and pump settings (recomputed
 * by dosing.ts from the stored inputs), its findings with the recorded overrides and reasons,
 * the double check status and the sign-off. A plan made with an older weight, or one that no
 * longer adds up, is shown as such and cannot be checked or signed: make a new plan.
 */
import type { DosePlan } from '../../domain/dosing.ts';
import { pumpEntriesForPlan } from '../../domain/pump-entry.ts';
import type { RecordOfKind } from '../../domain/records.ts';
import type { Result } from '../../domain/result.ts';
import type { SessionState } from '../../domain/state/session-state.ts';
import { staffName, useBedside } from '../../ui/bedside-context.tsx';
import { formatQuantity, formatTime } from '../../ui/format.ts';
import { errorText, fill } from '../../ui/i18n.ts';
import type { Locale } from '../../ui/preferences.ts';
import { DoubleCheckResult } from './double-check-result.tsx';
import { RecordedFindings } from './findings-panel.tsx';
import type { DosePlanMessages } from './messages.ts';
import { PlanCalculation } from './plan-calculation.tsx';
import type { DosePlanRecord } from './plan-model.ts';
import { SignOffSection } from './sign-off-section.tsx';

type Props = {
  readonly session: RecordOfKind<'session'>;
  readonly record: DosePlanRecord;
  readonly recomputed: Result<DosePlan>;
  readonly state: SessionState;
  readonly stale: boolean;
  readonly locked: boolean;
  readonly onStartCheck: () => void;
  readonly onReplan: () => void;
  readonly t: DosePlanMessages;
  readonly locale: Locale;
};

export function PlanView(props: Props) {
  const { session, record, recomputed, state, stale, locked, t, locale } = props;
  const { staff, actor } = useBedside();
  const protocol = session.payload.protocolSnapshot;
  const pump = recomputed.ok ? pumpEntriesForPlan(recomputed.value) : null;
  const usable = recomputed.ok && pump?.ok === true && !stale;
  const check =
    state.doubleCheck?.record.payload.dosePlanId === record.id ? state.doubleCheck : null;
  const checkOk = check?.valid === true;
  const weightNow = state.weight?.payload.weightKg;

  return (
    <div className="stack">
      <section className="card stack" aria-labelledby="plan-title">
        <h2 id="plan-title">
          {fill(t.planTitle, {
            time: formatTime(record.clinicalTime, locale),
            name: staffName(staff, record.authorStaffId),
          })}
        </h2>
        {record.supersedes ? (
          <p className="field__hint">
            {fill(t.supersedesNote, { reason: record.supersedes.reason })}
          </p>
        ) : null}
        {stale ? (
          <p className="notice notice--urgent" role="alert">
            {fill(t.staleWeight, {
              old: formatQuantity(record.payload.weightKg, 'kg', locale, 1),
              new: weightNow === undefined ? '—' : formatQuantity(weightNow, 'kg', locale, 1),
            })}
          </p>
        ) : null}
        {!recomputed.ok ? (
          <p className="notice notice--urgent" role="alert">
            {fill(t.planInconsistent, { message: errorText(recomputed.error, locale) })}
          </p>
        ) : null}
        {recomputed.ok && pump?.ok ? (
          <PlanCalculation
            plan={recomputed.value}
            pump={pump.value}
            protocol={protocol}
            t={t}
            locale={locale}
          />
        ) : null}
        <RecordedFindings record={record} staff={staff} t={t} />
        {state.dosePlanProblems.length > 0 ? (
          <div className="notice notice--urgent">
            <p style={{ margin: 0 }}>{t.planProblemsTitle}</p>
            <ul>
              {state.dosePlanProblems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          </div>
        ) : null}
      </section>

      <section className="card stack" aria-labelledby="check-title">
        <h2 id="check-title">{t.checkTitle}</h2>
        {check ? (
          <DoubleCheckResult check={check} protocol={protocol} t={t} locale={locale} />
        ) : (
          <p>{t.checkNeeded}</p>
        )}
        {!locked && usable && !checkOk ? (
          <div className="row">
            <button
              type="button"
              className="btn btn--primary btn--large"
              disabled={!actor}
              onClick={props.onStartCheck}
            >
              {check ? t.checkAgain : t.startCheck}
            </button>
            <span className="field__hint">{t.startCheckHint}</span>
          </div>
        ) : null}
      </section>

      {usable ? (
        <SignOffSection
          session={session}
          record={record}
          state={state}
          stale={stale}
          t={t}
          locale={locale}
        />
      ) : null}

      {!locked ? (
        <button type="button" className="btn" disabled={!actor} onClick={props.onReplan}>
          {t.replan}
        </button>
      ) : (
        <p className="notice">{t.locked}</p>
      )}
    </div>
  );
}
