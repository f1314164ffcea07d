import type * as fhir4 from 'fhir/r4';
import { describe, expect, it } from 'vitest';
import { expectOk } from '../result.ts';
import { centerBundle, patientBundle } from './fhir-bundle.ts';
import { EXTENSION } from './fhir-session.ts';
import { validateBundleStructure } from './fhir-validate.ts';
import { derivedId } from './uuid-v5.ts';
import { GENERATED_AT, buildCenter } from './test-support.ts';

const { f, records, ids } = buildCenter();
const staff = f.staffMember({ staffId: 'nurse-1', displayName: 'Nurse Ann Peeters' });
const all = [...records, staff];
const bundle = expectOk(patientBundle(all, ids.a.id, { generatedAt: GENERATED_AT }));
const resources = (bundle.entry ?? []).map((e) => e.resource as fhir4.FhirResource);
const ofType = <T extends fhir4.FhirResource['resourceType']>(t: T) =>
  resources.filter(
    (r): r is Extract<fhir4.FhirResource, { resourceType: T }> => r.resourceType === t,
  );
const byId = (id: string) => resources.find((r) => r.id === id);
const hasCode = (c: fhir4.CodeableConcept | undefined, system: string, code: string) =>
  (c?.coding ?? []).some((x) => x.system === system && x.code === code);
const LOINC = 'http://loinc.org';
const SCT = 'http://snomed.info/sct';
const UCUM = 'http://unitsofmeasure.org';
const observations = ofType('Observation');
const withLoinc = (code: string) =>
  observations.filter(
    (o) =>
      hasCode(o.code, LOINC, code) || (o.component ?? []).some((c) => hasCode(c.code, LOINC, code)),
  );

