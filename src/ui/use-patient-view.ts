/**
 * Live view of one patient (and optionally one of their sessions), read from IndexedDB with
 * Dexie's useLiveQuery: every committed write re-renders the screens that show it, so a
 * reload or a second tab shows exactly what is stored. Corrections are applied once here
 * (effective records) and shared by the derived patient and session states.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
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

/** undefined while loading; null when the patient does not exist on this tablet. */
export function usePatientView(
  patientId: string,
  sessionId?: string,
): PatientView | null | undefined {
  const { db } = useBedside();
  const records = useLiveQuery(() => recordsForPatient(db, patientId), [db, patientId]);
  return useMemo(() => {
    if (records === undefined) return undefined;
    if (records.length === 0) return null;
    const effective = effectiveRecords(records);
    return {
      records,
      effective,
      summary: derivePatientSummary(effective, patientId),
      session: sessionId ? deriveSessionState(effective, sessionId) : null,
    };
  }, [records, patientId, sessionId]);
}
