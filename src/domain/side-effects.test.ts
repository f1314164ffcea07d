import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  SEVERITY_SCALE,
  SIDE_EFFECT_CATALOG,
  SIDE_EFFECT_IDS,
  SUGGESTION_HEADING,
  validateSideEffectCapture,
  type SideEffectCaptureInput,
} from './side-effects.ts';

const now = new Date('2026-03-02T10:30:00.000Z');
const nausea: SideEffectCaptureInput = {
  sideEffectId: 'nausea',
  clinicalTime: '2026-03-02T10:20:00.000Z',
  severity: 'moderate',
  responseTaken: 'Ondansetron given',
  decidedByStaffId: 'anes-01',
  infusionAction: 'continued',
  drug: { name: 'ondansetron', dose: '4', route: 'IV', givenByStaffId: 'nurse-07' },
};

describe('side-effect catalog (protocol.md section 4)', () => {
  it('has the nine ids in order, each labelled in English and Dutch, each with suggestions', () => {
    expect(SIDE_EFFECT_CATALOG.map((d) => d.id)).toEqual([...SIDE_EFFECT_IDS]);
    expect(SIDE_EFFECT_IDS).toEqual([
      'nausea',
      'dizziness',
      'hallucinations',
      'nightmares-dysphoria',
      'delirium',
      'hypertension',
      'sialorrhea',
      'intolerance',
      'other',
    ]);
    for (const d of SIDE_EFFECT_CATALOG) {
      expect(d.label && d.labelNl).toBeTruthy();
      expect(d.suggestions.length).toBeGreaterThan(0);
      for (const s of d.suggestions) {
        expect(s.text && s.textNl).toBeTruthy();
        expect(['protocol', 'default']).toContain(s.source);
      }
    }
    expect(SUGGESTION_HEADING.en).toMatch(/anesthesiologist decides/);
  });
  it('carries SNOMED CT codes only where protocol.md section 9 gives them', () => {
    const codes = Object.fromEntries(SIDE_EFFECT_CATALOG.map((d) => [d.id, d.snomedCt]));
    expect(codes).toEqual({
      nausea: '422587007',
      dizziness: '404640003',
      hallucinations: '7011001',
      'nightmares-dysphoria': null,
      delirium: null,
      hypertension: null,
      sialorrhea: null,
      intolerance: null,
      other: null,
    });
  });
  it('suggests the doses the paper reports, and no dose where it gives none', () => {
    const drugOf = (id: string) =>
      SIDE_EFFECT_CATALOG.find((d) => d.id === id)!.suggestions.flatMap((s) =>
        s.drug ? [{ ...s.drug, source: s.source }] : [],
      );
    expect(drugOf('nausea')).toEqual([
      { name: 'ondansetron', doseMg: 4, route: 'IV', source: 'protocol' },
    ]);
    expect(drugOf('nightmares-dysphoria')).toEqual([
      { name: 'propofol', doseMg: 30, route: 'IV', source: 'protocol' },
    ]);
    expect(drugOf('hallucinations')).toEqual([
      { name: 'midazolam', route: 'IV', source: 'protocol' },
    ]);
    expect(drugOf('sialorrhea')[0]).toMatchObject({ name: 'glycopyrrolate', source: 'default' });
    expect(drugOf('sialorrhea')[0]).not.toHaveProperty('doseMg');
    expect(drugOf('dizziness')).toEqual([]);
  });
  it('has a three-step severity scale', () => {
    expect(SEVERITY_SCALE.map((s) => s.id)).toEqual(['mild', 'moderate', 'severe']);
  });
});

