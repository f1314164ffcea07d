/**
 * What every session screen does first: wait for the stored records, then say plainly when the
 * patient or the session is not on this tablet (e.g. a link from another tablet before sync).
 * One place for it, so every step behaves the same.
 */
import type { ReactElement } from 'react';
import type { RecordOfKind } from '../domain/records.ts';
import type { SessionState } from '../domain/state/session-state.ts';
import { defineMessages } from './i18n.ts';
import type { PatientView } from './use-patient-view.ts';

/** Messages shared by the session steps; each feature spreads them into its own messages. */
export const sessionScreenMessages = defineMessages({
  en: {
    loading: 'Loading the session…',
    patientNotFound: 'This patient is not on this tablet.',
    sessionNotFound:
      'This session is not on this tablet. Go back to the patient and open the session again.',
    noActor:
      'Nobody is signed in: unlock the tablet with your name and PIN (“Switch user / Lock”, at the top) before entering anything. Every record carries a name; nothing is saved until then.',
    saving: 'Saving…',
    saved: 'Saved on this tablet',
    retry: 'Retry',
  },
  'nl-BE': {
    loading: 'Sessie laden…',
    patientNotFound: 'Deze patiënt staat niet op deze tablet.',
    sessionNotFound:
      'Deze sessie staat niet op deze tablet. Ga terug naar de patiënt en open de sessie opnieuw.',
    noActor:
      'Niemand is aangemeld: ontgrendel de tablet met uw naam en pincode (“Andere gebruiker / Vergrendelen”, bovenaan) voor u iets invoert. Elke registratie draagt een naam; tot dan wordt niets bewaard.',
    saving: 'Bewaren…',
    saved: 'Bewaard op deze tablet',
    retry: 'Opnieuw proberen',
  },
});

type GuardMessages = Pick<
  (typeof sessionScreenMessages)['en'],
  'loading' | 'patientNotFound' | 'sessionNotFound'
>;

export type LoadedSession = {
  readonly view: PatientView;
  readonly state: SessionState;
  readonly session: RecordOfKind<'session'>;
};

export type SessionGuard =
  | { readonly ready: true; readonly loaded: LoadedSession }
  | { readonly ready: false; readonly element: ReactElement };

/** The loaded session, or the element to show instead (loading, or not on this tablet). */
export function guardSession(view: PatientView | null | undefined, t: GuardMessages): SessionGuard {
  if (view === undefined) return { ready: false, element: <p role="status">{t.loading}</p> };
  const problem = (text: string) => ({
    ready: false as const,
    element: (
      <p className="notice notice--urgent" role="alert">
        {text}
      </p>
    ),
  });
  if (view === null) return problem(t.patientNotFound);
  const state = view.session;
  const session = state?.session ?? null;
  if (state === null || session === null) return problem(t.sessionNotFound);
  return { ready: true, loaded: { view, state, session } };
}
