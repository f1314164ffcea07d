/**
 * Variables of the session file (one row per session), each with its definition, type, UCUM
 * unit and allowed values; the codebook is generated from this list. Values come from the
 * session's effective records (state/session-state.ts): the current dose plan, the infusion
 * events, the discharge. Stored numbers are written unrounded.
 */
import { EXTRA_DRUGS, SIDE_EFFECTS } from '../records.ts';
import type { SessionState } from '../state/session-state.ts';
import { plainNumber } from './csv.ts';
import {
  BOOLEAN_ALLOWED,
  DATETIME_ALLOWED,
  DATE_ALLOWED,
  LIST_SEPARATOR,
  codes,
  type ExportColumn,
} from './columns.ts';

export type SessionExportRow = {
  readonly centerPatientNumber: string;
  readonly isSynthetic: boolean;
  readonly state: SessionState;
  /** Infusion ran to its planned end (state/patient-summary.ts COMPLETED_SLACK_MIN). */
  readonly completed: boolean | null;
};

type Col = ExportColumn<SessionExportRow>;

const num = (
  name: string,
  label: string,
  unit: string,
  allowed: string,
  value: (r: SessionExportRow) => number | null | undefined,
): Col => ({
  name,
  label,
  type: 'decimal',
  unit,
  allowed,
  value,
});
const plan = (r: SessionExportRow) => r.state.currentDosePlan?.payload;
const totals = (r: SessionExportRow) => r.state.discharge?.payload.totalsDelivered;
const start = (r: SessionExportRow) =>
  r.state.infusionEvents.find((e) => e.payload.event === 'start')?.payload;
/** Session start: the infusion start, else when the session was opened. */
const startedAt = (r: SessionExportRow) =>
  r.state.infusion.startedAt ?? r.state.session?.clinicalTime ?? null;
const EMPTY_PLAN = '; empty = no dose plan';

