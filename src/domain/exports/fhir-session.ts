/**
 * A session as an Encounter, and the ketamine and propofol infusions of that session as
 * MedicationAdministrations (protocol.md sections 3-4 and 9).
 *
 * Infusion MedicationAdministration: dose = the total actually delivered (discharge record,
 * protocol.md section 4 step 5; absent until recorded), rateQuantity = the pump rate in mL/h
 * at the start event (what ran), and the planned mg/h (and mg/kg/h) as extensions, since R4
 * allows one rate. FHIR advises one MedicationAdministration per rate when a rate changes; a
 * session keeps one per drug and says in a note that the rate changed (the events are in the
 * app). Numbers are passed through exactly as stored (never rounded).
 */
import type * as fhir4 from 'fhir/r4';
import type { RecordOfKind } from '../records/registry.ts';
import { COMPLETED_SLACK_MIN } from '../state/patient-summary.ts';
import type { SessionState } from '../state/session-state.ts';
import {
  LOCAL_CODE,
  SNOMED_ROUTE,
  SNOMED_SUBSTANCE,
  SYSTEM,
  concept,
  shared,
  staffRef,
  ucum,
} from './fhir-codes.ts';
import {
  encounterRefOf,
  patientRef,
  ref,
  stateOf,
  withMeta,
  type PatientContext,
} from './fhir-context.ts';
import type { ExportItem } from './fhir-view.ts';
import { derivedId } from './uuid-v5.ts';

/** Extension URLs of this app (no standard element holds a second rate unit). */
export const EXTENSION = {
  rateMgPerH: 'urn:kit:fhir:extension:dosage-rate-mg-per-h',
  rateMgPerKgPerH: 'urn:kit:fhir:extension:dosage-rate-mg-per-kg-per-h',
} as const;

type EncounterStatus = fhir4.Encounter['status'];

/**
 * Encounter status from the session's step (session-state.ts): discharged -> finished;
 * anything before discharge -> in-progress. The records do not say a session was abandoned,
 * so the export does not guess 'cancelled'.
 */
export function encounterStatus(state: SessionState, voided: boolean): EncounterStatus {
  if (voided) return 'entered-in-error';
  return state.step === 'discharged' ? 'finished' : 'in-progress';
}

/**
 * The Encounter of a session. Period: infusion start to stop (protocol.md section 4 step 4);
 * a session whose infusion never started has the session record's time as its start.
 */
export function encounter(
  ctx: PatientContext,
  item: ExportItem,
  state: SessionState,
  episodeId: string | null,
): fhir4.Encounter {
  const session = item.record as RecordOfKind<'session'>;
  const start = state.infusion.startedAt ?? session.clinicalTime;
  const end = state.infusion.stoppedAt;
  return {
    resourceType: 'Encounter',
    id: item.resourceId,
    ...withMeta(ctx),
    status: encounterStatus(state, stateOf(ctx, item) === 'entered-in-error'),
    class: { system: SYSTEM.actCode, code: 'AMB', display: 'ambulatory' },
    type: [
      concept(SYSTEM.local, LOCAL_CODE.kitSession, `KIT session ${session.payload.sessionNumber}`),
    ],
    subject: patientRef(ctx),
    ...(episodeId === null ? {} : { episodeOfCare: [ref('EpisodeOfCare', episodeId)] }),
    period: { start, ...(end === null ? {} : { end }) },
  };
}

type MaStatus = fhir4.MedicationAdministration['status'];

/** running -> in-progress, paused -> on-hold, stopped -> completed (ran to its planned end) or stopped. */
function infusionStatus(
  state: SessionState,
  plan: RecordOfKind<'dose-plan'>,
  voided: boolean,
): MaStatus {
  if (voided) return 'entered-in-error';
  const i = state.infusion;
  if (i.status === 'running') return 'in-progress';
  if (i.status === 'paused') return 'on-hold';
  const planned = plan.payload.infusionDurationH * 60;
  return i.runningMin !== null && i.runningMin >= planned - COMPLETED_SLACK_MIN
    ? 'completed'
    : 'stopped';
}

const IV = shared(concept(SYSTEM.snomed, SNOMED_ROUTE.IV, 'IV'));
const rateExt = (url: string, value: number, unit: string): fhir4.Extension => ({
  url,
  valueQuantity: ucum(value, unit),
});

/**
 * Ketamine and propofol MedicationAdministrations of a started session (none before the
 * start). Ids are derived from the session id, so they are stable across exports.
 */
