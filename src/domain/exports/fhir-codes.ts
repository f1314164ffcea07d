/**
 * Code systems and codes used in the FHIR R4 export, each with its source. Clinical codes come
 * from protocol.md section 9 (LOINC, SNOMED CT, UCUM); FHIR's own terminology codes (status,
 * category, participant type) from the FHIR R4 specification (hl7.org/fhir/R4). Where no
 * standard code is given, the concept is sent as text or with a local `urn:kit:` code, never
 * with a guessed standard code.
 */
import type * as fhir4 from 'fhir/r4';
import type { ROUTES, SideEffectId } from '../records/infusion.ts';

export const SYSTEM = {
  loinc: 'http://loinc.org',
  snomed: 'http://snomed.info/sct',
  ucum: 'http://unitsofmeasure.org',
  observationCategory: 'http://terminology.hl7.org/CodeSystem/observation-category',
  observationInterpretation: 'http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation',
  actCode: 'http://terminology.hl7.org/CodeSystem/v3-ActCode',
  actReason: 'http://terminology.hl7.org/CodeSystem/v3-ActReason',
  dataOperation: 'http://terminology.hl7.org/CodeSystem/v3-DataOperation',
  provenanceParticipantType: 'http://terminology.hl7.org/CodeSystem/provenance-participant-type',
  adverseEventSeverity: 'http://terminology.hl7.org/CodeSystem/adverse-event-severity',
  medAdminPerformFunction: 'http://terminology.hl7.org/CodeSystem/med-admin-perform-function',
  /** Local codes of this app, for concepts with no standard code (see LOCAL_CODE). */
  local: 'urn:kit:code',
  /** Default system of the pseudonymous center patient number (options can name another). */
  centerPatientNumber: 'urn:kit:center-patient-number',
  staffId: 'urn:kit:staff-id',
  deviceId: 'urn:kit:device-id',
  recordId: 'urn:kit:record-id',
} as const;

/** LOINC, protocol.md section 9 (and FHIR R4 vital signs: 85354-9, 2708-6; see below). */
export const LOINC = {
  vitalSignsPanel: {
    code: '85353-1',
    display: 'Vital signs, weight, height, head circumference, oxygen saturation and BMI panel',
  },
  systolic: { code: '8480-6', display: 'Systolic blood pressure' },
  diastolic: { code: '8462-4', display: 'Diastolic blood pressure' },
  heartRate: { code: '8867-4', display: 'Heart rate' },
  /** protocol.md: SpO2 59408-5 (by pulse oximetry). */
  spo2: { code: '59408-5', display: 'Oxygen saturation in Arterial blood by Pulse oximetry' },
  /**
   * The FHIR R4 vital-signs profile for oxygen saturation requires 2708-6 and allows 59408-5
   * beside it (hl7.org/fhir/R4/oxygensat.html), so both are sent.
   */
  spo2Generic: { code: '2708-6', display: 'Oxygen saturation in Arterial blood' },
  respiratoryRate: { code: '9279-1', display: 'Respiratory rate' },
  bodyWeight: { code: '29463-7', display: 'Body weight' },
  painNrs: {
    code: '72514-3',
    display: 'Pain severity - 0-10 verbal numeric rating [Score] - Reported',
  },
  alt: {
    code: '1742-6',
    display: 'Alanine aminotransferase [Enzymatic activity/volume] in Serum or Plasma',
  },
  ast: {
    code: '1920-8',
    display: 'Aspartate aminotransferase [Enzymatic activity/volume] in Serum or Plasma',
  },
  alp: {
    code: '6768-6',
    display: 'Alkaline phosphatase [Enzymatic activity/volume] in Serum or Plasma',
  },
  ggt: {
    code: '2324-2',
    display: 'Gamma glutamyl transferase [Enzymatic activity/volume] in Serum or Plasma',
  },
} as const;

/** SNOMED CT substances, protocol.md section 9. S-ketamine has no code there: text only. */
export const SNOMED_SUBSTANCE = {
  ketamine: { code: '373464007', display: 'Ketamine' },
  propofol: { code: '387423006', display: 'Propofol' },
  midazolam: { code: '373476007', display: 'Midazolam' },
  ondansetron: { code: '372487007', display: 'Ondansetron' },
} as const;

