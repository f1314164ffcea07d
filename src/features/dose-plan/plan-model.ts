/**
 * Between the domain's dose plan (dosing.ts, limits.ts, pump-entry.ts, double-check.ts) and
 * the stored records (records/dose-plan.ts). No rule lives here: these functions only copy the
 * domain's results into record payloads, and recompute a stored plan with the same domain
 * function so the screen shows the working and the double check compares against exactly
 * what dosing.ts gives for the stored inputs.
 */
import type { DosePlan } from '../../domain/dosing.ts';
import { planDose } from '../../domain/dosing.ts';
import type { DoubleCheckReport } from '../../domain/double-check.ts';
import type { DeviationApproval, LimitFinding, SoftOverride } from '../../domain/limits.ts';
import type { ProtocolDefinition } from '../../domain/protocols/types.ts';
import type { PlanPumpEntries } from '../../domain/pump-entry.ts';
import type { PayloadOf, RecordOfKind } from '../../domain/records.ts';
import { fail, ok, type Result } from '../../domain/result.ts';
import type { StaffRole } from '../../domain/records.ts';

export type DosePlanRecord = RecordOfKind<'dose-plan'>;
/** A soft override as limits.ts checks it, with the role it was given in when that matters. */
export type NamedOverride = SoftOverride & { readonly role?: 'anesthesiologist' };

export type PlanDecisions = {
  /** Soft finding code -> reason; the override is named after `recordedBy`. */
  readonly overrideReasons: Readonly<Record<string, string>>;
  readonly recordedBy: { readonly staffId: string; readonly role: StaffRole };
  /** The anesthesiologist who decided a deviation, and why (covers every deviation finding). */
  readonly deviationBy: string | null;
  readonly deviationReason: string;
};

/** Soft overrides and deviation approvals for exactly the findings of this plan. */
export function namedReasons(findings: readonly LimitFinding[], d: PlanDecisions) {
  const overrides: NamedOverride[] = findings
    .filter((f) => f.severity === 'soft')
    .map((f) => ({
      findingCode: f.code,
      byStaffId: d.recordedBy.staffId,
      ...(d.recordedBy.role === 'anesthesiologist' ? { role: 'anesthesiologist' as const } : {}),
      reason: (d.overrideReasons[f.code] ?? '').trim(),
    }));
  const deviations: DeviationApproval[] = findings
    .filter((f) => f.severity === 'deviation')
    .map((f) => ({
      findingCode: f.code,
      byStaffId: d.deviationBy ?? '',
      role: 'anesthesiologist' as const,
      reason: d.deviationReason.trim(),
    }));
  return { overrides, deviations };
}

/** The `dose-plan` payload: the plan's unrounded values, the pump entries and the findings. */
export function dosePlanPayload(input: {
  readonly plan: DosePlan;
  readonly pump: PlanPumpEntries;
  readonly expectedDoseMg: number;
  readonly weightRecordId: string;
  readonly findings: readonly LimitFinding[];
  readonly decisions: PlanDecisions;
}): PayloadOf<'dose-plan'> {
  const { plan, pump, findings } = input;
  const { overrides, deviations } = namedReasons(findings, input.decisions);
  return {
    sessionNumber: plan.sessionNumber,
    expectedDoseMg: input.expectedDoseMg,
    ketamineDoseMg: plan.ketamineDoseMg,
    ketamineRateMgPerH: plan.ketamineRateMgPerH,
    ketamineRateMgPerKgPerH: plan.ketamineRateMgPerKgPerH,
    ketamineStockVolumeMl: plan.ketamineStockVolumeMl,
    ketaminePreparedConcentrationMgPerMl: plan.ketaminePreparedConcentrationMgPerMl,
    ketaminePumpRateMlPerH: plan.ketaminePumpRateMlPerH,
    preparationFinalVolumeMl: plan.preparationFinalVolumeMl,
    ketamineProductId: plan.ketamineProductId,
    ketamineProductConcentrationMgPerMl: plan.ketamineProductConcentrationMgPerMl,
    propofolProductId: plan.propofolProductId,
    propofolConcentrationMgPerMl: plan.propofolProductConcentrationMgPerMl,
    propofolRateMgPerKgPerH: plan.propofolRateMgPerKgPerH,
    propofolRateMgPerH: plan.propofolRateMgPerH,
    propofolPumpRateMlPerH: plan.propofolPumpRateMlPerH,
    propofolTotalMg: plan.propofolTotalMg,
    propofolTotalMl: plan.propofolTotalMl,
    infusionDurationH: plan.infusionDurationH,
    weightKg: plan.weightKg,
    weightRecordId: input.weightRecordId,
    pumpEntry: {
      ketamineMlPerH: pump.ketamine.valueMlPerH,
      propofolMlPerH: pump.propofol.valueMlPerH,
    },
    findings: findings.map((f) => ({
      severity: f.severity,
      code: f.code,
      field: f.field,
      message: f.message,
    })),
    overrides,
    deviation: {
      isDeviation:
        plan.ketamineDoseMg !== input.expectedDoseMg ||
        findings.some((f) => f.severity === 'deviation'),
      reasons: deviations,
    },
  };
}

