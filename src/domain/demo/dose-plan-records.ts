/**
 * The dose plan of a synthetic session, made by the real dosing functions (dosing.ts:
 * protocol.md section 3 worked examples; pump-entry.ts: the one 0.1 mL/h rounding rule), then
 * the independent double check by a second nurse (ISMP) and the anesthesiologist's sign-off
 * naming exactly the plan it covers. A dose other than the protocol's is recorded as a
 * deviation with the anesthesiologist's reason, as limits.ts requires.
 */
import { planDose } from '../dosing.ts';
import { pumpEntriesForPlan } from '../pump-entry.ts';
import type { PayloadOf, RecordOfKind } from '../records.ts';
import { expectOk } from '../result.ts';
import type { Owner, RecordWriter } from './record-writer.ts';
import type { SessionTeam } from './staff.ts';

const MIN = 60_000;

export type DosePlanInput = {
  readonly session: Omit<PayloadOf<'session'>, 'courseId' | 'scheduledFor'>;
  readonly doseMg: number;
  readonly team: SessionTeam;
};

/**
 * Writes plan, double check and sign-off from `t0 + 20 min` (the session's arrival is t0);
 * returns the plan. Throws only if the generator itself asks for an impossible plan (a bug).
 */
export function writeDosePlan(
  w: RecordWriter,
  owner: Owner,
  weight: RecordOfKind<'weight'>,
  input: DosePlanInput,
  t0: number,
): RecordOfKind<'dose-plan'> {
  const { team } = input;
  const proto = input.session.protocolSnapshot;
  const settings = input.session.settingsSnapshot;
  const plan = expectOk(
    planDose({
      protocol: proto,
      sessionNumber: input.session.sessionNumber,
      doseMg: input.doseMg,
      weightKg: weight.payload.weightKg,
      ketamineProductId: proto.ketamine.products[0]?.id ?? '',
      propofolProductId: proto.propofol.products[0]?.id ?? '',
      finalVolumeMl: settings.ketaminePreparationFinalVolumeMl,
    }),
  );
  const pumps = expectOk(pumpEntriesForPlan(plan));
  const doses = proto.ketamine.sessionDoses;
  const expected =
    doses === null
      ? input.doseMg
      : input.session.sessionNumber === 1
        ? doses.testDoseMg
        : doses.fullDoseMg;
  const deviates = input.doseMg !== expected;
  const { protocolKey: _k, steps: _s, propofolProductConcentrationMgPerMl, ...planFields } = plan;
  const finding = {
    severity: 'deviation' as const,
    code: 'ketamine-dose-deviation',
    field: 'ketamineDoseMg',
    message: `Ketamine ${input.doseMg} mg is not the protocol dose of ${expected} mg for session ${input.session.sessionNumber}.`,
  };
  const dosePlan = w.write(
    'dose-plan',
    owner,
    {
      ...planFields,
      expectedDoseMg: expected,
      propofolConcentrationMgPerMl: propofolProductConcentrationMgPerMl,
      weightRecordId: weight.id,
      pumpEntry: {
        ketamineMlPerH: pumps.ketamine.valueMlPerH,
        propofolMlPerH: pumps.propofol.valueMlPerH,
      },
      findings: deviates ? [finding] : [],
      overrides: [],
      deviation: deviates
        ? {
            isDeviation: true,
            reasons: [
              {
                findingCode: finding.code,
                byStaffId: team.anesthesiologist,
                role: 'anesthesiologist',
                reason:
                  'Dose adjusted after the previous session; decided by the anesthesiologist.',
              },
            ],
          }
        : { isDeviation: false, reasons: [] },
    },
    t0 + 20 * MIN,
    team.nurse,
  );
  const p = dosePlan.payload;
  w.write(
    'double-check',
    owner,
    {
      dosePlanId: dosePlan.id,
      checkerStaffId: team.checker,
      enteredKetamineMlPerH: p.pumpEntry.ketamineMlPerH,
      enteredPropofolMlPerH: p.pumpEntry.propofolMlPerH,
      enteredKetamineProductId: p.ketamineProductId,
      enteredPropofolProductId: p.propofolProductId,
      matches: true,
      mismatches: [],
    },
    t0 + 23 * MIN,
    team.checker,
  );
  w.write(
    'sign-off',
    owner,
    {
      covers: { kind: 'dose-plan', recordId: dosePlan.id },
      role: 'anesthesiologist',
      signedByStaffId: team.anesthesiologist,
      statement: 'I checked this dose plan and the double check, and agree with it.',
    },
    t0 + 25 * MIN,
    team.anesthesiologist,
  );

  return dosePlan;
}