/** SNOMED CT findings, protocol.md section 9; the other side effects go as text. */
export const SNOMED_FINDING: {
  readonly [K in SideEffectId]?: { readonly code: string; readonly display: string };
} = {
  nausea: { code: '422587007', display: 'Nausea' },
  dizziness: { code: '404640003', display: 'Dizziness' },
  hallucinations: { code: '7011001', display: 'Hallucinations' },
};

/**
 * SNOMED CT route qualifiers of the FHIR R4 "SNOMED CT Route Codes" value set
 * (hl7.org/fhir/R4/valueset-route-codes.html). Routes not listed go as text.
 */
export const SNOMED_ROUTE = {
  IV: { code: '47625008', display: 'Intravenous route' },
  IM: { code: '78421000', display: 'Intramuscular route' },
  PO: { code: '26643006', display: 'Oral route' },
  SC: { code: '34206005', display: 'Subcutaneous route' },
  SL: { code: '37839007', display: 'Sublingual route' },
} as const satisfies {
  readonly [R in (typeof ROUTES)[number]]: { readonly code: string; readonly display: string };
};

/**
 * Local codes (system `urn:kit:code`). Percent pain improvement since the first full dose
 * (protocol.md section 5) is a study-specific question; section 9 gives no LOINC code for it
 * and we use none rather than one that means something else. RASS likewise has no code there.
 */
export const LOCAL_CODE = {
  painImprovement: {
    code: 'pain-improvement-percent',
    display: 'Self-reported pain improvement since the first full dose',
  },
  rass: { code: 'rass', display: 'Richmond Agitation-Sedation Scale' },
  kit: { code: 'ketamine-infusion-therapy', display: 'Ketamine infusion therapy for chronic pain' },
  kitSession: { code: 'kit-session', display: 'Ketamine infusion therapy session' },
} as const;

/** Side-effect labels for AdverseEvent.event.text (protocol.md section 4 table). */
export const SIDE_EFFECT_TEXT: { readonly [K in SideEffectId]: string } = {
  nausea: 'Nausea',
  dizziness: 'Dizziness',
  hallucinations: 'Hallucinations',
  'nightmares-dysphoria': 'Nightmares / dysphoria',
  delirium: 'Delirium',
  hypertension: 'Hypertension',
  sialorrhea: 'Sialorrhea',
  intolerance: 'Intolerance',
  other: 'Other side effect',
};

/**
 * `value`, deeply frozen. Parts that are the same in many resources (codes, categories, the
 * patient reference) are built once and shared between resources: the JSON is the same and a
 * center export allocates far less. Frozen, so that nobody changes one resource's part and
 * thereby all the others.
 */
export function shared<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    for (const v of Object.values(value)) shared(v);
    Object.freeze(value);
  }
  return value;
}

export const coding = (
  system: string,
  c: { readonly code: string; readonly display: string },
): fhir4.Coding => ({
  system,
  code: c.code,
  display: c.display,
});

export const concept = (
  system: string,
  c: { readonly code: string; readonly display: string },
  text?: string,
): fhir4.CodeableConcept => ({
  coding: [coding(system, c)],
  text: text ?? c.display,
});

/** A UCUM quantity; the number is passed through unchanged (never rounded). */
export const ucum = (value: number, unit: string): fhir4.Quantity => ({
  value,
  unit,
  system: SYSTEM.ucum,
  code: unit,
});

const categoryOf = (code: string, display: string): fhir4.CodeableConcept[] =>
  shared([{ coding: [{ system: SYSTEM.observationCategory, code, display }] }]);

/** Observation categories (FHIR R4 observation-category), shared. */
export const CATEGORY = {
  vitalSigns: categoryOf('vital-signs', 'Vital Signs'),
  laboratory: categoryOf('laboratory', 'Laboratory'),
  survey: categoryOf('survey', 'Survey'),
} as const;

/** Marks synthetic (demo/training) data: v3 ActReason HTEST "test health data". */
export const SYNTHETIC_SECURITY: fhir4.Coding = shared({
  system: SYSTEM.actReason,
  code: 'HTEST',
  display: 'test health data',
});

export const staffRef = (staffId: string): fhir4.Reference => ({
  type: 'Practitioner',
  identifier: { system: SYSTEM.staffId, value: staffId },
});