export function infusionAdministrations(
  ctx: PatientContext,
  sessionId: string,
  state: SessionState,
  voided: boolean,
): fhir4.MedicationAdministration[] {
  const plan = state.currentDosePlan;
  const startEvent = state.infusionEvents.find((e) => e.payload.event === 'start');
  if (plan === null || startEvent === undefined || state.infusion.startedAt === null) return [];
  const p = plan.payload;
  const totals = state.discharge?.payload.totalsDelivered;
  const protocol = state.session?.payload.protocolSnapshot;
  const productName = (id: string) =>
    [...(protocol?.ketamine.products ?? []), ...(protocol?.propofol.products ?? [])].find(
      (x) => x.id === id,
    )?.name ?? id;
  const changed = (drug: 'ketamineRateMlPerH' | 'propofolRateMlPerH') =>
    state.infusionEvents.some(
      (e) => e.payload.event === 'rate-change' && e.payload[drug] !== undefined,
    );
  const common = {
    status: infusionStatus(state, plan, voided),
    subject: patientRef(ctx),
    context: ctx.encounters.get(sessionId) ?? ref('Encounter', sessionId),
    effectivePeriod: {
      start: state.infusion.startedAt,
      ...(state.infusion.stoppedAt === null ? {} : { end: state.infusion.stoppedAt }),
    },
    performer: [
      {
        function: {
          coding: [
            { system: SYSTEM.medAdminPerformFunction, code: 'performer', display: 'Performer' },
          ],
        },
        actor: staffRef(startEvent.authorStaffId),
      },
    ],
  };
  const note = (drug: 'ketamineRateMlPerH' | 'propofolRateMlPerH') =>
    changed(drug)
      ? {
          note: [
            {
              text: 'The pump rate was changed during the infusion; the rate shown is the starting rate.',
            },
          ],
        }
      : {};
  const racemic = (protocol?.ketamine.substance ?? 'ketamine-racemic') === 'ketamine-racemic';
  const ketamine: fhir4.MedicationAdministration = {
    resourceType: 'MedicationAdministration',
    id: derivedId(sessionId, 'ketamine'),
    ...withMeta(ctx),
    ...common,
    // S-ketamine has no SNOMED CT code in protocol.md section 9: text only, never a guess.
    medicationCodeableConcept: racemic
      ? concept(
          SYSTEM.snomed,
          SNOMED_SUBSTANCE.ketamine,
          `Ketamine (racemic), ${productName(p.ketamineProductId)}`,
        )
      : { text: `S-ketamine (esketamine), ${productName(p.ketamineProductId)}` },
    dosage: {
      text: `${p.ketamineDoseMg} mg over ${p.infusionDurationH} h = ${p.ketamineRateMgPerH} mg/h, ${p.ketaminePreparedConcentrationMgPerMl} mg/mL at ${startEvent.payload.ketamineRateMlPerH ?? p.pumpEntry.ketamineMlPerH} mL/h`,
      route: IV,
      ...(totals ? { dose: ucum(totals.ketamineMg, 'mg') } : {}),
      rateQuantity: ucum(
        startEvent.payload.ketamineRateMlPerH ?? p.pumpEntry.ketamineMlPerH,
        'mL/h',
      ),
      extension: [
        rateExt(EXTENSION.rateMgPerH, p.ketamineRateMgPerH, 'mg/h'),
        rateExt(EXTENSION.rateMgPerKgPerH, p.ketamineRateMgPerKgPerH, 'mg/kg/h'),
      ],
    },
    ...note('ketamineRateMlPerH'),
  };
  const propofol: fhir4.MedicationAdministration = {
    resourceType: 'MedicationAdministration',
    id: derivedId(sessionId, 'propofol'),
    ...withMeta(ctx),
    ...common,
    medicationCodeableConcept: concept(
      SYSTEM.snomed,
      SNOMED_SUBSTANCE.propofol,
      `Propofol, ${productName(p.propofolProductId)}`,
    ),
    dosage: {
      text: `${p.propofolRateMgPerKgPerH} mg/kg/h x ${p.weightKg} kg = ${p.propofolRateMgPerH} mg/h, ${p.propofolConcentrationMgPerMl} mg/mL at ${startEvent.payload.propofolRateMlPerH ?? p.pumpEntry.propofolMlPerH} mL/h`,
      route: IV,
      ...(totals ? { dose: ucum(totals.propofolMg, 'mg') } : {}),
      rateQuantity: ucum(
        startEvent.payload.propofolRateMlPerH ?? p.pumpEntry.propofolMlPerH,
        'mL/h',
      ),
      extension: [
        rateExt(EXTENSION.rateMgPerH, p.propofolRateMgPerH, 'mg/h'),
        rateExt(EXTENSION.rateMgPerKgPerH, p.propofolRateMgPerKgPerH, 'mg/kg/h'),
      ],
    },
    ...note('propofolRateMlPerH'),
  };
  return [ketamine, propofol];
}

const EXTRA_DRUG_CODE = {
  ondansetron: SNOMED_SUBSTANCE.ondansetron,
  midazolam: SNOMED_SUBSTANCE.midazolam,
  'propofol-bolus': SNOMED_SUBSTANCE.propofol,
} as const;

/** An extra drug given (protocol.md section 4): a completed administration with dose and route. */
export function extraDrugAdministration(
  ctx: PatientContext,
  item: ExportItem,
): fhir4.MedicationAdministration {
  const r = item.record as RecordOfKind<'drug-given'>;
  const p = r.payload;
  const code =
    p.drug in EXTRA_DRUG_CODE ? EXTRA_DRUG_CODE[p.drug as keyof typeof EXTRA_DRUG_CODE] : null;
  const state = stateOf(ctx, item);
  const context = encounterRefOf(ctx, r.sessionId);
  return {
    resourceType: 'MedicationAdministration',
    id: item.resourceId,
    ...withMeta(ctx),
    status: state === 'entered-in-error' ? 'entered-in-error' : 'completed',
    medicationCodeableConcept:
      code === null ? { text: p.drugName } : concept(SYSTEM.snomed, code, p.drugName),
    subject: patientRef(ctx),
    ...(context === undefined ? {} : { context }),
    effectiveDateTime: r.clinicalTime,
    performer: [
      {
        function: {
          coding: [
            { system: SYSTEM.medAdminPerformFunction, code: 'performer', display: 'Performer' },
          ],
        },
        actor: staffRef(p.givenByStaffId),
      },
    ],
    dosage: {
      text: `${p.doseMg} mg ${p.route}`,
      route: concept(SYSTEM.snomed, SNOMED_ROUTE[p.route], p.route),
      dose: ucum(p.doseMg, 'mg'),
    },
  };
}
