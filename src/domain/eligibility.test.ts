import { describe, expect, it } from 'vitest';
import {
  ageAtStart,
  assessEligibility,
  RELATIVE_CONTRAINDICATIONS,
  type ContraindicationDecision,
  type EligibilityAnswers,
} from './eligibility.ts';

const none = Object.fromEntries(
  RELATIVE_CONTRAINDICATIONS.map((c) => [c.id, false]),
) as EligibilityAnswers['contraindications'];
const eligible: EligibilityAnswers = {
  birthDate: '1980-05-10',
  birthYear: null,
  courseStartDate: '2026-03-02',
  painIsOncologic: false,
  psychologistEvaluated: true,
  predominantPsychosocialFlags: false,
  significantPsychiatricComorbidity: false,
  firstLineTreatmentsFailed: true,
  secondLineTreatmentsFailed: true,
  contraindications: none,
};
const decision: ContraindicationDecision = {
  contraindicationId: 'pregnancy',
  decidedByStaffId: 'anes-01',
  decidedByRole: 'anesthesiologist',
  proceed: true,
  reason: 'Discussed with obstetrician, benefit outweighs risk',
};

describe('assessEligibility (protocol.md section 2)', () => {
  it('is eligible when everything is answered and nothing blocks', () => {
    expect(assessEligibility(eligible, [])).toEqual({
      eligible: true,
      blocking: [],
      needsDecision: [],
      age: { status: 'adult', ageYears: 45 },
    });
  });
  it.each([
    ['painIsOncologic', true, 'oncologic-pain'],
    ['psychologistEvaluated', false, 'no-psychologist-evaluation'],
    ['predominantPsychosocialFlags', true, 'psychosocial-flags'],
    ['significantPsychiatricComorbidity', true, 'psychiatric-comorbidity'],
    ['firstLineTreatmentsFailed', false, 'first-line-not-failed'],
    ['secondLineTreatmentsFailed', false, 'second-line-not-failed'],
  ] as const)('%s = %p blocks (%s); unanswered blocks too', (field, value, code) => {
    const r = assessEligibility({ ...eligible, [field]: value }, []);
    expect(r.eligible).toBe(false);
    expect(r.blocking).toEqual([expect.objectContaining({ code, field })]);
    const u = assessEligibility({ ...eligible, [field]: null }, []);
    expect(u.blocking).toEqual([expect.objectContaining({ code: 'not-answered', field })]);
  });
  it('lists the six ASRA/AAPM/ASA 2018 relative contraindications with Dutch labels', () => {
    expect(RELATIVE_CONTRAINDICATIONS.map((c) => c.id)).toEqual([
      'poorly-controlled-cardiovascular-disease',
      'pregnancy',
      'active-psychosis',
      'severe-liver-disease',
      'raised-intracranial-or-intraocular-pressure',
      'active-substance-abuse',
    ]);
    for (const c of RELATIVE_CONTRAINDICATIONS) expect(c.labelNl).toBeTruthy();
  });
  describe('a relative contraindication answered "yes"', () => {
    const preg = { ...eligible, contraindications: { ...none, pregnancy: true } };
    it('needs a decision', () => {
      const r = assessEligibility(preg, []);
      expect(r).toMatchObject({
        eligible: false,
        blocking: [],
        needsDecision: [expect.objectContaining({ field: 'contraindications.pregnancy' })],
      });
    });
    it("is cleared by an anesthesiologist's decision to proceed with a reason", () => {
      expect(assessEligibility(preg, [decision]).eligible).toBe(true);
    });
    it.each([
      ['a nurse', { decidedByRole: 'nurse' }],
      ['no staff id', { decidedByStaffId: ' ' }],
      ['a reason too short to document anything', { reason: 'ok' }],
      [
        'a decision about another contraindication',
        { contraindicationId: 'active-psychosis' as const },
      ],
    ])('is not cleared by %s', (_what, patch) => {
      expect(assessEligibility(preg, [{ ...decision, ...patch }]).needsDecision).toHaveLength(1);
    });
    it('blocks when the anesthesiologist decides not to proceed; the last decision counts', () => {
      const no = { ...decision, proceed: false };
      expect(assessEligibility(preg, [no]).blocking).toEqual([
        expect.objectContaining({ code: 'decided-not-to-proceed' }),
      ]);
      expect(assessEligibility(preg, [no, decision]).eligible).toBe(true);
    });
    it('an unanswered contraindication blocks', () => {
      const r = assessEligibility(
        { ...eligible, contraindications: { ...none, 'active-substance-abuse': null } },
        [],
      );
      expect(r.blocking).toEqual([
        expect.objectContaining({
          code: 'not-answered',
          field: 'contraindications.active-substance-abuse',
        }),
      ]);
    });
  });
});

describe('ageAtStart: adult at the start of therapy', () => {
  it.each([
    ['2008-03-02', 'adult', 18], // 18th birthday on the start day
    ['2008-03-03', 'minor', 17], // one day short
    ['2008-03-01', 'adult', 18],
  ] as const)('born %s, start 2026-03-02: %s', (birthDate, status, ageYears) => {
    expect(ageAtStart(birthDate, null, '2026-03-02')).toEqual({ status, ageYears });
  });
  it.each([
    [2007, 'adult'], // at least 18 whatever the birthday
    [2008, 'undetermined'], // 17 or 18: ask for the birth date
    [2009, 'minor'], // at most 17
  ] as const)('with only birth year %d: %s', (birthYear, status) => {
    expect(ageAtStart(null, birthYear, '2026-03-02')).toEqual({ status, ageYears: null });
  });
  it('blocks an undetermined age with a message that says what to do', () => {
    const r = assessEligibility({ ...eligible, birthDate: null, birthYear: 2008 }, []);
    expect(r.blocking).toEqual([expect.objectContaining({ code: 'age-undetermined' })]);
    expect(r.blocking[0]?.message).toMatch(/full birth date/);
  });
  it('refuses unreadable or contradictory dates', () => {
    expect(ageAtStart('2008-02-30', null, '2026-03-02')).toBe(null);
    expect(ageAtStart('2027-01-01', null, '2026-03-02')).toBe(null);
    expect(ageAtStart('1980-01-01', 1981, '2026-03-02')).toBe(null);
    expect(ageAtStart(null, null, '2026-03-02')).toBe(null);
    expect(ageAtStart(null, 1980.5, '2026-03-02')).toBe(null);
    expect(assessEligibility({ ...eligible, birthDate: null }, []).blocking[0]?.code).toBe(
      'invalid-input',
    );
  });
});
