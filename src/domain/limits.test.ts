import { describe, expect, it } from 'vitest';
import { expectDutchTwin } from './test-support.ts';
import fc from 'fast-check';
import {
  canProceed,
  checkDosePlanLimits,
  type DeviationApproval,
  type LimitFinding,
  type SoftOverride,
} from './limits.ts';
import { planDose, type DosePlanInput } from './dosing.ts';
import { expectedSessionDose, type ExpectedSessionDose } from './session-dose.ts';
import { configureProtocol } from './protocol-config.ts';
import { RACEMIC_KETAMINE_V1 } from './protocols/racemic-ketamine-v1.ts';
import { S_KETAMINE_TEMPLATE } from './protocols/s-ketamine-template.ts';
import { DEFAULT_CENTER_SETTINGS, type DoseLimits } from './settings.ts';
import { expectOk } from './result.ts';

const limits = DEFAULT_CENTER_SETTINGS.limits;
const tolerated = [{ sessionNumber: 1, tolerated: true, completed: true }];
const expectedFor = (sessionNumber: number) =>
  expectOk(
    expectedSessionDose({
      protocol: RACEMIC_KETAMINE_V1,
      sessionNumber,
      previousSessions: sessionNumber === 1 ? [] : tolerated,
    }),
  );
const findingsFor = (
  over: Partial<DosePlanInput> = {},
  opts: { expected?: ExpectedSessionDose; limits?: DoseLimits; sessionNumber?: number } = {},
) => {
  const sessionNumber = (over.sessionNumber as number | undefined) ?? 1;
  const plan = expectOk(
    planDose({
      protocol: RACEMIC_KETAMINE_V1,
      sessionNumber,
      doseMg: sessionNumber === 1 ? 75 : 150,
      weightKg: 70,
      ketamineProductId: 'ketalar-50',
      propofolProductId: 'propolipid-1',
      finalVolumeMl: 50,
      ...over,
    }),
  );
  return checkDosePlanLimits(
    plan,
    RACEMIC_KETAMINE_V1,
    opts.sessionNumber ?? sessionNumber,
    opts.expected ?? expectedFor(sessionNumber),
    opts.limits ?? limits,
  );
};
const codes = (findings: readonly LimitFinding[]) => findings.map((f) => `${f.severity}:${f.code}`);

