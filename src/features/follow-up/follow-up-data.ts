/**
 * Each patient's follow-up facts, read live from IndexedDB. Only the record kinds the lists
 * need are read (by the `kind` index, no observations or checklists), corrections and
 * entered-in-error markers are applied per patient (registry/effective-by-patient.ts), and
 * instants become local calendar days here, at the edge; the rules are in
 * domain/follow-up-lists.ts.
 */
import { format } from 'date-fns';
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { recordsOfKind } from '../../db/records-repo.ts';
import type { FollowUpPatient } from '../../domain/follow-up-lists.ts';
import { protocolKey, type ProtocolDefinition } from '../../domain/protocols/types.ts';
import type { ClinicalRecord, RecordKind, RecordOfKind } from '../../domain/records.ts';
import { administrationsOf } from '../../domain/registry/administrations.ts';
import { effectiveByPatient } from '../../domain/registry/effective-by-patient.ts';
import { useBedside } from '../../ui/bedside-context.tsx';

const KINDS = [
  'patient',
  'course',
  'course-status',
  'session',
  'infusion-event',
  'discharge',
  'outcome-answer',
  'liver-test',
  'entered-in-error',
] as const satisfies readonly RecordKind[];

const localDay = (iso: string) => format(new Date(iso), 'yyyy-MM-dd');
const later = (a: string | null, b: string) => (a === null || b > a ? b : a);

const lastOf = <K extends RecordKind>(records: readonly ClinicalRecord[], kind: K) => {
  let found: RecordOfKind<K> | null = null;
  for (const r of records) if (r.kind === kind) found = r as RecordOfKind<K>;
  return found;
};

/**
 * One patient's facts from their effective records (ordered by clinical time), or null when
 * the patient has no course (nothing is due before a course starts).
 */
export function followUpFactsOf(
  patientId: string,
  records: readonly ClinicalRecord[],
  protocols: readonly ProtocolDefinition[],
  fallback: ProtocolDefinition,
): FollowUpPatient | null {
  const patient = lastOf(records, 'patient');
  const course = lastOf(records, 'course');
  if (patient === null || course === null) return null;
  let status: FollowUpPatient['courseStatus'] = 'active';
  let contact: string | null = null;
  let liver: string | null = null;
  for (const r of records) {
    if (r.kind === 'course-status' && r.payload.courseId === course.id) status = r.payload.status;
    else if (r.kind === 'session' || r.kind === 'outcome-answer')
      contact = later(contact, localDay(r.clinicalTime));
    else if (r.kind === 'liver-test') liver = later(liver, r.payload.sampledOn);
  }
  const last = administrationsOf(records).at(-1);
  const protocol = protocols.find((p) => protocolKey(p) === course.protocolKey) ?? fallback;
  return {
    patientId,
    centerPatientNumber: patient.payload.centerPatientNumber,
    courseStatus: status,
    courseStartedOn: course.payload.startedOn,
    lastAdministeredOn: last ? localDay(last.at) : null,
    agreedNextOn: lastOf(records, 'discharge')?.payload.nextAppointmentOn ?? null,
    lastContactOn: contact,
    lastLiverTestOn: liver,
    liverIntervalMonths: protocol.liverTestIntervalMonths,
  };
}

/** Every patient with a course on this tablet; undefined while loading. */
export function useFollowUpPatients(): readonly FollowUpPatient[] | undefined {
  const { db, protocols, activeProtocol } = useBedside();
  const records = useLiveQuery(
    async () => (await Promise.all(KINDS.map((k) => recordsOfKind(db, k)))).flat(),
    [db],
  );
  return useMemo(() => {
    if (records === undefined) return undefined;
    const { byPatient } = effectiveByPatient(records);
    const out: FollowUpPatient[] = [];
    for (const [patientId, mine] of byPatient) {
      const facts = followUpFactsOf(patientId, mine, protocols, activeProtocol);
      if (facts) out.push(facts);
    }
    return out;
  }, [records, protocols, activeProtocol]);
}
