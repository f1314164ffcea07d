/**
 * Provenance: who recorded each resource, on which device, when (protocol.md section 6), and
 * who checked (the independent double check and the anesthesiologist's sign-off, section 3).
 *
 * One Provenance per source record version, targeting every resource built from it (e.g. the
 * vital-signs panel and its members); its id is derived from the record's own id, so each
 * correction adds one. Agents reference staff and devices by identifier (urn:kit:staff-id,
 * urn:kit:device-id), not by name: exports carry no staff names.
 * Participant types: provenance-participant-type (enterer, performer, author, verifier,
 * attester); activity: v3 DataOperation CREATE, UPDATE (a correction) or NULLIFY (entered in
 * error), with the reason as text.
 */
import type * as fhir4 from 'fhir/r4';
import type { ClinicalRecord } from '../records/registry.ts';
import { SYSTEM, shared, staffRef } from './fhir-codes.ts';
import { ref, withMeta, type PatientContext, type ResourceType } from './fhir-context.ts';
import { derivedId } from './uuid-v5.ts';

export type AgentType = 'enterer' | 'performer' | 'author' | 'verifier' | 'attester';

const AGENT_DISPLAY: { readonly [K in AgentType]: string } = {
  enterer: 'Enterer',
  performer: 'Performer',
  author: 'Author',
  verifier: 'Verifier',
  attester: 'Attester',
};

export type Agent = { readonly type: AgentType; readonly staffId: string; readonly role?: string };

const buildAgent = (a: Agent): fhir4.ProvenanceAgent => ({
  type: {
    coding: [
      { system: SYSTEM.provenanceParticipantType, code: a.type, display: AGENT_DISPLAY[a.type] },
    ],
  },
  ...(a.role === undefined ? {} : { role: [{ text: a.role }] }),
  who: staffRef(a.staffId),
});

const deviceAgent = (deviceId: string): fhir4.ProvenanceAgent => ({
  type: { text: 'device the record was entered on' },
  who: { type: 'Device', identifier: { system: SYSTEM.deviceId, value: deviceId } },
});

/**
 * Agents are few (staff x role, devices) but appear in every Provenance: each is built once
 * and shared (frozen). The cache is emptied when it grows large, so it stays small whatever
 * is exported.
 */
const agents = new Map<string, fhir4.ProvenanceAgent>();
function sharedAgent(key: string, build: () => fhir4.ProvenanceAgent): fhir4.ProvenanceAgent {
  let a = agents.get(key);
  if (a === undefined) {
    if (agents.size >= 10_000) agents.clear();
    a = shared(build());
    agents.set(key, a);
  }
  return a;
}

/** The Provenance agent `a` (shared between Provenances: do not change it). */
export const agent = (a: Agent): fhir4.ProvenanceAgent =>
  sharedAgent(JSON.stringify([a.type, a.staffId, a.role ?? null]), () => buildAgent(a));

const ACTIVITY = {
  CREATE: 'create',
  UPDATE: 'revise',
  NULLIFY: 'nullify',
} as const;

const activityConcept = (code: keyof typeof ACTIVITY): fhir4.CodeableConcept => ({
  coding: [{ system: SYSTEM.dataOperation, code, display: ACTIVITY[code] }],
});
const ACTIVITY_CONCEPT = shared({
  CREATE: activityConcept('CREATE'),
  UPDATE: activityConcept('UPDATE'),
  NULLIFY: activityConcept('NULLIFY'),
});

export type Target = { readonly type: ResourceType; readonly id: string };

/**
 * Provenance of `record` for `targets`: the author as enterer, the device, `extraAgents`
 * (checkers, signers, the person who gave a drug), the source record id as entity.
 * `activity` NULLIFY is for an entered-in-error marker (then `record` is the marker).
 */
export function provenance(
  ctx: PatientContext,
  record: ClinicalRecord,
  targets: readonly Target[],
  extraAgents: readonly Agent[] = [],
): fhir4.Provenance {
  const activity =
    record.kind === 'entered-in-error'
      ? 'NULLIFY'
      : record.supersedes === null
        ? 'CREATE'
        : 'UPDATE';
  const reason =
    record.kind === 'entered-in-error' ? record.payload.reason : record.supersedes?.reason;
  return {
    resourceType: 'Provenance',
    id: derivedId(record.id, 'provenance'),
    ...withMeta(ctx),
    target: targets.map((t) => ref(t.type, t.id)),
    occurredDateTime: record.clinicalTime,
    recorded: record.deviceTime,
    ...(reason === undefined ? {} : { reason: [{ text: reason }] }),
    activity: ACTIVITY_CONCEPT[activity],
    agent: [
      agent({ type: 'enterer', staffId: record.authorStaffId }),
      sharedAgent(JSON.stringify(['device', record.deviceId]), () => deviceAgent(record.deviceId)),
      ...extraAgents.map(agent),
    ],
    entity: [
      {
        role: 'source',
        what: {
          identifier: { system: SYSTEM.recordId, value: record.id },
          display: `${record.kind} record`,
        },
      },
    ],
  };
}
