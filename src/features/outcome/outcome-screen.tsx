/**
 * Outcome questions, from session 2 on (protocol.md section 4 step 6; section 5 [protocol]:
 * "From session 2: self-reported % improvement after the first full dose"). Session 1 is the
 * test dose, so the screen says so and asks nothing. Once answered, it shows the stored answer
 * (a change is a correction on the session record).
 */
import { useBedside } from '../../ui/bedside-context.tsx';
import { fill, useMessages } from '../../ui/i18n.ts';
import { usePreferences } from '../../ui/preferences.ts';
import { usePatientView } from '../../ui/use-patient-view.ts';
import { guardSession } from '../../ui/session-view.tsx';
import { messages } from './messages.ts';
import { OutcomeForm } from './outcome-form.tsx';
import { OutcomeStored } from './outcome-stored.tsx';

type Props = {
  readonly patientId: string;
  readonly sessionId: string;
  readonly onDone: () => void;
};

export function OutcomeScreen({ patientId, sessionId, onDone }: Props) {
  const t = useMessages(messages);
  const locale = usePreferences((s) => s.locale);
  const { actor } = useBedside();
  const patientView = usePatientView(patientId, sessionId);

  const guard = guardSession(patientView, t);
  if (!guard.ready) return guard.element;
  const { view, state, session } = guard.loaded;
  const sessionNumber = session.payload.sessionNumber;
  const administered = view.summary.previousSessionsForDose.length;

  return (
    <section className="stack" aria-labelledby="outcome-title">
      <h1 id="outcome-title">{t.title}</h1>
      <p className="field__hint">
        {fill(t.patientLabel, {
          number: view.summary.patient?.payload.centerPatientNumber ?? '',
          session: sessionNumber,
        })}
      </p>
      {sessionNumber < 2 ? (
        <>
          <p className="notice">{t.notYet}</p>
          <button type="button" className="btn btn--primary btn--large" onClick={onDone}>
            {t.continue}
          </button>
        </>
      ) : state.outcome !== null ? (
        <OutcomeStored
          answer={state.outcome}
          session={session}
          courseStatus={view.summary.courseStatus}
          administered={administered}
          onDone={onDone}
          t={t}
          locale={locale}
        />
      ) : (
        <>
          {actor === null ? (
            <p className="notice notice--warning" role="alert">
              {t.noActor}
            </p>
          ) : null}
          <OutcomeForm
            key={session.sessionId}
            session={session}
            administered={administered}
            onDone={onDone}
            t={t}
          />
        </>
      )}
    </section>
  );
}
