/**
 * All FHIR resources of one patient, from that patient's export items (fhir-view.ts), in a
 * stable order: Patient, baseline NRS, EpisodeOfCare, Encounters with their infusions, the
 * other resources in clinical-time order, then the Provenances.
 *
 * A patient whose patient record was entered in error is left out entirely (R4 Patient has no
 * entered-in-error status; sending it as a live patient would be wrong). Everything in a
 * session whose session record was entered in error is exported as entered in error.
 */
import type * as fhir4 from 'fhir/r4';
import type { ClinicalRecord, RecordOfKind } from '../records/registry.ts';
import type { EffectiveRecords } from '../state/effective.ts';
import { deriveSessionState } from '../state/session-state.ts';
import { SYNTHETIC_SECURITY } from './fhir-codes.ts';
import { adverseEvent } from './fhir-adverse-event.ts';
import { patientContext, stateOf, type ResourceType } from './fhir-context.ts';
import {
  improvementObservation,
  liverObservations,
  vitalsObservations,
  weightObservation,
} from './fhir-observations.ts';
import { baselineNrsObservation, episodeOfCare, patientResource } from './fhir-patient.ts';
import { provenance, type Agent, type Target } from './fhir-provenance.ts';
import { encounter, extraDrugAdministration, infusionAdministrations } from './fhir-session.ts';
import type { ExportItem, ExportView } from './fhir-view.ts';

export type PatientExportInput = {
  readonly view: ExportView;
  readonly patientId: string;
  /** This patient's export items, in clinical-time order. */
  readonly items: readonly ExportItem[];
  /** Effective records by session id (to derive session state without scanning everything). */
  readonly effectiveBySession: ReadonlyMap<string, readonly ClinicalRecord[]>;
  readonly identifierSystem: string;
  readonly includeSynthetic: boolean;
};

const target = (r: fhir4.FhirResource): Target => ({
  type: r.resourceType as ResourceType,
  id: r.id as string,
});

/** A session-only view of the effective records, for deriveSessionState. */
const sessionView = (
  effective: EffectiveRecords,
  records: readonly ClinicalRecord[],
  sessionId: string,
): EffectiveRecords => ({
  ...effective,
  records,
  conflicts: effective.conflicts.filter((c) => c.sessionId === sessionId),
});

