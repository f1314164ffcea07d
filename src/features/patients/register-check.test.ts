import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RELATIVE_CONTRAINDICATIONS } from '../../domain/eligibility.ts';
import { ANESTHESIOLOGIST, NURSE, SECOND_NURSE } from '../../../tests/support/render-bedside.tsx';
import { messages } from './messages.ts';
import { checkRegistration, isValidPatientNumber, type CheckContext } from './register-check.ts';
import { emptyRegisterForm, OTHER_STAFF, type RegisterForm } from './register-form.ts';

const ctx: CheckContext = {
  today: '2026-03-02',
  nowIso: '2026-03-02T08:00:00.000Z',
  staff: [NURSE, SECOND_NURSE, ANESTHESIOLOGIST],
  t: messages.en,
  locale: 'en',
};

/** A complete, eligible form. */
function validForm(): RegisterForm {
  const empty = emptyRegisterForm();
  return {
    ...empty,
    number: 'KIT-0001',
    sex: 'female',
    birthKnown: 'date',
    birthDate: '1970-05-12',
    opinions: {
      physician1: { staff: { choice: 'dr-jan', typed: '' }, painType: 'neuropathic' },
      physician2: { staff: { choice: OTHER_STAFF, typed: ' dr-pain ' }, painType: 'neuropathic' },
      external: { staff: { choice: '', typed: '' }, painType: null },
    },
    baselineNrs: '7',
    criteria: {
      painIsOncologic: 'no',
      psychologistEvaluated: 'yes',
      predominantPsychosocialFlags: 'no',
      significantPsychiatricComorbidity: 'no',
      firstLineTreatmentsFailed: 'yes',
      secondLineTreatmentsFailed: 'yes',
    },
    contraindications: Object.fromEntries(
      RELATIVE_CONTRAINDICATIONS.map((c) => [c.id, 'no']),
    ) as RegisterForm['contraindications'],
    startedHere: 'yes',
  };
}

describe('checkRegistration', () => {
  it('an eligible, complete form gives the three payloads', () => {
    const c = checkRegistration(validForm(), ctx);
    expect(c.errors).toEqual({});
    expect(c.outcome).toBe('eligible');
    expect(c.payloads?.patient.painTypeOpinions.physician2.staffId).toBe('dr-pain');
    expect(c.payloads?.course).toEqual({ startedOn: '2026-03-02', startedHere: true });
  });

  it('an empty form is incomplete, with a message for every question', () => {
    const c = checkRegistration(emptyRegisterForm(), ctx);
    expect(c.outcome).toBe('incomplete');
    expect(c.payloads).toBeNull();
    expect(Object.keys(c.errors)).toEqual(
      expect.arrayContaining([
        'number',
        'sex',
        'birthKnown',
        'physician1.staff',
        'physician2.painType',
        'baselineNrs',
        'painIsOncologic',
        'contraindications.pregnancy',
      ]),
    );
  });

  it('the NRS boundary: 10 accepted, 11 refused, 7,5 refused (whole points)', () => {
    expect(checkRegistration({ ...validForm(), baselineNrs: '10' }, ctx).outcome).toBe('eligible');
    expect(checkRegistration({ ...validForm(), baselineNrs: '0' }, ctx).outcome).toBe('eligible');
    expect(
      checkRegistration({ ...validForm(), baselineNrs: '11' }, ctx).errors.baselineNrs,
    ).toMatch(/above 10/);
    expect(
      checkRegistration({ ...validForm(), baselineNrs: '7,5' }, ctx).errors.baselineNrs,
    ).toMatch(/whole number/);
  });

  it('adulthood at the course start: 18 today is eligible, 18 tomorrow is not', () => {
    const on = checkRegistration({ ...validForm(), birthDate: '2008-03-02' }, ctx);
    expect(on.outcome).toBe('eligible');
    const minor = checkRegistration({ ...validForm(), birthDate: '2008-03-03' }, ctx);
    expect(minor.outcome).toBe('not-eligible');
    expect(minor.payloads?.screening.adult).toBe(false);
    expect(minor.payloads?.course).toBeNull();
    expect(minor.notEligibleReasons).toEqual([messages.en.issueMinor]);
  });

  it('a birth date in the future is refused', () => {
    const c = checkRegistration({ ...validForm(), birthDate: '2026-03-03' }, ctx);
    expect(c.errors.birthDate).toBe(messages.en.birthDateInvalid);
  });

  it('the two opinions must come from two different physicians', () => {
    const form = validForm();
    const c = checkRegistration(
      {
        ...form,
        opinions: {
          ...form.opinions,
          physician2: { ...form.opinions.physician2, staff: { choice: 'dr-jan', typed: '' } },
        },
      },
      ctx,
    );
    expect(c.errors['physician2.staff']).toMatch(/different physician/);
    expect(c.payloads).toBeNull();
  });

  it('an anesthesiologist deciding not to proceed makes the patient not eligible, with the reason', () => {
    const form = validForm();
    const c = checkRegistration(
      {
        ...form,
        contraindications: { ...form.contraindications, pregnancy: 'yes' },
        decision: {
          staffId: 'dr-jan',
          proceed: 'no',
          reason: 'Pregnant, 12 weeks: wait until after delivery.',
        },
      },
      ctx,
    );
    expect(c.outcome).toBe('not-eligible');
    expect(c.notEligibleReasons).toEqual([
      'Pregnancy: the anesthesiologist decided not to proceed (Pregnant, 12 weeks: wait until after delivery.).',
    ]);
    expect(c.payloads?.screening.anesthesiologistDecision).toEqual({
      staffId: 'dr-jan',
      proceed: false,
      reason: 'Pregnant, 12 weeks: wait until after delivery.',
    });
  });

  it('a nurse cannot be the deciding anesthesiologist', () => {
    const form = validForm();
    const c = checkRegistration(
      {
        ...form,
        contraindications: { ...form.contraindications, pregnancy: 'yes' },
        decision: {
          staffId: NURSE.staffId,
          proceed: 'yes',
          reason: 'Checked with the gynaecologist.',
        },
      },
      ctx,
    );
    expect(c.errors['decision.staffId']).toBe(messages.en.decisionByRequired);
  });
});

describe('isValidPatientNumber', () => {
  it.each(['KIT-0001', 'A1', 'kit-2024-17', '12345'])('accepts %s', (n) =>
    expect(isValidPatientNumber(n)).toBe(true),
  );
  it.each([
    '',
    'Janssens',
    'Jan Peeters 1',
    'KIT--1',
    '-KIT1',
    'KIT-1-',
    'KIT_1',
    'KIT/1',
    `K${'1'.repeat(40)}`,
  ])('refuses %j', (n) => expect(isValidPatientNumber(n)).toBe(false));
  it('refuses anything with a character outside letters, digits and dashes', () => {
    fc.assert(
      fc.property(
        fc.string(),
        fc.string(),
        fc.constantFrom(' ', '.', '_', '/', '@', 'é', '\n'),
        (a, b, bad) => {
          expect(isValidPatientNumber(`${a}${bad}${b}1`)).toBe(false);
        },
      ),
    );
  });
});
