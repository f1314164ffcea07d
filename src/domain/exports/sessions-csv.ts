/**
 * The session file for statistics packages: one row per session (protocol.md sections 3-4),
 * linked to the patient file by the center patient number. Sessions whose session record was
 * entered in error are left out; corrections count (state/effective.ts). Same population
 * rule as the patient file (real patients by default).
 */
import type { ClinicalRecord, RecordOfKind } from '../records/registry.ts';
import { ok, type Result } from '../result.ts';
import { effectiveRecords, type EffectiveRecords } from '../state/effective.ts';
import { COMPLETED_SLACK_MIN } from '../state/patient-summary.ts';
import { deriveSessionState, type SessionState } from '../state/session-state.ts';
import { renderTable } from './columns.ts';
import { checkPopulation, type CsvExportOptions } from './patients-csv.ts';
import { SESSION_COLUMNS, type SessionExportRow } from './session-columns.ts';

/** Ran to its planned end, as state/patient-summary.ts decides; null until stopped or without a plan. */
function completedOf(state: SessionState): boolean | null {
  const plan = state.currentDosePlan;
  const ran = state.infusion.runningMin;
  if (plan === null || ran === null) return null;
  return ran >= plan.payload.infusionDurationH * 60 - COMPLETED_SLACK_MIN;
}

/** Session rows ordered by patient number, session number, then start. */
export function sessionExportRows(
  records: readonly ClinicalRecord[],
  options: CsvExportOptions = {},
): Result<SessionExportRow[]> {
  const population = checkPopulation(options);
  if (!population.ok) return population;
  const view = effectiveRecords(records);
  const patients = new Map<string, RecordOfKind<'patient'>>();
  const bySession = new Map<string, ClinicalRecord[]>();
  for (const r of view.records) {
    if (r.kind === 'patient' && r.patientId !== null) patients.set(r.patientId, r);
    if (r.sessionId === null) continue;
    const list = bySession.get(r.sessionId);
    if (list) list.push(r);
    else bySession.set(r.sessionId, [r]);
  }
  const rows: SessionExportRow[] = [];
  for (const [sessionId, mine] of bySession) {
    const session = mine.find((r) => r.kind === 'session');
    const patient = session?.patientId == null ? undefined : patients.get(session.patientId);
    if (session === undefined || patient === undefined) continue; // voided session or patient
    const synthetic = patient.payload.isSynthetic;
    if (population.value !== 'all' && synthetic !== (population.value === 'synthetic')) continue;
    const sessionView: EffectiveRecords = {
      ...view,
      records: mine,
      conflicts: view.conflicts.filter((c) => c.sessionId === sessionId),
    };
    const state = deriveSessionState(sessionView, sessionId);
    rows.push({
      centerPatientNumber: patient.payload.centerPatientNumber,
      isSynthetic: synthetic,
      state,
      completed: completedOf(state),
    });
  }
  const key = (r: SessionExportRow) =>
    [
      r.centerPatientNumber,
      String(r.state.session?.payload.sessionNumber ?? 0).padStart(6, '0'),
      r.state.infusion.startedAt ?? '',
    ].join('\u0000');
  rows.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  return ok(rows);
}

/**
 * The session CSV: RFC 4180, CRLF, UTF-8 without BOM (see `withBom`), unrounded numbers with
 * '.' decimals. Columns and their definitions: SESSION_COLUMNS / codebookCsv().
 */
export function sessionsCsv(
  records: readonly ClinicalRecord[],
  options: CsvExportOptions = {},
): Result<string> {
  const rows = sessionExportRows(records, options);
  return rows.ok ? ok(renderTable(SESSION_COLUMNS, rows.value)) : rows;
}
