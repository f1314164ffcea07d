/**
 * The composer's live computation, pure: the dose choices offered (the expected dose and the
 * protocol's doses; anything else is typed as "another dose"), and for the current choices the
 * plan (dosing.ts), its pump entries (pump-entry.ts) and its limit findings (limits.ts), all
 * under the session's own protocol and settings snapshots.
 */
import { planDose, type DosePlan } from '../../domain/dosing.ts';
import { checkDosePlanLimits, type LimitFinding } from '../../domain/limits.ts';
import { pumpEntriesForPlan, type PlanPumpEntries } from '../../domain/pump-entry.ts';
import type { RecordOfKind } from '../../domain/records.ts';
import type { Result } from '../../domain/result.ts';
import type { ExpectedSessionDose } from '../../domain/session-dose.ts';

export type ComposerChoices = {
  /** A protocol dose in mg as text, or 'other'. */
  readonly dose: string;
  readonly otherDoseMg: string;
  readonly ketamineProductId: string | null;
  readonly propofolProductId: string | null;
};

export type ComposedPlan = {
  /** Doses offered as one-tap choices, in mg, the expected one first. */
  readonly doseValues: readonly number[];
  /** null until both products are picked. */
  readonly planned: Result<DosePlan> | null;
  readonly pump: Result<PlanPumpEntries> | null;
  readonly findings: readonly LimitFinding[];
};

export function composePlan(
  session: RecordOfKind<'session'>,
  weight: RecordOfKind<'weight'>,
  expected: ExpectedSessionDose,
  c: ComposerChoices,
): ComposedPlan {
  const protocol = session.payload.protocolSnapshot;
  const settings = session.payload.settingsSnapshot;
  const sessionNumber = session.payload.sessionNumber;
  const doses = protocol.ketamine.sessionDoses;
  const doseValues = [
    ...new Set<number>([expected.doseMg, ...(doses ? [doses.testDoseMg, doses.fullDoseMg] : [])]),
  ];
  const planned =
    c.ketamineProductId && c.propofolProductId
      ? planDose({
          protocol,
          sessionNumber,
          doseMg: c.dose === 'other' ? c.otherDoseMg : c.dose,
          weightKg: weight.payload.weightKg,
          ketamineProductId: c.ketamineProductId,
          propofolProductId: c.propofolProductId,
          finalVolumeMl: settings.ketaminePreparationFinalVolumeMl,
        })
      : null;
  const pump = planned?.ok ? pumpEntriesForPlan(planned.value) : null;
  const findings = planned?.ok
    ? checkDosePlanLimits(planned.value, protocol, sessionNumber, expected, settings.limits)
    : [];
  return { doseValues, planned, pump, findings };
}