describe('patientBundle', () => {
  it('is a structurally valid collection Bundle whose references all resolve inside it', () => {
    expect(bundle.resourceType).toBe('Bundle');
    expect(bundle.type).toBe('collection');
    expect(bundle.timestamp).toBe(GENERATED_AT);
    expect(validateBundleStructure(bundle)).toEqual([]);
  });

  it('identifies the patient only by the pseudonymous center number, with the birth year only', () => {
    const [patient] = ofType('Patient');
    expect(patient).toMatchObject({
      id: ids.a.id,
      identifier: [{ system: 'urn:kit:center-patient-number', value: 'KIT-001' }],
      gender: 'male',
      birthDate: '1970',
    });
    expect(patient?.name).toBeUndefined();
    const json = JSON.stringify(bundle);
    expect(json).not.toContain('1970-06-15');
    expect(json).not.toContain('Nurse Ann Peeters');
  });

  it('has the course as an EpisodeOfCare and an Encounter per session, with infusion start and stop', () => {
    const [eoc] = ofType('EpisodeOfCare');
    expect(eoc).toMatchObject({
      id: ids.aCourse.id,
      status: 'active',
      patient: { reference: `urn:uuid:${ids.a.id}` },
    });
    const encounters = ofType('Encounter');
    expect(encounters).toHaveLength(3);
    for (const enc of encounters) {
      expect(enc.status).toBe('finished');
      expect(enc.episodeOfCare).toEqual([
        { reference: `urn:uuid:${ids.aCourse.id}`, type: 'EpisodeOfCare' },
      ]);
      expect(
        Date.parse(enc.period?.end ?? '') - Date.parse(enc.period?.start ?? ''),
      ).toBeGreaterThanOrEqual(240 * 60_000);
    }
  });

  it('gives ketamine and propofol administrations per session with SNOMED CT codes, dose in mg and rates in mL/h and mg/h', () => {
    const s2 = ids.a2.session.id;
    const ketamine = byId(derivedId(s2, 'ketamine')) as fhir4.MedicationAdministration;
    expect(hasCode(ketamine.medicationCodeableConcept, SCT, '373464007')).toBe(true);
    expect(ketamine.status).toBe('completed');
    expect(ketamine.context).toEqual({ reference: `urn:uuid:${s2}`, type: 'Encounter' });
    expect(ketamine.dosage?.dose).toEqual({ value: 150, unit: 'mg', system: UCUM, code: 'mg' });
    expect(ketamine.dosage?.rateQuantity).toEqual({
      value: 12.5,
      unit: 'mL/h',
      system: UCUM,
      code: 'mL/h',
    });
    expect(
      ketamine.dosage?.extension?.find((e) => e.url === EXTENSION.rateMgPerH)?.valueQuantity,
    ).toMatchObject({ value: 37.5, code: 'mg/h' });
    expect(hasCode(ketamine.dosage?.route, SCT, '47625008')).toBe(true);
    const propofol = byId(derivedId(s2, 'propofol')) as fhir4.MedicationAdministration;
    expect(hasCode(propofol.medicationCodeableConcept, SCT, '387423006')).toBe(true);
    expect(propofol.dosage?.rateQuantity).toMatchObject({ value: 7, code: 'mL/h' });
    expect(propofol.dosage?.dose).toMatchObject({ value: 280, code: 'mg' });
    expect(
      propofol.dosage?.extension?.find((e) => e.url === EXTENSION.rateMgPerKgPerH)?.valueQuantity,
    ).toMatchObject({ value: 1, code: 'mg/kg/h' });
  });

  it('gives an extra drug with its SNOMED CT code, dose and route', () => {
    const zofran = byId(ids.zofran.id) as fhir4.MedicationAdministration;
    expect(hasCode(zofran.medicationCodeableConcept, SCT, '372487007')).toBe(true);
    expect(zofran.dosage?.dose).toMatchObject({ value: 4, code: 'mg', system: UCUM });
    expect(hasCode(zofran.dosage?.route, SCT, '47625008')).toBe(true);
  });

  it('codes vital signs with the LOINC panel 85353-1 and its members, in UCUM units', () => {
    const panels = withLoinc('85353-1');
    expect(panels.length).toBeGreaterThan(0);
    for (const panel of panels) {
      expect(panel.hasMember?.length).toBeGreaterThanOrEqual(4);
      for (const m of panel.hasMember ?? [])
        expect(resources.some((r) => `urn:uuid:${r.id}` === m.reference)).toBe(true);
    }
    const bp = withLoinc('8480-6')[0];
    expect(bp?.component?.map((c) => [c.code.coding?.[0]?.code, c.valueQuantity?.code])).toEqual([
      ['8480-6', 'mm[Hg]'],
      ['8462-4', 'mm[Hg]'],
    ]);
    expect(withLoinc('8867-4')[0]?.valueQuantity).toMatchObject({ code: '/min', system: UCUM });
    expect(withLoinc('59408-5')[0]?.valueQuantity).toMatchObject({ code: '%', system: UCUM });
    expect(withLoinc('9279-1')[0]?.valueQuantity).toMatchObject({ code: '/min' });
    expect(withLoinc('72514-3')[0]?.valueInteger).toBe(7);
  });

  it('codes liver tests with LOINC, U/L, the lab ULN as reference range high, and flags the elevated GGT', () => {
    for (const code of ['1742-6', '1920-8', '6768-6', '2324-2']) {
      const [o] = withLoinc(code);
      expect(o?.valueQuantity).toMatchObject({ code: 'U/L', system: UCUM });
      expect(o?.referenceRange?.[0]?.high?.code).toBe('U/L');
    }
    const [ggt] = withLoinc('2324-2');
    expect(ggt?.valueQuantity?.value).toBe(39);
    expect(ggt?.referenceRange?.[0]?.high?.value).toBe(36);
    expect(ggt?.interpretation?.[0]?.coding?.[0]?.code).toBe('H');
    expect(withLoinc('1742-6')[0]?.interpretation?.[0]?.coding?.[0]?.code).toBe('N');
  });

  it('sends % improvement with a local code (no LOINC code exists for it) in %', () => {
    const [o] = observations.filter((x) =>
      hasCode(x.code, 'urn:kit:code', 'pain-improvement-percent'),
    );
    expect(o?.valueQuantity).toMatchObject({ value: 60, code: '%', system: UCUM });
  });

  it('sends side effects as AdverseEvents with SNOMED CT findings and the ketamine infusion as suspect', () => {
    const events = ofType('AdverseEvent');
    expect(events).toHaveLength(1); // delirium was entered in error: R4 AdverseEvent has no status, so it is left out
    const [nausea] = events;
    expect(hasCode(nausea?.event, SCT, '422587007')).toBe(true);
    expect(nausea?.severity?.coding?.[0]?.code).toBe('mild');
    expect(nausea?.suspectEntity?.[0]?.instance.reference).toBe(
      `urn:uuid:${derivedId(ids.a2.session.id, 'ketamine')}`,
    );
  });

  it('exports a corrected record once, under the original id, with status corrected and the correction in Provenance', () => {
    const weights = withLoinc('29463-7').filter(
      (o) => o.encounter?.reference === `urn:uuid:${ids.a3.session.id}`,
    );
    expect(weights).toHaveLength(1);
    expect(weights[0]).toMatchObject({
      id: ids.weight3.id,
      status: 'corrected',
      valueQuantity: { value: 71.5, code: 'kg' },
    });
    const prov = byId(derivedId(ids.weightFix.id, 'provenance')) as fhir4.Provenance;
    expect(prov.activity?.coding?.[0]?.code).toBe('UPDATE');
    expect(prov.reason?.[0]?.text).toBe('Scale read wrongly.');
  });

  it('exports an observation entered in error with that status, and who voided it', () => {
    const panel = byId(ids.obs3.id) as fhir4.Observation;
    expect(panel.status).toBe('entered-in-error');
    for (const m of panel.hasMember ?? [])
      expect((byId(m.reference?.slice(9) ?? '') as fhir4.Observation).status).toBe(
        'entered-in-error',
      );
    const prov = byId(derivedId(ids.obsVoid.id, 'provenance')) as fhir4.Provenance;
    expect(prov.activity?.coding?.[0]?.code).toBe('NULLIFY');
    expect(prov.target[0]?.reference).toBe(`urn:uuid:${ids.obs3.id}`);
  });

  it('names who recorded, who double-checked and who signed the dose plan (by staff id)', () => {
    const prov = ofType('Provenance').find((p) =>
      p.target.some((t) => t.reference === `urn:uuid:${derivedId(ids.a2.session.id, 'ketamine')}`),
    );
    const agents = (prov?.agent ?? []).map((a) => [
      a.type?.coding?.[0]?.code,
      a.who.identifier?.value,
    ]);
    expect(agents).toEqual(
      expect.arrayContaining([
        ['enterer', 'nurse-1'],
        ['verifier', 'nurse-2'],
        ['attester', 'dr-anesth'],
        ['performer', 'nurse-1'],
      ]),
    );
    for (const p of ofType('Provenance'))
      expect(p.agent[0]?.type?.coding?.[0]?.code).toBe('enterer');
  });

  it('is the same whatever the order of the records, with unique ids', () => {
    const again = expectOk(
      patientBundle([...all].reverse(), ids.a.id, { generatedAt: GENERATED_AT }),
    );
    expect(JSON.stringify(again)).toBe(JSON.stringify(bundle));
    const urls = (bundle.entry ?? []).map((e) => e.fullUrl);
    expect(new Set(urls).size).toBe(urls.length);
  });

  it('refuses a patient entered in error, an unknown patient and a bad export time', () => {
    expect(patientBundle(all, ids.e.id, { generatedAt: GENERATED_AT }).ok).toBe(false);
    expect(
      patientBundle(all, '0190a000-0000-7000-8000-000000000000', { generatedAt: GENERATED_AT }).ok,
    ).toBe(false);
    const bad = patientBundle(all, ids.a.id, { generatedAt: 'yesterday' });
    expect(bad.ok ? null : bad.error.field).toBe('generatedAt');
    const sys = patientBundle(all, ids.a.id, {
      generatedAt: GENERATED_AT,
      patientIdentifierSystem: 'not a uri',
    });
    expect(sys.ok ? null : sys.error.field).toBe('patientIdentifierSystem');
  });
});

