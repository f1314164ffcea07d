import { describe, expect, it } from 'vitest';
import { compareDoubleCheck } from '../../domain/double-check.ts';
import { planDose, type DosePlan } from '../../domain/dosing.ts';
import { checkDosePlanLimits } from '../../domain/limits.ts';
import { RACEMIC_KETAMINE_V1 } from '../../domain/protocols/racemic-ketamine-v1.ts';
import type { ProtocolDefinition } from '../../domain/protocols/types.ts';
import { pumpEntriesForPlan } from '../../domain/pump-entry.ts';
import { createRecordFactory } from '../../domain/records/builders.ts';
import { expectOk } from '../../domain/result.ts';
import { expectedSessionDose } from '../../domain/session-dose.ts';
import { DEFAULT_CENTER_SETTINGS } from '../../domain/settings.ts';
import { mgPerMl } from '../../domain/units.ts';
import { doubleCheckPayload, dosePlanPayload, namedReasons, recomputePlan } from './plan-model.ts';

const plan = (doseMg: number, weightKg: number, sessionNumber = 1): DosePlan =>
  expectOk(
    planDose({
      protocol: RACEMIC_KETAMINE_V1,
      sessionNumber,
      doseMg,
      weightKg,
      ketamineProductId: 'ketalar-50',
      propofolProductId: 'propolipid-1',
      finalVolumeMl: 50,
    }),
  );
const expected = (sessionNumber: number) =>
  expectOk(
    expectedSessionDose({
      protocol: RACEMIC_KETAMINE_V1,
      sessionNumber,
      previousSessions:
        sessionNumber === 1 ? [] : [{ sessionNumber: 1, tolerated: true, completed: true }],
    }),
  );
const nurse = { staffId: 'nurse-an', role: 'nurse' as const };

function payloadFor(p: DosePlan, sessionNumber: number, decisions = {}) {
  const e = expected(sessionNumber);
  const findings = checkDosePlanLimits(
    p,
    RACEMIC_KETAMINE_V1,
    sessionNumber,
    e,
    DEFAULT_CENTER_SETTINGS.limits,
  );
  return dosePlanPayload({
    plan: p,
    pump: expectOk(pumpEntriesForPlan(p)),
    expectedDoseMg: e.doseMg,
    weightRecordId: '019cad5a-9240-734b-8b41-93639d9a84fe',
    findings,
    decisions: {
      overrideReasons: {},
      recordedBy: nurse,
      deviationBy: null,
      deviationReason: '',
      ...decisions,
    },
  });
}

describe('dosePlanPayload', () => {
  it('copies the worked example into a payload the record schema accepts', () => {
    const payload = payloadFor(plan(75, 70), 1);
    expect(payload).toMatchObject({
      ketamineRateMgPerH: 18.75,
      ketaminePreparedConcentrationMgPerMl: 1.5,
      pumpEntry: { ketamineMlPerH: 12.5, propofolMlPerH: 7 },
      findings: [],
      deviation: { isDeviation: false, reasons: [] },
    });
    const f = createRecordFactory();
    const course = f.course(f.patient());
    const session = f.session(course);
    // The factory validates the record with the shared schema (throws if invalid).
    expect(() => f.dosePlan(session, f.weight(session), payload)).not.toThrow();
  });

  it('marks another dose than the expected one as a deviation with the anesthesiologist named', () => {
    const payload = payloadFor(plan(75, 70, 2), 2, {
      deviationBy: 'dr-jan',
      deviationReason: 'Dizziness in session 1, stay at 75 mg.',
    });
    expect(payload.expectedDoseMg).toBe(150);
    expect(payload.deviation).toEqual({
      isDeviation: true,
      reasons: [
        {
          findingCode: 'ketamine-dose-deviation',
          byStaffId: 'dr-jan',
          role: 'anesthesiologist',
          reason: 'Dizziness in session 1, stay at 75 mg.',
        },
      ],
    });
  });

  it('keeps an override only for the soft findings of this plan, named after the person recording', () => {
    const p = plan(75, 154);
    const e = expected(1);
    const findings = checkDosePlanLimits(
      p,
      RACEMIC_KETAMINE_V1,
      1,
      e,
      DEFAULT_CENTER_SETTINGS.limits,
    );
    const { overrides, deviations } = namedReasons(findings, {
      overrideReasons: {
        'weight-high': '  Weighed twice in kg.  ',
        'weight-low': 'stale reason from before',
      },
      recordedBy: { staffId: 'dr-jan', role: 'anesthesiologist' },
      deviationBy: null,
      deviationReason: '',
    });
    expect(overrides).toEqual([
      {
        findingCode: 'weight-high',
        byStaffId: 'dr-jan',
        role: 'anesthesiologist',
        reason: 'Weighed twice in kg.',
      },
    ]);
    expect(deviations).toEqual([]);
  });
});

describe('recomputePlan', () => {
  const f = createRecordFactory();
  const session = f.session(f.course(f.patient()));
  const record = f.dosePlan(session, f.weight(session, { weightKg: 70 }));

  it('gives the stored plan back with its steps', () => {
    const again = expectOk(recomputePlan(record, RACEMIC_KETAMINE_V1));
    expect(again.ketaminePumpRateMlPerH).toBe(12.5);
    expect(again.propofolPumpRateMlPerH).toBe(7);
    expect(again.steps.map((s) => s.id)).toContain('ketamine-rate');
  });

  it('refuses a stored plan that no longer adds up under the protocol it names', () => {
    const changed: ProtocolDefinition = {
      ...RACEMIC_KETAMINE_V1,
      propofol: {
        ...RACEMIC_KETAMINE_V1.propofol,
        products: [
          {
            id: 'propolipid-1',
            substance: 'propofol',
            name: 'Propolipid',
            concentrationMgPerMl: mgPerMl(20),
          },
        ],
      },
    };
    const result = recomputePlan(record, changed);
    expect(result.ok).toBe(false);
  });
});

describe('doubleCheckPayload', () => {
  const p = plan(75, 70);

  it('stores the entered values and each mismatch with its suspicion codes', () => {
    const report = expectOk(
      compareDoubleCheck(
        p,
        {
          ketaminePumpRateMlPerH: '1,3',
          propofolPumpRateMlPerH: '70',
          ketamineProductId: 'ketalar-50',
          propofolProductId: 'propolipid-1',
        },
        RACEMIC_KETAMINE_V1,
      ),
    );
    const payload = expectOk(
      doubleCheckPayload({ dosePlanId: 'plan-1', checkerStaffId: 'nurse-bram', report }),
    );
    expect(payload.matches).toBe(false);
    expect(payload.enteredKetamineMlPerH).toBe(1.3);
    expect(payload.mismatches).toEqual([
      {
        field: 'ketaminePumpRateMlPerH',
        expected: 12.5,
        entered: 1.3,
        suspectedError: 'decimal-10x',
      },
      {
        field: 'propofolPumpRateMlPerH',
        expected: 7,
        entered: 70,
        suspectedError: 'decimal-10x,mg-as-ml',
      },
    ]);
  });

  it('refuses to build a payload from an entry that could not be read', () => {
    const report = expectOk(
      compareDoubleCheck(
        p,
        {
          ketaminePumpRateMlPerH: 'abc',
          propofolPumpRateMlPerH: '7',
          ketamineProductId: 'ketalar-50',
          propofolProductId: '',
        },
        RACEMIC_KETAMINE_V1,
      ),
    );
    expect(
      doubleCheckPayload({ dosePlanId: 'plan-1', checkerStaffId: 'nurse-bram', report }).ok,
    ).toBe(false);
  });
});