describe('validateSideEffectCapture', () => {
  it('accepts a full capture and checks the dose against the suggestion', () => {
    const r = validateSideEffectCapture(nausea, now);
    expect(r).toEqual({
      ok: true,
      value: {
        sideEffectId: 'nausea',
        clinicalTime: '2026-03-02T10:20:00.000Z',
        severity: 'moderate',
        responseTaken: 'Ondansetron given',
        decidedByStaffId: 'anes-01',
        infusionAction: 'continued',
        drug: { name: 'ondansetron', doseMg: 4, route: 'IV', givenByStaffId: 'nurse-07' },
        doseCheck: 'matches-suggestion',
        otherText: null,
      },
    });
  });
  it('shows a 10x slip as differing from the suggestion, and reads a decimal comma', () => {
    const ten = validateSideEffectCapture(
      { ...nausea, drug: { ...nausea.drug!, dose: '40' } },
      now,
    );
    expect(ten.ok && ten.value.doseCheck).toBe('differs-from-suggestion');
    const comma = validateSideEffectCapture(
      { ...nausea, drug: { ...nausea.drug!, dose: '0,4' } },
      now,
    );
    expect(comma.ok && comma.value.drug?.doseMg).toBe(0.4);
    const mid = validateSideEffectCapture(
      {
        ...nausea,
        sideEffectId: 'hallucinations',
        drug: { name: 'Midazolam', dose: '1', route: 'IV', givenByStaffId: 'n1' },
      },
      now,
    );
    expect(mid.ok && mid.value.doseCheck).toBe('no-suggested-dose');
  });
  it('needs no drug for an observe-only response', () => {
    const r = validateSideEffectCapture(
      {
        ...nausea,
        sideEffectId: 'dizziness',
        severity: 'mild',
        responseTaken: 'Observed',
        drug: null,
      },
      now,
    );
    expect(r.ok && r.value.doseCheck).toBe('no-drug');
  });
  it.each([
    ['sideEffectId', { sideEffectId: 'headache' }, 'invalid-choice'],
    ['clinicalTime', { clinicalTime: '' }, 'required'],
    ['clinicalTime', { clinicalTime: '2026-03-02T10:31:00.000Z' }, 'invalid-date'],
    ['severity', { severity: 'bad' }, 'invalid-choice'],
    ['responseTaken', { responseTaken: '   ' }, 'required'],
    ['decidedByStaffId', { decidedByStaffId: undefined }, 'required'],
    ['infusionAction', { infusionAction: 'unknown' }, 'invalid-choice'],
    ['drug.doseMg', { drug: { ...nausea.drug!, dose: '' } }, 'required'],
    ['drug.doseMg', { drug: { ...nausea.drug!, dose: '4 mg' } }, 'not-a-number'],
    ['drug.doseMg', { drug: { ...nausea.drug!, dose: '-4' } }, 'negative'],
    ['drug.doseMg', { drug: { ...nausea.drug!, dose: '4,125' } }, 'too-many-decimals'],
    ['drug.route', { drug: { ...nausea.drug!, route: 'oral' } }, 'invalid-choice'],
    ['drug.name', { drug: { ...nausea.drug!, name: '' } }, 'required'],
    ['drug.givenByStaffId', { drug: { ...nausea.drug!, givenByStaffId: '' } }, 'required'],
    ['otherText', { sideEffectId: 'other' }, 'required'],
  ] as const)('refuses a bad %s', (field, patch, code) => {
    const r = validateSideEffectCapture({ ...nausea, ...patch }, now);
    expect(!r.ok && r.error).toMatchObject({ field, code });
  });
  it('keeps the free text for "other"', () => {
    const r = validateSideEffectCapture(
      { ...nausea, sideEffectId: 'other', otherText: ' itching ', drug: null },
      now,
    );
    expect(r.ok && r.value.otherText).toBe('itching');
  });
  it('property: a dose is a finite positive number of mg or the capture is refused', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.double(), fc.anything()), (dose) => {
        const r = validateSideEffectCapture({ ...nausea, drug: { ...nausea.drug!, dose } }, now);
        return (
          !r.ok ||
          (r.value.drug !== null && Number.isFinite(r.value.drug.doseMg) && r.value.drug.doseMg > 0)
        );
      }),
      { numRuns: 2000 },
    );
  });
});