describe('patientBundle, corrections and voided sessions', () => {
  it('exports two competing corrections of one record both (for review), under distinct ids', () => {
    const g = buildCenter();
    const second = g.f.correction(
      g.ids.weight3,
      { weightKg: 69 },
      'Other tablet: scale read wrongly.',
    );
    const b = expectOk(
      patientBundle([...g.records, second], g.ids.a.id, { generatedAt: GENERATED_AT }),
    );
    expect(validateBundleStructure(b)).toEqual([]);
    const weights = (b.entry ?? []).flatMap((e) =>
      e.resource?.resourceType === 'Observation' &&
      hasCode(e.resource.code, LOINC, '29463-7') &&
      e.resource.encounter?.reference === `urn:uuid:${g.ids.a3.session.id}`
        ? [e.resource]
        : [],
    );
    expect(
      weights
        .map((w) => [
          w.id === g.ids.weight3.id || w.id === second.id,
          w.status,
          w.valueQuantity?.value,
        ])
        .sort(),
    ).toEqual([
      [true, 'corrected', 69],
      [true, 'corrected', 71.5],
    ]);
  });

  it('exports everything of a session entered in error as entered in error (side effects left out)', () => {
    const g = buildCenter();
    const b = expectOk(
      patientBundle(
        [
          ...g.records,
          g.f.enteredInError(g.ids.a2.session, 'Session opened for the wrong patient.'),
        ],
        g.ids.a.id,
        { generatedAt: GENERATED_AT },
      ),
    );
    expect(validateBundleStructure(b)).toEqual([]);
    const s2 = `urn:uuid:${g.ids.a2.session.id}`;
    const inSession = (b.entry ?? []).flatMap((e) => {
      const r = e.resource;
      if (r === undefined || r.resourceType === 'Provenance') return [];
      const json = JSON.stringify(r);
      return e.fullUrl === s2 || json.includes(`"reference":"${s2}"`) ? [r] : [];
    });
    expect(inSession.map((r) => r.resourceType).sort()).toEqual(
      expect.arrayContaining(['Encounter', 'MedicationAdministration', 'Observation']),
    );
    for (const r of inSession) expect((r as { status?: string }).status).toBe('entered-in-error');
    expect((b.entry ?? []).some((e) => e.resource?.resourceType === 'AdverseEvent')).toBe(false);
  });
});

