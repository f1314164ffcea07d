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
import {
  CATEGORY,
  LOCAL_CODE,
  LOINC,
  SYSTEM,
  coding,
  concept,
  shared,
  ucum,
} from './fhir-codes.ts';
import {
  encounterRefOf,
  observationStatus,
  ref,
  stateOf,
  withMeta,
  type PatientContext,
} from './fhir-context.ts';
import type { ExportItem } from './fhir-view.ts';
import { derivedId } from './uuid-v5.ts';

type Vitals = RecordOfKind<'baseline-vitals'> | RecordOfKind<'observation'>;

/**
 * The fields every Observation of an item shares, in the order they appear after `id`: meta,
 * status, subject, encounter. Built once per item (a vital-signs record gives up to 6
 * Observations).
 */
function commonOf(ctx: PatientContext, item: ExportItem) {
  const encounter = encounterRefOf(ctx, item.record.sessionId);
  return {
    ...withMeta(ctx),
    status: observationStatus(stateOf(ctx, item)),
    subject: ctx.subject,
    ...(encounter === undefined ? {} : { encounter }),
  };
}

type Common = ReturnType<typeof commonOf>;

/** An Observation with the fields in a fixed order; the value is added by the caller. */
const observation = (
  id: string,
  common: Common,
  effectiveDateTime: string,
  category: fhir4.CodeableConcept[],
  code: fhir4.CodeableConcept,
): fhir4.Observation => ({
  resourceType: 'Observation',
  id,
  ...common,
  effectiveDateTime,
  category,
  code,
});

const loinc = (c: { readonly code: string; readonly display: string }) =>
  shared(concept(SYSTEM.loinc, c));

/** Codes of the vital-signs members, shared by all vital-signs Observations. */
const CODE = {
  bp: loinc({ code: '85354-9', display: 'Blood pressure panel with all children optional' }),
  systolic: loinc(LOINC.systolic),
  diastolic: loinc(LOINC.diastolic),
  heartRate: loinc(LOINC.heartRate),
  spo2: shared<fhir4.CodeableConcept>({
    coding: [coding(SYSTEM.loinc, LOINC.spo2Generic), coding(SYSTEM.loinc, LOINC.spo2)],
    text: 'SpO2',
  }),
  respiratoryRate: loinc(LOINC.respiratoryRate),
  rass: shared(concept(SYSTEM.local, LOCAL_CODE.rass)),
  bodyWeight: loinc(LOINC.bodyWeight),
  painImprovement: shared(concept(SYSTEM.local, LOCAL_CODE.painImprovement)),
} as const;

// Panel codes by label: one per phase of the infusion, so a handful.
const panelCodes = new Map<string, fhir4.CodeableConcept>();
function panelCode(label: string): fhir4.CodeableConcept {
  let code = panelCodes.get(label);
  if (code === undefined) {
    code = shared(concept(SYSTEM.loinc, LOINC.vitalSignsPanel, label));
    panelCodes.set(label, code);
  }
  return code;
}

/** The vital-signs panel and its members for a baseline-vitals or observation record. */
export function vitalsObservations(ctx: PatientContext, item: ExportItem): fhir4.Observation[] {
  const r = item.record as Vitals;
  const p = r.payload;
  const at = r.clinicalTime;
  const common = commonOf(ctx, item);
  const member = (part: string, code: fhir4.CodeableConcept) =>
    observation(derivedId(item.resourceId, part), common, at, CATEGORY.vitalSigns, code);

  const bp = member('bp', CODE.bp);
  bp.component = [
    { code: CODE.systolic, valueQuantity: ucum(p.systolicMmHg, 'mm[Hg]') },
    { code: CODE.diastolic, valueQuantity: ucum(p.diastolicMmHg, 'mm[Hg]') },
  ];
  const hr = member('hr', CODE.heartRate);
  hr.valueQuantity = ucum(p.heartRatePerMin, '/min');
  const spo2 = member('spo2', CODE.spo2);
  spo2.valueQuantity = ucum(p.spo2Percent, '%');
  const members = [bp, hr, spo2];
  const rr = p.respiratoryRatePerMin;
  if (rr !== null && rr !== undefined) {
    const o = member('rr', CODE.respiratoryRate);
    o.valueQuantity = ucum(rr, '/min');
    members.push(o);
  }
  if (r.kind === 'observation') {
    const rass = observation(
      derivedId(item.resourceId, 'rass'),
      common,
      at,
      CATEGORY.survey,
      CODE.rass,
    );
    rass.valueInteger = r.payload.rass;
    members.push(rass);
  }
  const label =
    r.kind === 'baseline-vitals'
      ? 'Baseline vital signs (before the infusion)'
      : `Vital signs (${r.payload.phase})`;
  const panel = observation(item.resourceId, common, at, CATEGORY.vitalSigns, panelCode(label));
  panel.hasMember = members.map((m) => ref('Observation', m.id as string));
  return [panel, ...members];
}

/** Today's weight (protocol.md section 3), LOINC 29463-7, kg. */
export function weightObservation(ctx: PatientContext, item: ExportItem): fhir4.Observation {
  const r = item.record as RecordOfKind<'weight'>;
  const o = observation(
    item.resourceId,
    commonOf(ctx, item),
    r.payload.measuredAt,
    CATEGORY.vitalSigns,
    CODE.bodyWeight,
  );
  o.valueQuantity = ucum(r.payload.weightKg, 'kg');
  return o;
}

/**
 * Self-reported % pain improvement since the first full dose (protocol.md section 5), local
 * code (no LOINC code is given for it, see fhir-codes.ts), UCUM %, -100..100 as recorded.
 */
export function improvementObservation(ctx: PatientContext, item: ExportItem): fhir4.Observation {
  const r = item.record as RecordOfKind<'outcome-answer'>;
  const o = observation(
    item.resourceId,
    commonOf(ctx, item),
    r.clinicalTime,
    CATEGORY.survey,
    CODE.painImprovement,
  );
  o.valueQuantity = ucum(r.payload.painImprovementPercent, '%');
  return o;
}

const LIVER_CODE = {
  alt: loinc(LOINC.alt),
  ast: loinc(LOINC.ast),
  alp: loinc(LOINC.alp),
  ggt: loinc(LOINC.ggt),
} as const;
const interpretation = (code: 'H' | 'N', display: string): fhir4.CodeableConcept[] =>
  shared([{ coding: [{ system: SYSTEM.observationInterpretation, code, display }] }]);
const HIGH = interpretation('H', 'High');
const NORMAL = interpretation('N', 'Normal');

/**
 * One laboratory Observation per enzyme (protocol.md section 7): U/L, referenceRange.high =
 * the lab's upper limit of normal, interpretation H when above it (liver.ts: equal is normal).
 */
export function liverObservations(ctx: PatientContext, item: ExportItem): fhir4.Observation[] {
  const r = item.record as RecordOfKind<'liver-test'>;
  const p = r.payload;
  const common = commonOf(ctx, item);
  const text =
    p.labName === undefined ? 'Lab upper limit of normal' : `Upper limit of normal (${p.labName})`;
  return LIVER_ENZYMES.map((e) => {
    const value = p[`${e}UPerL`];
    const uln = p[`${e}UlnUPerL`];
    const o = observation(
      derivedId(item.resourceId, e),
      common,
      p.sampledOn,
      CATEGORY.laboratory,
      LIVER_CODE[e],
    );
    o.valueQuantity = ucum(value, 'U/L');
    o.interpretation = value > uln ? HIGH : NORMAL;
    o.referenceRange = [{ high: ucum(uln, 'U/L'), text }];
    return o;
  });
}
