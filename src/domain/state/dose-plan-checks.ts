/**
 * Whether the stored dose plan, its double check and its sign-off hold together (protocol.md
 * section 3 "Safety limits"; section 6: "Sign-offs name exactly what they cover"). These are
 * re-checked from the records, not trusted from flags: a sign-off counts only for the plan id
 * it names, and a double check only when its entries really equal the plan's pump entry.
 * Minimum reason lengths and who may approve are policy (limits.ts) enforced before writing;
 * here a named person and a non-blank reason are required.
 */
import type { RecordOfKind } from '../records/registry.ts';

export type Checked<T> = {
  readonly record: T;
  readonly valid: boolean;
  readonly problems: readonly string[];
};

type Plan = RecordOfKind<'dose-plan'>;
type DoubleCheck = RecordOfKind<'double-check'>;
type SignOff = RecordOfKind<'sign-off'>;

const named = (
  r: { readonly findingCode: string; readonly byStaffId: string; readonly reason: string },
  code: string,
) => r.findingCode === code && r.byStaffId.trim() !== '' && r.reason.trim() !== '';

/** Problems that keep the plan from being signed: hard findings, soft/deviation without a reason. */
export function checkPlanSignable(plan: Plan): string[] {
  const p = plan.payload;
  const problems: string[] = [];
  for (const f of p.findings) {
    if (f.severity === 'hard')
      problems.push(`${f.message} (hard limit: this plan cannot be used).`);
    if (f.severity === 'soft' && !p.overrides.some((o) => named(o, f.code))) {
      problems.push(`${f.message} (needs a named override with a reason).`);
    }
    if (f.severity === 'deviation' && !p.deviation.reasons.some((o) => named(o, f.code))) {
      problems.push(`${f.message} (needs the anesthesiologist's reason).`);
    }
  }
  return problems;
}

/** Pump entries compared in whole tenths of a mL/h, the pump's resolution (pump-entry.ts). */
const tenths = (mlPerH: number) => Math.round(mlPerH * 10);

/**
 * The latest double check of `plan` (from `checks`, ordered by clinical time), valid when it
 * matches the plan's pump entry and products and was made by someone other than the plan's
 * author. A double check of another plan is returned as invalid; none at all gives null.
 */
export function checkDoubleCheck(
  plan: Plan,
  checks: readonly DoubleCheck[],
): Checked<DoubleCheck> | null {
  const record = checks.filter((c) => c.payload.dosePlanId === plan.id).at(-1);
  if (record === undefined) {
    const other = checks.at(-1);
    return other
      ? {
          record: other,
          valid: false,
          problems: [
            'This double check was made for another dose plan; the current plan needs its own.',
          ],
        }
      : null;
  }
  const c = record.payload;
  const p = plan.payload;
  const problems: string[] = [];
  if (!c.matches) problems.push('The second check did not match the plan.');
  if (tenths(c.enteredKetamineMlPerH) !== tenths(p.pumpEntry.ketamineMlPerH)) {
    problems.push(
      `Ketamine: second check ${c.enteredKetamineMlPerH} mL/h, plan ${p.pumpEntry.ketamineMlPerH} mL/h.`,
    );
  }
  if (tenths(c.enteredPropofolMlPerH) !== tenths(p.pumpEntry.propofolMlPerH)) {
    problems.push(
      `Propofol: second check ${c.enteredPropofolMlPerH} mL/h, plan ${p.pumpEntry.propofolMlPerH} mL/h.`,
    );
  }
  if (c.enteredKetamineProductId !== p.ketamineProductId)
    problems.push(
      `Ketamine product: second check ${c.enteredKetamineProductId}, plan ${p.ketamineProductId}.`,
    );
  if (c.enteredPropofolProductId !== p.propofolProductId)
    problems.push(
      `Propofol product: second check ${c.enteredPropofolProductId}, plan ${p.propofolProductId}.`,
    );
  if (c.checkerStaffId === plan.authorStaffId) {
    problems.push(
      'The double check must be made by a second person, not by the author of the plan.',
    );
  }
  return { record, valid: problems.length === 0, problems };
}

/**
 * The latest sign-off covering exactly `plan` (by record id), valid only when the plan has no
 * open problems and its double check is valid. A sign-off of an older plan is returned as
 * invalid (it does not carry over to a new or corrected plan); none at all gives null.
 */
export function checkSignOff(
  plan: Plan,
  planProblems: readonly string[],
  doubleCheck: Checked<DoubleCheck> | null,
  signOffs: readonly SignOff[],
): Checked<SignOff> | null {
  const record = signOffs
    .filter((s) => s.payload.covers.kind === 'dose-plan' && s.payload.covers.recordId === plan.id)
    .at(-1);
  if (record === undefined) {
    const other = signOffs.at(-1);
    return other
      ? {
          record: other,
          valid: false,
          problems: ['This sign-off covers another dose plan; the current plan must be signed.'],
        }
      : null;
  }
  const problems: string[] = [];
  if (planProblems.length > 0)
    problems.push(`The plan has open findings: ${planProblems.join(' ')}`);
  if (doubleCheck === null) problems.push('The plan has no independent double check yet.');
  else if (!doubleCheck.valid)
    problems.push(`The double check is not valid: ${doubleCheck.problems.join(' ')}`);
  return { record, valid: problems.length === 0, problems };
}
