/**
 * Patient, baseline pain (NRS) and the course (EpisodeOfCare), protocol.md sections 4-6 and 9.
 *
 * Privacy (protocol.md section 4: "center patient number, pseudonymous; the registry is
 * anonymized"): the Patient carries the center patient number as its only identifier, no
 * name, no contact, and only the birth YEAR (FHIR `date` allows "YYYY"), even when the full
 * birth date is recorded.
 */
import type * as fhir4 from 'fhir/r4';
import type { RecordOfKind } from '../records/registry.ts';
import { CATEGORY, LOCAL_CODE, LOINC, SYSTEM, concept } from './fhir-codes.ts';
import {
  observationStatus,
  patientRef,
  ref,
  stateOf,
  withMeta,
  type PatientContext,
} from './fhir-context.ts';
import type { ExportItem } from './fhir-view.ts';
import { birthYearOf } from './privacy.ts';
import { derivedId } from './uuid-v5.ts';

/** The Patient: pseudonymous identifier, administrative gender, birth year. */
export function patientResource(
  ctx: PatientContext,
  item: ExportItem,
  identifierSystem: string,
): fhir4.Patient {
  const p = (item.record as RecordOfKind<'patient'>).payload;
  const year = birthYearOf(p);
  return {
    resourceType: 'Patient',
    id: item.resourceId,
    ...withMeta(ctx),
    identifier: [{ use: 'official', system: identifierSystem, value: p.centerPatientNumber }],
    // The record's sex values are exactly FHIR AdministrativeGender's four codes.
    gender: p.sex,
    ...(year === null ? {} : { birthDate: String(year).padStart(4, '0') }),
  };
}

/** Baseline NRS before therapy (protocol.md section 5), LOINC 72514-3, 0-10 whole number. */
export function baselineNrsObservation(ctx: PatientContext, item: ExportItem): fhir4.Observation {
  const r = item.record as RecordOfKind<'patient'>;
  return {
    resourceType: 'Observation',
    id: derivedId(item.resourceId, 'baseline-nrs'),
    ...withMeta(ctx),
    status: observationStatus(stateOf(ctx, item)),
    category: CATEGORY.survey,
    code: concept(SYSTEM.loinc, LOINC.painNrs, 'Baseline pain (NRS 0-10) before therapy'),
    subject: patientRef(ctx),
    effectiveDateTime: r.payload.baselineNrsRecordedAt,
    valueInteger: r.payload.baselineNrs,
  };
}

type CourseStatus = RecordOfKind<'course-status'>;

const EPISODE_STATUS = { active: 'active', paused: 'onhold', discontinued: 'finished' } as const;

/**
 * The course as an EpisodeOfCare. Status from the latest course-status record (active ->
 * active, paused -> onhold, discontinued -> finished: the episode ended; 'cancelled' would
 * mean it never started), with every status change in statusHistory. Period: course start
 * (a date) to the discontinuation, when there is one.
 */
export function episodeOfCare(
  ctx: PatientContext,
  item: ExportItem,
  statuses: readonly CourseStatus[],
): fhir4.EpisodeOfCare {
  const course = item.record as RecordOfKind<'course'>;
  const latest = statuses.at(-1);
  const status =
    item.state === 'entered-in-error'
      ? 'entered-in-error'
      : EPISODE_STATUS[latest?.payload.status ?? 'active'];
  const history: fhir4.EpisodeOfCareStatusHistory[] = statuses.map((s, i) => {
    const next = statuses[i + 1];
    return {
      status: EPISODE_STATUS[s.payload.status],
      period: { start: s.clinicalTime, ...(next ? { end: next.clinicalTime } : {}) },
    };
  });
  const end = latest?.payload.status === 'discontinued' ? latest.clinicalTime : undefined;
  return {
    resourceType: 'EpisodeOfCare',
    id: item.resourceId,
    ...withMeta(ctx),
    status,
    ...(history.length > 0 ? { statusHistory: history } : {}),
    type: [concept(SYSTEM.local, LOCAL_CODE.kit)],
    patient: ref('Patient', ctx.patientId),
    period: { start: course.payload.startedOn, ...(end === undefined ? {} : { end }) },
  };
}