/**
 * The stored plan recomputed by dosing.ts from its stored inputs under the session's protocol
 * snapshot. Fails when the recomputation does not give the stored pump entries (a plan that
 * does not add up must be made again, never used).
 */
export function recomputePlan(
  record: DosePlanRecord,
  protocol: ProtocolDefinition,
): Result<DosePlan> {
  const p = record.payload;
  const plan = planDose({
    protocol,
    sessionNumber: p.sessionNumber,
    doseMg: p.ketamineDoseMg,
    weightKg: p.weightKg,
    ketamineProductId: p.ketamineProductId,
    propofolProductId: p.propofolProductId,
    finalVolumeMl: p.preparationFinalVolumeMl,
    propofolRateMgPerKgPerH: p.propofolRateMgPerKgPerH,
  });
  if (!plan.ok) return plan;
  const same = (a: number, b: number) =>
    Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
  if (
    !same(plan.value.ketaminePumpRateMlPerH, p.ketaminePumpRateMlPerH) ||
    !same(plan.value.propofolPumpRateMlPerH, p.propofolPumpRateMlPerH)
  ) {
    return fail(
      'implausible',
      'pumpEntry',
      'the stored pump rates differ from the recalculated ones',
      'de bewaarde pompdebieten verschillen van de herberekende',
    );
  }
  return ok(plan.value);
}

/** The `double-check` payload from the second person's entry and the domain's comparison. */
export function doubleCheckPayload(input: {
  readonly dosePlanId: string;
  readonly checkerStaffId: string;
  readonly report: DoubleCheckReport;
}): Result<PayloadOf<'double-check'>> {
  const byField = new Map(input.report.fields.map((f) => [f.field, f]));
  const rate = (field: 'ketaminePumpRateMlPerH' | 'propofolPumpRateMlPerH') =>
    byField.get(field)?.entered;
  const product = (field: 'ketamineProductId' | 'propofolProductId') => byField.get(field)?.entered;
  const ket = rate('ketaminePumpRateMlPerH');
  const prop = rate('propofolPumpRateMlPerH');
  const ketProduct = product('ketamineProductId');
  const propProduct = product('propofolProductId');
  if (
    typeof ket !== 'number' ||
    typeof prop !== 'number' ||
    typeof ketProduct !== 'string' ||
    typeof propProduct !== 'string'
  ) {
    return fail(
      'required',
      'doubleCheck',
      'every entry of the double check must be valid before it is stored',
      'elke invoer van de dubbele controle moet geldig zijn voor ze bewaard wordt',
    );
  }
  return ok({
    dosePlanId: input.dosePlanId,
    checkerStaffId: input.checkerStaffId,
    enteredKetamineMlPerH: ket,
    enteredPropofolMlPerH: prop,
    enteredKetamineProductId: ketProduct,
    enteredPropofolProductId: propProduct,
    matches: input.report.matches,
    mismatches: input.report.fields
      .filter((f) => f.status === 'mismatch')
      .map((f) => ({
        field: f.field,
        expected: f.expected,
        entered: f.entered,
        // Suspicion codes (double-check.ts), language-neutral; the screen words them.
        ...(f.suspected.length > 0 ? { suspectedError: f.suspected.join(',') } : {}),
      })),
  });
}