describe('checkDosePlanLimits', () => {
  it('finds nothing for the protocol plans: session 1 75 mg, session 2 150 mg, 70 kg', () => {
    expect(findingsFor()).toEqual([]);
    expect(findingsFor({ sessionNumber: 2 })).toEqual([]);
    expect(findingsFor({ sessionNumber: 2, propofolProductId: 'propolipid-2' })).toEqual([]);
  });

  it.each([
    [149.9, ['deviation:ketamine-dose-deviation']],
    [150, []],
    [150.1, ['hard:ketamine-dose-above-max', 'deviation:ketamine-dose-deviation']],
    [300, ['hard:ketamine-dose-above-max', 'deviation:ketamine-dose-deviation']],
  ])('ketamine %s mg at session 2 -> %j (hard above 150 mg)', (doseMg, expected) => {
    expect(codes(findingsFor({ sessionNumber: 2, doseMg }))).toEqual(expected);
  });

  it('any ketamine dose other than the session 1 test dose is a deviation (74.9, 75.1, 150)', () => {
    expect(codes(findingsFor({ doseMg: 74.9 }))).toEqual(['deviation:ketamine-dose-deviation']);
    expect(codes(findingsFor({ doseMg: 75.1 }))).toEqual(['deviation:ketamine-dose-deviation']);
    expect(codes(findingsFor({ doseMg: 150 }))).toEqual(['deviation:ketamine-dose-deviation']);
    expect(findingsFor({ doseMg: 75 })).toEqual([]);
  });

  it('ketamine rate: exactly 2 mg/kg/h passes, just above is hard (150 mg, 18.75 vs 18.7 kg)', () => {
    // 150 mg / 4 h / 18.75 kg = 2 mg/kg/h exactly; those weights also meet the weight hard limit.
    expect(codes(findingsFor({ sessionNumber: 2, weightKg: 18.75 }))).toEqual([
      'hard:weight-below-hard-limit',
    ]);
    expect(codes(findingsFor({ sessionNumber: 2, weightKg: 18.7 }))).toEqual([
      'hard:weight-below-hard-limit',
      'hard:ketamine-rate-above-max',
    ]);
  });

  it('ketamine rate limit boundaries with a center limit of 0.5 mg/kg/h (75 kg is exactly 0.5)', () => {
    const strict = { ...limits, ketamineHardMaxMgPerKgPerH: 0.5 };
    const rate = (weightKg: number) =>
      codes(findingsFor({ sessionNumber: 2, weightKg }, { limits: strict }));
    expect(rate(75.1)).toEqual([]);
    expect(rate(75)).toEqual([]);
    expect(rate(74.9)).toEqual(['hard:ketamine-rate-above-max']);
  });

  it.each([
    [1, []],
    [0.9, ['deviation:propofol-rate-deviation']],
    [1.1, ['deviation:propofol-rate-deviation']],
    [3.9, ['deviation:propofol-rate-deviation']],
    [4, ['deviation:propofol-rate-deviation']],
    [4.1, ['hard:propofol-rate-above-max', 'deviation:propofol-rate-deviation']],
    [4.000001, ['hard:propofol-rate-above-max', 'deviation:propofol-rate-deviation']],
  ])('propofol %s mg/kg/h -> %j (deviation unless 1, hard above 4)', (rate, expected) => {
    expect(codes(findingsFor({ propofolRateMgPerKgPerH: rate }))).toEqual(expected);
  });

  it.each([
    [29.9, ['hard:weight-below-hard-limit']],
    [30, ['soft:weight-low']],
    [39.9, ['soft:weight-low']],
    [40, []],
    [150, []],
    [150.1, ['soft:weight-high']],
    [300, ['soft:weight-high']],
    [300.1, ['hard:weight-above-hard-limit']],
  ])('weight %s kg -> %j', (weightKg, expected) => {
    expect(codes(findingsFor({ weightKg }))).toEqual(expected);
  });

  it('turns an open tolerance question into a deviation that needs the anesthesiologist', () => {
    const needs = expectOk(
      expectedSessionDose({
        protocol: RACEMIC_KETAMINE_V1,
        sessionNumber: 2,
        previousSessions: [{ sessionNumber: 1, tolerated: null, completed: true }],
      }),
    );
    const f = findingsFor({ sessionNumber: 2 }, { expected: needs });
    expect(codes(f)).toEqual(['deviation:session-dose-needs-decision']);
    expect(f[0]?.message).toContain('Tolerance of session 1 not recorded');
  });

  it('blocks a plan checked against another session number or protocol (hard)', () => {
    expect(codes(findingsFor({ sessionNumber: 2 }, { sessionNumber: 3 }))).toContain(
      'hard:plan-does-not-match-protocol',
    );
    const sKet = expectOk(
      configureProtocol(
        S_KETAMINE_TEMPLATE,
        {
          version: '1.0.0',
          testDoseMg: 40,
          fullDoseMg: 80,
          product: { id: 's-ket-25', name: 'S-ketamine 25 mg/mL (test)', concentrationMgPerMl: 25 },
        },
        limits,
      ),
    );
    const plan = expectOk(
      planDose({
        protocol: sKet,
        sessionNumber: 1,
        doseMg: 40,
        weightKg: 70,
        ketamineProductId: 's-ket-25',
        propofolProductId: 'propolipid-1',
        finalVolumeMl: 50,
      }),
    );
    const f = checkDosePlanLimits(plan, RACEMIC_KETAMINE_V1, 1, expectedFor(1), limits);
    expect(codes(f)).toContain('hard:plan-does-not-match-protocol');
    // The same plan is fine against the protocol it was made for.
    const own = expectOk(
      expectedSessionDose({ protocol: sKet, sessionNumber: 1, previousSessions: [] }),
    );
    expect(checkDosePlanLimits(plan, sKet, 1, own, limits)).toEqual([]);
  });

  it('property: doses above 150 mg always give a hard finding, whatever the weight', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 150.0000001, max: 10_000, noNaN: true }),
        fc.integer({ min: 300, max: 3000 }),
        (doseMg, tenthsKg) => {
          const f = findingsFor({
            sessionNumber: 2,
            doseMg,
            weightKg: tenthsKg / 10,
            finalVolumeMl: 500,
          });
          return f.some((x) => x.severity === 'hard' && x.code === 'ketamine-dose-above-max');
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('canProceed', () => {
  const soft: LimitFinding = {
    severity: 'soft',
    code: 'weight-high',
    field: 'weightKg',
    message: 'Weight high.',
    messageNl: 'Gewicht hoog.',
  };
  const dev: LimitFinding = {
    severity: 'deviation',
    code: 'ketamine-dose-deviation',
    field: 'ketamineDoseMg',
    message: 'Dose deviation.',
    messageNl: 'Dosisafwijking.',
  };
  const hard: LimitFinding = {
    severity: 'hard',
    code: 'ketamine-dose-above-max',
    field: 'ketamineDoseMg',
    message: 'Too much.',
    messageNl: 'Te veel.',
  };
  const override: SoftOverride = {
    findingCode: 'weight-high',
    byStaffId: 'nurse-7',
    reason: 'Weighed twice',
  };
  const approval: DeviationApproval = {
    findingCode: 'ketamine-dose-deviation',
    byStaffId: 'dr-3',
    role: 'anesthesiologist',
    reason: 'Repeat test dose after nausea',
  };

  it('proceeds with no findings', () => {
    expect(canProceed([], [], [])).toEqual({ canProceed: true, blockedBy: [], missing: [] });
  });

  it('a hard finding always blocks, whatever is signed', () => {
    const d = canProceed(
      [hard],
      [{ ...override, findingCode: hard.code }],
      [{ ...approval, findingCode: hard.code }],
    );
    expect(d.canProceed).toBe(false);
    expect(d.blockedBy).toEqual([hard]);
  });

  it('a soft finding needs a named override with a reason of at least 10 characters', () => {
    expect(canProceed([soft], [], []).missing.map((m) => m.needs)).toEqual(['named-override']);
    expect(canProceed([soft], [{ ...override, reason: '123456789' }], []).canProceed).toBe(false);
    expect(canProceed([soft], [{ ...override, reason: '1234567890' }], []).canProceed).toBe(true);
    expect(canProceed([soft], [{ ...override, reason: '   12345678   ' }], []).canProceed).toBe(
      false,
    );
    expect(canProceed([soft], [{ ...override, byStaffId: ' ' }], []).canProceed).toBe(false);
    expect(canProceed([soft], [{ ...override, findingCode: 'weight-low' }], []).canProceed).toBe(
      false,
    );
    expect(canProceed([soft], [override], []).canProceed).toBe(true);
  });

  it('a deviation needs an anesthesiologist reason; a plain override does not count', () => {
    expect(canProceed([dev], [], []).missing.map((m) => m.needs)).toEqual([
      'anesthesiologist-reason',
    ]);
    expect(canProceed([dev], [{ ...override, findingCode: dev.code }], []).canProceed).toBe(false);
    const nurse = { ...approval, role: 'nurse' } as unknown as DeviationApproval;
    expect(canProceed([dev], [], [nurse]).canProceed).toBe(false);
    expect(canProceed([dev], [], [{ ...approval, reason: 'too short' }]).canProceed).toBe(false);
    expect(canProceed([dev], [], [approval]).canProceed).toBe(true);
  });

  it('lists exactly which sign-offs are missing', () => {
    const d = canProceed([soft, dev], [override], []);
    expect(d.canProceed).toBe(false);
    expect(d.missing.map((m) => m.finding.code)).toEqual(['ketamine-dose-deviation']);
    expect(d.missing[0]?.message).toContain('anesthesiologist must record the reason');
    expect(canProceed([soft, dev], [override], [approval]).canProceed).toBe(true);
  });

  it('property: with any hard finding, canProceed is false for any sign-offs', () => {
    const sign = fc.record({
      findingCode: fc.constantFrom(
        'weight-high',
        'ketamine-dose-above-max',
        'ketamine-dose-deviation',
      ),
      byStaffId: fc.string(),
      role: fc.constant('anesthesiologist'),
      reason: fc.string(),
    });
    fc.assert(
      fc.property(fc.array(sign), fc.array(sign), (o, a) => {
        const d = canProceed([soft, hard, dev], o, a);
        return !d.canProceed && d.blockedBy.length === 1;
      }),
      { numRuns: 2000 },
    );
  });
});

describe('Dutch words of the findings (the Dutch dose plan screen)', () => {
  it('every finding and every missing signature carries Dutch text, with the same numbers', () => {
    const needsDecision = expectOk(
      expectedSessionDose({
        protocol: RACEMIC_KETAMINE_V1,
        sessionNumber: 2,
        previousSessions: [{ sessionNumber: 1, tolerated: null, completed: true }],
      }),
    );
    const findings = [
      ...findingsFor({ weightKg: 25 }),
      ...findingsFor({ weightKg: 140 }),
      ...findingsFor({ weightKg: 320 }),
      ...findingsFor({ doseMg: 160, sessionNumber: 2 }, { expected: needsDecision }),
      ...findingsFor({ propofolRateMgPerKgPerH: 1.5 }),
      ...findingsFor({}, { sessionNumber: 3 }),
    ];
    const seen = new Set(findings.map((f) => f.code));
    expect(seen.size).toBeGreaterThanOrEqual(6);
    for (const f of findings) expectDutchTwin(f, f.code);
    for (const m of canProceed(findings, [], []).missing) {
      expect(m.messageNl.startsWith(m.finding.messageNl)).toBe(true);
      expect(m.messageNl).toMatch(/minstens 10 tekens/);
    }
  });
});
