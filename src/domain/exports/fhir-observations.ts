/**
 * Observations: vital signs (baseline and during the infusion), weight, % pain improvement and
 * liver tests, with the LOINC codes of protocol.md section 9 and UCUM units.
 *
 * Vital signs follow the FHIR R4 vital-signs profiles (hl7.org/fhir/R4/observation-vitalsigns):
 * one panel Observation, LOINC 85353-1, with `hasMember` links to one Observation per sign
 * (blood pressure as the 85354-9 panel with systolic 8480-6 and diastolic 8462-4 components;
 * heart rate 8867-4; SpO2 2708-6 + 59408-5; respiratory rate 9279-1 when recorded) plus the
 * sedation score (RASS, local code). Member ids are derived from the record's resource id,
 * so a correction updates the same resources.
 */
import type * as fhir4 from 'fhir/r4';
import type { RecordOfKind } from '../records/registry.ts';
import { LIVER_ENZYMES } from '../liver.ts';
import { LOCAL_CODE, LOINC, SYSTEM, category, coding, concept, ucum } from './fhir-codes.ts';
import {
  encounterRefOf,
  observationStatus,
  patientRef,
  ref,
  stateOf,
  withMeta,
  type PatientContext,
} from './fhir-context.ts';
import type { ExportItem } from './fhir-view.ts';
import { derivedId } from './uuid-v5.ts';

type Vitals = RecordOfKind<'baseline-vitals'> | RecordOfKind<'observation'>;

/** Fields every Observation of an item shares. */
function base(ctx: PatientContext, item: ExportItem, id: string, effectiveDateTime: string) {
  const encounter = encounterRefOf(ctx, item.record.sessionId);
  return {
    resourceType: 'Observation' as const,
    id,
    ...withMeta(ctx),
    status: observationStatus(stateOf(ctx, item)),
    subject: patientRef(ctx),
    ...(encounter === undefined ? {} : { encounter }),
    effectiveDateTime,
  };
}

const BP_PANEL = {
  code: '85354-9',
  display: 'Blood pressure panel with all children optional',
} as const;
const VITAL_SIGNS = category('vital-signs', 'Vital Signs');

/** The vital-signs panel and its members for a baseline-vitals or observation record. */
export function vitalsObservations(ctx: PatientContext, item: ExportItem): fhir4.Observation[] {
  const r = item.record as Vitals;
  const p = r.payload;
  const id = (part: string) => derivedId(item.resourceId, part);
  const at = r.clinicalTime;
  const member = (
    part: string,
    code: fhir4.CodeableConcept,
    rest: Partial<fhir4.Observation>,
  ): fhir4.Observation => ({
    ...base(ctx, item, id(part), at),
    category: VITAL_SIGNS,
    code,
    ...rest,
  });
  const members: fhir4.Observation[] = [
    member('bp', concept(SYSTEM.loinc, BP_PANEL), {
      component: [
        {
          code: concept(SYSTEM.loinc, LOINC.systolic),
          valueQuantity: ucum(p.systolicMmHg, 'mm[Hg]'),
        },
        {
          code: concept(SYSTEM.loinc, LOINC.diastolic),
          valueQuantity: ucum(p.diastolicMmHg, 'mm[Hg]'),
        },
      ],
    }),
    member('hr', concept(SYSTEM.loinc, LOINC.heartRate), {
      valueQuantity: ucum(p.heartRatePerMin, '/min'),
    }),
    member(
      'spo2',
      {
        coding: [coding(SYSTEM.loinc, LOINC.spo2Generic), coding(SYSTEM.loinc, LOINC.spo2)],
        text: 'SpO2',
      },
      {
        valueQuantity: ucum(p.spo2Percent, '%'),
      },
    ),
  ];
  const rr = p.respiratoryRatePerMin;
  if (rr !== null && rr !== undefined) {
    members.push(
      member('rr', concept(SYSTEM.loinc, LOINC.respiratoryRate), {
        valueQuantity: ucum(rr, '/min'),
      }),
    );
  }
  if (r.kind === 'observation') {
    members.push(
      member('rass', concept(SYSTEM.local, LOCAL_CODE.rass), {
        category: category('survey', 'Survey'),
        valueInteger: r.payload.rass,
      }),
    );
  }
  const label =
    r.kind === 'baseline-vitals'
      ? 'Baseline vital signs (before the infusion)'
      : `Vital signs (${r.payload.phase})`;
  const panel: fhir4.Observation = {
    ...base(ctx, item, item.resourceId, at),
    category: VITAL_SIGNS,
    code: concept(SYSTEM.loinc, LOINC.vitalSignsPanel, label),
    hasMember: members.map((m) => ref('Observation', m.id as string)),
  };
  return [panel, ...members];
}

/** Today's weight (protocol.md section 3), LOINC 29463-7, kg. */
export function weightObservation(ctx: PatientContext, item: ExportItem): fhir4.Observation {
  const r = item.record as RecordOfKind<'weight'>;
  return {
    ...base(ctx, item, item.resourceId, r.payload.measuredAt),
    category: VITAL_SIGNS,
    code: concept(SYSTEM.loinc, LOINC.bodyWeight),
    valueQuantity: ucum(r.payload.weightKg, 'kg'),
  };
}

/**
 * Self-reported % pain improvement since the first full dose (protocol.md section 5), local
 * code (no LOINC code is given for it, see fhir-codes.ts), UCUM %, -100..100 as recorded.
 */
export function improvementObservation(ctx: PatientContext, item: ExportItem): fhir4.Observation {
  const r = item.record as RecordOfKind<'outcome-answer'>;
  return {
    ...base(ctx, item, item.resourceId, r.clinicalTime),
    category: category('survey', 'Survey'),
    code: concept(SYSTEM.local, LOCAL_CODE.painImprovement),
    valueQuantity: ucum(r.payload.painImprovementPercent, '%'),
  };
}

const LIVER_LOINC = { alt: LOINC.alt, ast: LOINC.ast, alp: LOINC.alp, ggt: LOINC.ggt } as const;

/**
 * One laboratory Observation per enzyme (protocol.md section 7): U/L, referenceRange.high =
 * the lab's upper limit of normal, interpretation H when above it (liver.ts: equal is normal).
 */
export function liverObservations(ctx: PatientContext, item: ExportItem): fhir4.Observation[] {
  const r = item.record as RecordOfKind<'liver-test'>;
  const p = r.payload;
  return LIVER_ENZYMES.map((e) => {
    const value = p[`${e}UPerL`];
    const uln = p[`${e}UlnUPerL`];
    const high = value > uln;
    return {
      ...base(ctx, item, derivedId(item.resourceId, e), p.sampledOn),
      category: category('laboratory', 'Laboratory'),
      code: concept(SYSTEM.loinc, LIVER_LOINC[e]),
      valueQuantity: ucum(value, 'U/L'),
      interpretation: [
        {
          coding: [
            {
              system: SYSTEM.observationInterpretation,
              code: high ? 'H' : 'N',
              display: high ? 'High' : 'Normal',
            },
          ],
        },
      ],
      referenceRange: [
        {
          high: ucum(uln, 'U/L'),
          text:
            p.labName === undefined
              ? 'Lab upper limit of normal'
              : `Upper limit of normal (${p.labName})`,
        },
      ],
    };
  });
}
