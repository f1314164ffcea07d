/**
 * Live view of one patient (and optionally one of their sessions), read from IndexedDB with
 * Dexie's liveQuery: every committed write re-renders the screens that show it, so a reload or
 * a second tab shows exactly what is stored. Corrections are applied once here (effective
 * records) and shared by the derived patient and session states.
 *
 * One query per patient, however many components show that patient: a session screen has the
 * shell, the step and the side-effect panel on screen at once, and each save would otherwise
 * read and derive the same records three times (issue 3: vital save to shown, p95 <= 50 ms).
 * The shared view stays subscribed a few seconds after the last component leaves, so moving
 * between the steps of a session shows it at once.
 */
import { liveQuery, type Subscription } from 'dexie';
import { useMemo, useSyncExternalStore } from 'react';
import type { KitDatabase } from '../db/database.ts';
import { recordsForPatient } from '../db/records-repo.ts';
import type { ClinicalRecord } from '../domain/records.ts';
import { effectiveRecords, type EffectiveRecords } from '../domain/state/effective.ts';
import { derivePatientSummary, type PatientSummary } from '../domain/state/patient-summary.ts';
import { deriveSessionState, type SessionState } from '../domain/state/session-state.ts';
import { useBedside } from './bedside-context.tsx';

export type PatientView = {
  /** Every stored record of the patient, corrections and originals included. */
  readonly records: readonly ClinicalRecord[];
  readonly effective: EffectiveRecords;
  readonly summary: PatientSummary;
  /** Present when a sessionId was given and its records exist. */
  readonly session: SessionState | null;
};

type PatientBase = Omit<PatientView, 'session'>;

/** How long a patient's query outlives its last component (navigation between steps). */
export const KEEP_ALIVE_MS = 5_000;

type Snapshot = {
  /** undefined while loading; null when the patient has no records on this tablet. */
  readonly base: PatientBase | null | undefined;
  /** The query failed (storage unavailable): thrown to the error boundary. */
  readonly error: { readonly error: unknown } | null;
};

type Shared = {
  /** Replaced (never changed) on every update, so React sees each one. */
  state: Snapshot;
  readonly listeners: Set<() => void>;
  subscription: Subscription | null;
  release: ReturnType<typeof setTimeout> | null;
  readonly subscribe: (listener: () => void) => () => void;
  readonly snapshot: () => Snapshot;
};

const shared = new WeakMap<KitDatabase, Map<string, Shared>>();
const sessionStates = new WeakMap<PatientBase, Map<string, SessionState>>();

function sharedView(db: KitDatabase, patientId: string): Shared {
  let perDb = shared.get(db);
  if (perDb === undefined) shared.set(db, (perDb = new Map<string, Shared>()));
  const existing = perDb.get(patientId);
  if (existing !== undefined) return existing;
  const entries = perDb;
  const notify = () => entry.listeners.forEach((listener) => listener());
  const entry: Shared = {
    state: { base: undefined, error: null },
    listeners: new Set(),
    subscription: null,
    release: null,
    snapshot: () => entry.state,
    subscribe(listener) {
      entry.listeners.add(listener);
      if (entry.release !== null) clearTimeout(entry.release);
      entry.release = null;
      entry.subscription ??= liveQuery(() => recordsForPatient(db, patientId)).subscribe({
        next(records) {
          entry.state = {
            base: records.length === 0 ? null : derive(records, patientId),
            error: null,
          };
          notify();
        },
        error(error: unknown) {
          // The query has ended: the components showing it throw to their error boundary.
          entry.state = { base: entry.state.base, error: { error } };
          entry.subscription = null;
          notify();
        },
      });
      return () => {
        entry.listeners.delete(listener);
        if (entry.listeners.size > 0) return;
        // A failed view is forgotten at once, so the next component to ask (a retry) starts a
        // fresh query instead of getting the old error back.
        if (entry.state.error !== null) return void entries.delete(patientId);
        entry.release = setTimeout(() => {
          if (entry.listeners.size > 0) return;
          entry.subscription?.unsubscribe();
          entries.delete(patientId);
        }, KEEP_ALIVE_MS);
      };
    },
  };
  perDb.set(patientId, entry);
  return entry;
}

function derive(records: readonly ClinicalRecord[], patientId: string): PatientBase {
  const effective = effectiveRecords(records);
  return { records, effective, summary: derivePatientSummary(effective, patientId) };
}

/** The session's state, derived once per stored state of the patient, whoever asks. */
function sessionOf(base: PatientBase, sessionId: string): SessionState {
  let states = sessionStates.get(base);
  if (states === undefined) sessionStates.set(base, (states = new Map<string, SessionState>()));
  let state = states.get(sessionId);
  if (state === undefined)
    states.set(sessionId, (state = deriveSessionState(base.effective, sessionId)));
  return state;
}

/**
 * undefined while loading; null when the patient does not exist on this tablet. A read error
 * (storage unavailable) is thrown to the nearest error boundary, as useLiveQuery does.
 */
export function usePatientView(
  patientId: string,
  sessionId?: string,
): PatientView | null | undefined {
  const { db } = useBedside();
  const entry = sharedView(db, patientId);
  const { base, error } = useSyncExternalStore(entry.subscribe, entry.snapshot);
  const view = useMemo(() => {
    if (base === undefined || base === null) return base;
    return { ...base, session: sessionId ? sessionOf(base, sessionId) : null };
  }, [base, sessionId]);
  if (error !== null) throw error.error;
  return view;
}
