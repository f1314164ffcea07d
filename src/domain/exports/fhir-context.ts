/**
 * What every FHIR resource builder of one patient needs: references into the bundle, the
 * synthetic-data label, and the status mapping of an export item (fhir-view.ts). References
 * are `urn:uuid:<id>` and are only made to resources that are in the bundle, so every
 * reference resolves inside it (fhir-validate.ts checks this).
 *
 * A center export has ~100,000 resources: the parts that are the same in many of them (the
 * patient and encounter references, the codes) are built once and shared, frozen, between
 * them. The JSON is the same; the memory, and the garbage collector's work, is much smaller.
 */
import type * as fhir4 from 'fhir/r4';
import { shared } from './fhir-codes.ts';
import type { ExportItem, ExportState, ExportView } from './fhir-view.ts';

export type ResourceType =
  | 'Patient'
  | 'EpisodeOfCare'
  | 'Encounter'
  | 'Observation'
  | 'MedicationAdministration'
  | 'AdverseEvent'
  | 'Provenance';

export const urn = (id: string) => `urn:uuid:${id}`;

export const ref = (type: ResourceType, id: string): fhir4.Reference => ({
  reference: urn(id),
  type,
});

export type PatientContext = {
  readonly view: ExportView;
  readonly patientId: string;
  /** meta for every resource of this patient (synthetic data label), or undefined. */
  readonly meta: fhir4.Meta | undefined;
  /** The reference to the Patient (shared by all its resources). */
  readonly subject: fhir4.Reference;
  /** References to this patient's Encounters (sessions) that are in the bundle, by id (shared). */
  readonly encounters: ReadonlyMap<string, fhir4.Reference>;
  /** Session ids whose session record was entered in error: everything in them is void. */
  readonly voidedSessionIds: ReadonlySet<string>;
};

/** The context of patient `patientId`, whose sessions `sessionIds` are in the bundle. */
export function patientContext(
  view: ExportView,
  patientId: string,
  meta: fhir4.Meta | undefined,
  sessionIds: readonly string[],
  voidedSessionIds: ReadonlySet<string>,
): PatientContext {
  return {
    view,
    patientId,
    meta: meta === undefined ? undefined : shared(meta),
    subject: shared(ref('Patient', patientId)),
    encounters: new Map(sessionIds.map((id) => [id, shared(ref('Encounter', id))])),
    voidedSessionIds,
  };
}

export const patientRef = (ctx: PatientContext) => ctx.subject;

/** The Encounter of the session a record belongs to, when it is in the bundle. */
export const encounterRefOf = (
  ctx: PatientContext,
  sessionId: string | null,
): fhir4.Reference | undefined => (sessionId === null ? undefined : ctx.encounters.get(sessionId));

/** An item's state, with "its session was entered in error" counting as entered in error. */
export const stateOf = (ctx: PatientContext, item: ExportItem): ExportState =>
  item.record.sessionId !== null && ctx.voidedSessionIds.has(item.record.sessionId)
    ? 'entered-in-error'
    : item.state;

/** Observation.status for an export state (FHIR R4 observation-status). */
export const observationStatus = (state: ExportState): fhir4.Observation['status'] => state;

/** Adds `meta` only when there is one (no empty objects in the JSON). */
export const withMeta = (ctx: PatientContext) => (ctx.meta === undefined ? {} : { meta: ctx.meta });