describe('centerBundle', () => {
  const center = expectOk(centerBundle(all, { generatedAt: GENERATED_AT }));
  const patients = (b: fhir4.Bundle<fhir4.FhirResource>) =>
    (b.entry ?? []).flatMap((e) =>
      e.resource?.resourceType === 'Patient' ? [e.resource.identifier?.[0]?.value] : [],
    );

  it('is valid and holds every patient with a valid patient record', () => {
    expect(validateBundleStructure(center)).toEqual([]);
    expect(patients(center)).toEqual(['KIT-001', 'KIT-002', 'KIT-003', 'KIT-004']);
  });

  it('labels every resource of a synthetic patient as test data, and can leave them out', () => {
    const synthetic = (center.entry ?? []).filter((e) =>
      JSON.stringify(e.resource).includes(ids.d.id),
    );
    expect(synthetic.length).toBeGreaterThan(3);
    for (const e of synthetic) expect(e.resource?.meta?.security?.[0]?.code).toBe('HTEST');
    const real = expectOk(
      centerBundle(all, { generatedAt: GENERATED_AT, includeSynthetic: false }),
    );
    expect(patients(real)).toEqual(['KIT-001', 'KIT-002', 'KIT-003']);
    expect(validateBundleStructure(real)).toEqual([]);
  });

  it('ends a discontinued course (EpisodeOfCare finished) with its status history', () => {
    const eoc = (center.entry ?? [])
      .map((e) => e.resource)
      .find(
        (r) =>
          r?.resourceType === 'EpisodeOfCare' && r.patient.reference === `urn:uuid:${ids.c.id}`,
      ) as fhir4.EpisodeOfCare;
    expect(eoc.status).toBe('finished');
    expect(eoc.statusHistory?.map((h) => h.status)).toEqual(['finished']);
    expect(eoc.period?.end).toBeDefined();
  });

  it('contains the patient bundle of each patient', () => {
    const one = expectOk(patientBundle(all, ids.b.id, { generatedAt: GENERATED_AT }));
    const centerUrls = new Set((center.entry ?? []).map((e) => e.fullUrl));
    for (const e of one.entry ?? []) expect(centerUrls.has(e.fullUrl)).toBe(true);
  });
});