export const SESSION_COLUMNS: readonly Col[] = [
  {
    name: 'patient_number',
    label: 'Center patient number (pseudonymous; links to the patient file)',
    type: 'text',
    unit: '',
    allowed: 'letters, digits and . _ / -',
    value: (r) => r.centerPatientNumber,
  },
  {
    name: 'synthetic',
    label: 'Synthetic demo/training patient, never real data',
    type: 'boolean',
    unit: '',
    allowed: BOOLEAN_ALLOWED,
    value: (r) => r.isSynthetic,
  },
  {
    name: 'session_number',
    label: 'Session number within the course (1 = test dose)',
    type: 'integer',
    unit: '',
    allowed: '1 or more',
    value: (r) => r.state.session?.payload.sessionNumber,
  },
  {
    name: 'session_date',
    label: 'Date of the session (UTC date of the infusion start, else of the session opening)',
    type: 'date',
    unit: '',
    allowed: DATE_ALLOWED,
    value: (r) => startedAt(r)?.slice(0, 10),
  },
  {
    name: 'infusion_start',
    label: 'Infusion start',
    type: 'datetime',
    unit: '',
    allowed: `${DATETIME_ALLOWED}; empty = not started`,
    value: (r) => r.state.infusion.startedAt,
  },
  {
    name: 'infusion_stop',
    label: 'Infusion stop',
    type: 'datetime',
    unit: '',
    allowed: `${DATETIME_ALLOWED}; empty = not stopped`,
    value: (r) => r.state.infusion.stoppedAt,
  },
  {
    name: 'infusion_status',
    label: 'Infusion status at export',
    type: 'code',
    unit: '',
    allowed: codes(['not-started', 'running', 'paused', 'stopped']),
    value: (r) => r.state.infusion.status,
  },
  num(
    'running_min',
    'Pumps running time, pauses excluded (stopped infusions only)',
    'min',
    '0 or more; empty = not stopped',
    (r) => r.state.infusion.runningMin,
  ),
  {
    name: 'completed',
    label: 'Infusion ran to its planned end (within 5 min)',
    type: 'boolean',
    unit: '',
    allowed: BOOLEAN_ALLOWED,
    value: (r) => r.completed,
  },
  {
    name: 'protocol_key',
    label: 'Protocol and version the session ran under (id@version)',
    type: 'code',
    unit: '',
    allowed: 'e.g. kit-racemic@1.0.0',
    value: (r) => r.state.session?.protocolKey,
  },
  {
    name: 'settings_version',
    label: 'Center settings version in force for the session',
    type: 'integer',
    unit: '',
    allowed: '1 or more',
    value: (r) => r.state.session?.settingsVersion,
  },
  num(
    'ketamine_mg',
    'Ketamine dose of the dose plan',
    'mg',
    `more than 0${EMPTY_PLAN}`,
    (r) => plan(r)?.ketamineDoseMg,
  ),
  num(
    'ketamine_expected_mg',
    'Protocol dose for this session number',
    'mg',
    `more than 0${EMPTY_PLAN}`,
    (r) => plan(r)?.expectedDoseMg,
  ),
  num(
    'ketamine_mg_h',
    'Ketamine rate of the plan (dose / duration)',
    'mg/h',
    `more than 0${EMPTY_PLAN}`,
    (r) => plan(r)?.ketamineRateMgPerH,
  ),
  num(
    'ketamine_mg_kg_h',
    'Ketamine rate per kg of the plan',
    'mg/kg/h',
    `more than 0${EMPTY_PLAN}`,
    (r) => plan(r)?.ketamineRateMgPerKgPerH,
  ),
  num(
    'ketamine_pump_ml_h',
    'Ketamine pump rate at the infusion start (plan pump entry if no start)',
    'mL/h',
    `0.1 mL/h steps${EMPTY_PLAN}`,
    (r) => start(r)?.ketamineRateMlPerH ?? plan(r)?.pumpEntry.ketamineMlPerH,
  ),
  num(
    'propofol_mg_kg_h',
    'Propofol rate of the plan',
    'mg/kg/h',
    `more than 0${EMPTY_PLAN}`,
    (r) => plan(r)?.propofolRateMgPerKgPerH,
  ),
  num(
    'propofol_mg_h',
    'Propofol rate of the plan (mg/kg/h x weight)',
    'mg/h',
    `more than 0${EMPTY_PLAN}`,
    (r) => plan(r)?.propofolRateMgPerH,
  ),
  num(
    'propofol_pump_ml_h',
    'Propofol pump rate at the infusion start (plan pump entry if no start)',
    'mL/h',
    `0.1 mL/h steps${EMPTY_PLAN}`,
    (r) => start(r)?.propofolRateMlPerH ?? plan(r)?.pumpEntry.propofolMlPerH,
  ),
  num(
    'weight_kg',
    "Today's weight used by the plan (else the session's weight record)",
    'kg',
    'more than 0; empty = not recorded',
    (r) => plan(r)?.weightKg ?? r.state.weight?.payload.weightKg,
  ),
  {
    name: 'deviation',
    label: 'The dose plan is a protocol deviation (anesthesiologist reason recorded)',
    type: 'boolean',
    unit: '',
    allowed: BOOLEAN_ALLOWED,
    value: (r) => plan(r)?.deviation.isDeviation,
  },
  {
    name: 'tolerated',
    label: 'Session well tolerated (discharge record)',
    type: 'boolean',
    unit: '',
    allowed: BOOLEAN_ALLOWED,
    value: (r) => r.state.discharge?.payload.tolerated,
  },
  num(
    'ketamine_given_mg',
    'Ketamine actually delivered (discharge record)',
    'mg',
    '0 or more; empty = not recorded',
    (r) => totals(r)?.ketamineMg,
  ),
  num(
    'ketamine_given_ml',
    'Ketamine solution actually delivered',
    'mL',
    '0 or more; empty = not recorded',
    (r) => totals(r)?.ketamineMl,
  ),
  num(
    'propofol_given_mg',
    'Propofol actually delivered',
    'mg',
    '0 or more; empty = not recorded',
    (r) => totals(r)?.propofolMg,
  ),
  num(
    'propofol_given_ml',
    'Propofol actually delivered',
    'mL',
    '0 or more; empty = not recorded',
    (r) => totals(r)?.propofolMl,
  ),
  {
    name: 'observations',
    label: 'Number of observations (vitals and sedation) during infusion and recovery',
    type: 'integer',
    unit: '',
    allowed: '0 or more',
    value: (r) => r.state.observations.length,
  },
  {
    name: 'side_effects',
    label: `Side effects recorded, distinct, separated by "${LIST_SEPARATOR}"`,
    type: 'code-list',
    unit: '',
    allowed: `${codes(SIDE_EFFECTS)}; empty = none`,
    value: (r) =>
      [...new Set(r.state.sideEffects.map((s) => s.payload.effect))].join(LIST_SEPARATOR),
  },
  {
    name: 'extra_drugs',
    label: `Extra drugs given, in order, separated by "${LIST_SEPARATOR}"`,
    type: 'code-list',
    unit: '',
    allowed: `${codes(EXTRA_DRUGS)}; empty = none`,
    value: (r) => r.state.drugs.map((d) => d.payload.drug).join(LIST_SEPARATOR),
  },
  {
    name: 'extra_drug_details',
    label: `Extra drugs as "<drug> <dose> mg <route>", in order, separated by "${LIST_SEPARATOR}"`,
    type: 'text',
    unit: '',
    allowed: 'text; empty = none',
    value: (r) =>
      r.state.drugs
        .map((d) => `${d.payload.drug} ${plainNumber(d.payload.doseMg)} mg ${d.payload.route}`)
        .join(LIST_SEPARATOR),
  },
  {
    name: 'discharged_at',
    label: 'Discharge time',
    type: 'datetime',
    unit: '',
    allowed: `${DATETIME_ALLOWED}; empty = not discharged`,
    value: (r) => r.state.discharge?.payload.dischargedAt,
  },
  {
    name: 'needs_review',
    label: 'The session has data problems a person should review',
    type: 'boolean',
    unit: '',
    allowed: BOOLEAN_ALLOWED,
    value: (r) => r.state.needsReview,
  },
];
