/**
 * Dose plan step (protocol.md section 4 step 3): the protocol dose for this session number,
 * the plan with its working and both pump settings, limits and deviations with the reasons
 * they need, the independent double check, the anesthesiologist's sign-off, and then "Ready to
 * start the infusion". Everything shown is derived from the stored records (SessionState), so
 * a reload returns to the same point. While the double check is open, the check form is
 * rendered instead of the plan: the plan's numbers are not on screen at all.
 */
import { useState } from 'react';
import { expectedSessionDose } from '../../domain/session-dose.ts';
import { useBedside } from '../../ui/bedside-context.tsx';
import { fill, useMessages } from '../../ui/i18n.ts';
import { usePreferences } from '../../ui/preferences.ts';
import { usePatientView } from '../../ui/use-patient-view.ts';
import { guardSession } from '../../ui/session-view.tsx';
import { DoubleCheckForm } from './double-check-form.tsx';
import { ExpectedDose } from './expected-dose.tsx';
import { messages } from './messages.ts';
import { PlanComposer } from './plan-composer.tsx';
import { recomputePlan } from './plan-model.ts';
import { PlanView } from './plan-view.tsx';

type Props = {
  readonly patientId: string;
  readonly sessionId: string;
  readonly onReadyToStart: () => void;
};

type Mode = 'view' | 'compose' | 'check';

export function DosePlanScreen({ patientId, sessionId, onReadyToStart }: Props) {
  const t = useMessages(messages);
  const locale = usePreferences((s) => s.locale);
  const { actor } = useBedside();
  const [mode, setMode] = useState<Mode>('view');
  const patientView = usePatientView(patientId, sessionId);

  const guard = guardSession(patientView, t);
  if (!guard.ready) return guard.element;
  const { view, state, session } = guard.loaded;

  const protocol = session.payload.protocolSnapshot;
  const sessionNumber = session.payload.sessionNumber;
  const plan = state.currentDosePlan;
  const locked = state.infusion.status !== 'not-started';
  // Used only before the infusion starts (after, this session is among the previous ones).
  const expected = expectedSessionDose({
    protocol,
    sessionNumber,
    previousSessions: view.summary.previousSessionsForDose,
  });
  const stale = plan !== null && plan.payload.weightRecordId !== state.weight?.id;
  const recomputed = plan ? recomputePlan(plan, protocol) : null;
  const composing = !locked && (plan === null || mode === 'compose');
  const checking =
    !locked && plan !== null && mode === 'check' && recomputed?.ok === true && !stale;
  const ready = state.step === 'ready-to-start' && !stale;
  const missingPreChecks =
    state.checklist.missingPreInfusion.length + (state.weight ? 0 : 1) + (state.baseline ? 0 : 1);

  return (
    <section className="stack" aria-labelledby="dose-plan-title">
      <h1 id="dose-plan-title">{t.title}</h1>
      <p className="field__hint">
        {fill(t.patientLabel, {
          number: view.summary.patient?.payload.centerPatientNumber ?? '',
          session: sessionNumber,
        })}
      </p>
      {actor === null ? (
        <p className="notice notice--warning" role="alert">
          {t.noActor}
        </p>
      ) : null}
      {checking && plan && recomputed?.ok ? (
        <DoubleCheckForm
          session={session}
          record={plan}
          plan={recomputed.value}
          onDone={() => setMode('view')}
          onCancel={() => setMode('view')}
          t={t}
          locale={locale}
        />
      ) : (
        <>
          {missingPreChecks > 0 && !locked ? (
            <p className="notice notice--warning">
              {fill(t.preChecksMissing, { count: missingPreChecks })}
            </p>
          ) : null}
          {locked ? null : (
            <ExpectedDose expected={expected} sessionNumber={sessionNumber} t={t} locale={locale} />
          )}
          {composing ? (
            state.weight === null ? (
              <p className="notice notice--urgent" role="alert">
                {t.noWeight}
              </p>
            ) : expected.ok ? (
              <PlanComposer
                session={session}
                weight={state.weight}
                expected={expected.value}
                previous={plan}
                onSaved={() => setMode('view')}
                onCancel={plan ? () => setMode('view') : null}
                t={t}
                locale={locale}
              />
            ) : null
          ) : plan && recomputed ? (
            <PlanView
              session={session}
              record={plan}
              recomputed={recomputed}
              state={state}
              stale={stale}
              locked={locked}
              onStartCheck={() => setMode('check')}
              onReplan={() => setMode('compose')}
              t={t}
              locale={locale}
            />
          ) : null}
          {!composing ? (
            <div className="card stack">
              <button
                type="button"
                className="btn btn--primary btn--large"
                disabled={!ready}
                onClick={onReadyToStart}
              >
                {t.readyButton}
              </button>
              {!ready && !locked ? <p className="field__hint">{t.readyBlocked}</p> : null}
            </div>
          ) : null}
        </>
      )}
    </section>
  );
}