/** The patient's resources, or null when the patient is not exported (see the file header). */
export function patientResources(input: PatientExportInput): fhir4.FhirResource[] | null {
  const { view, patientId, items } = input;
  const patientItem = items.find(
    (i) =>
      i.record.kind === 'patient' && i.resourceId === patientId && i.state !== 'entered-in-error',
  );
  if (patientItem === undefined) return null;
  const synthetic = (patientItem.record as RecordOfKind<'patient'>).payload.isSynthetic;
  if (synthetic && !input.includeSynthetic) return null;

  const sessionItems = items.filter((i) => i.record.kind === 'session');
  const ctx = patientContext(
    view,
    patientId,
    synthetic ? { security: [SYNTHETIC_SECURITY] } : undefined,
    sessionItems.map((i) => i.resourceId),
    new Set(sessionItems.filter((i) => i.state === 'entered-in-error').map((i) => i.resourceId)),
  );
  const head: fhir4.FhirResource[] = [];
  const rest: fhir4.FhirResource[] = [];
  const provenances: fhir4.Provenance[] = [];
  const cover = (
    item: ExportItem,
    resources: readonly fhir4.FhirResource[],
    agents: readonly Agent[] = [],
  ) => {
    if (resources.length === 0) return;
    provenances.push(provenance(ctx, item.record, resources.map(target), agents));
    if (item.marker !== null) provenances.push(provenance(ctx, item.marker, resources.map(target)));
  };

  const patient = patientResource(ctx, patientItem, input.identifierSystem);
  const nrs = baselineNrsObservation(ctx, patientItem);
  head.push(patient, nrs);
  cover(patientItem, [patient, nrs]);

  const courseIds = new Set<string>();
  const statuses = items.filter(
    (i) => i.record.kind === 'course-status' && i.state !== 'entered-in-error',
  );
  for (const item of items.filter((i) => i.record.kind === 'course')) {
    const mine = statuses.filter(
      (s) =>
        view.resourceIdOf((s.record as RecordOfKind<'course-status'>).payload.courseId) ===
        item.resourceId,
    );
    const eoc = episodeOfCare(
      ctx,
      item,
      mine.map((s) => s.record as RecordOfKind<'course-status'>),
    );
    head.push(eoc);
    courseIds.add(item.resourceId);
    cover(item, [eoc]);
    for (const s of mine) cover(s, [eoc]);
  }

  const ketamineBySession = new Map<string, string>();
  for (const item of sessionItems) {
    const sessionId = item.resourceId;
    const records = input.effectiveBySession.get(sessionId) ?? [];
    const state = deriveSessionState(sessionView(view.effective, records, sessionId), sessionId);
    const courseId = view.resourceIdOf((item.record as RecordOfKind<'session'>).payload.courseId);
    const enc = encounter(
      ctx,
      item,
      state,
      courseId !== null && courseIds.has(courseId) ? courseId : null,
    );
    const mas = infusionAdministrations(
      ctx,
      sessionId,
      state,
      stateOf(ctx, item) === 'entered-in-error',
    );
    head.push(enc, ...mas);
    cover(item, [enc]);
    const ketamine = mas[0];
    if (ketamine?.id !== undefined) ketamineBySession.set(sessionId, ketamine.id);
    const plan = state.currentDosePlan;
    const start = state.infusionEvents.find((e) => e.payload.event === 'start');
    if (plan !== null && mas.length > 0) {
      const agents: Agent[] = [
        { type: 'author', staffId: plan.authorStaffId, role: 'made the dose plan' },
      ];
      if (state.doubleCheck?.valid)
        agents.push({
          type: 'verifier',
          staffId: state.doubleCheck.record.payload.checkerStaffId,
          role: 'independent double check',
        });
      if (state.signOff?.valid)
        agents.push({
          type: 'attester',
          staffId: state.signOff.record.payload.signedByStaffId,
          role: 'anesthesiologist sign-off',
        });
      if (start !== undefined)
        agents.push({
          type: 'performer',
          staffId: start.authorStaffId,
          role: 'started the infusion',
        });
      provenances.push(provenance(ctx, plan, mas.map(target), agents));
    }
    if (state.discharge !== null)
      provenances.push(provenance(ctx, state.discharge, [enc, ...mas].map(target)));
  }

  for (const item of items) {
    const r = item.record;
    switch (r.kind) {
      case 'weight':
        cover(item, push(rest, [weightObservation(ctx, item)]));
        break;
      case 'baseline-vitals':
      case 'observation':
        cover(item, push(rest, vitalsObservations(ctx, item)));
        break;
      case 'outcome-answer':
        cover(item, push(rest, [improvementObservation(ctx, item)]));
        break;
      case 'liver-test':
        cover(item, push(rest, liverObservations(ctx, item)));
        break;
      case 'drug-given':
        cover(item, push(rest, [extraDrugAdministration(ctx, item)]), [
          { type: 'performer', staffId: r.payload.givenByStaffId, role: 'gave the drug' },
          { type: 'author', staffId: r.payload.orderedByStaffId, role: 'ordered the drug' },
        ]);
        break;
      case 'side-effect':
        if (stateOf(ctx, item) === 'entered-in-error') break; // see fhir-adverse-event.ts
        cover(
          item,
          push(rest, [
            adverseEvent(
              ctx,
              item,
              r.sessionId === null ? null : (ketamineBySession.get(r.sessionId) ?? null),
            ),
          ]),
          [{ type: 'author', staffId: r.payload.decidedByStaffId, role: 'decided the response' }],
        );
        break;
      default:
        break; // no resource of its own (checklists, plans, checks: in Provenance and Encounter)
    }
  }
  return [...head, ...rest, ...provenances];
}

function push<T>(into: T[], resources: readonly T[]): readonly T[] {
  into.push(...resources);
  return resources;
}
