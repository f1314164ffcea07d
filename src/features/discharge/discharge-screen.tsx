/**
 * End of infusion and discharge (protocol.md section 4 step 5): stop time and totals actually
 * delivered, modified Aldrete, last vitals vs baseline, escort and no-driving advice, minimum
 * observation, tolerance (decides the next dose) and the next appointment. Once the discharge
 * record is stored, the screen shows it as stored (a reload shows the same).
 */
import { useBedside } from '../../ui/bedside-context.tsx';
import { fill, useMessages } from '../../ui/i18n.ts';
import { usePreferences } from '../../ui/preferences.ts';
import { usePatientView } from '../../ui/use-patient-view.ts';
import { guardSession } from '../../ui/session-view.tsx';
import { DischargeForm } from './discharge-form.tsx';
import { DischargedSummary } from './discharged-summary.tsx';
import { messages } from './messages.ts';

type Props = {
  readonly patientId: string;
  readonly sessionId: string;
  readonly onDischarged: () => void;
  /**
   * Opens where recovery vitals are entered (the infusion step). The discharge criteria need a
   * set taken after the infusion ended; without this the screen only says so.
   */
  readonly onTakeVitals?: () => void;
};

export function DischargeScreen({ patientId, sessionId, onDischarged, onTakeVitals }: Props) {
  const t = useMessages(messages);
  const locale = usePreferences((s) => s.locale);
  const { actor } = useBedside();
  const patientView = usePatientView(patientId, sessionId);

  const guard = guardSession(patientView, t);
  if (!guard.ready) return guard.element;
  const { view, state, session } = guard.loaded;

  return (
    <section className="stack" aria-labelledby="discharge-title">
      <h1 id="discharge-title">{t.title}</h1>
      <p className="field__hint">
        {fill(t.patientLabel, {
          number: view.summary.patient?.payload.centerPatientNumber ?? '',
          session: session.payload.sessionNumber,
        })}
      </p>
      {actor === null && state.discharge === null ? (
        <p className="notice notice--warning" role="alert">
          {t.noActor}
        </p>
      ) : null}
      {state.discharge !== null ? (
        <DischargedSummary
          discharge={state.discharge}
          onContinue={onDischarged}
          t={t}
          locale={locale}
        />
      ) : (
        <DischargeForm
          key={session.sessionId}
          state={state}
          session={session}
          onDischarged={onDischarged}
          onTakeVitals={onTakeVitals}
          t={t}
          locale={locale}
        />
      )}
    </section>
  );
}
