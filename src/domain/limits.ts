/**
 * Dose plan limits, the way smart-pump drug libraries work (protocol.md section 3, "Safety
 * limits"): a **hard** finding cannot be overridden; a **soft** finding needs a named override
 * with a reason; a **deviation** from the protocol (another ketamine dose than the protocol's
 * for that session number, another propofol mg/kg/h) is allowed only with an
 * anesthesiologist's reason and is flagged for the registry, which excludes deviating patients
 * as the paper did. Limit values come from the center settings (`DoseLimits`), never constants.
 *
 * Comparisons are on the unrounded plan values; "above X" means strictly greater than X
 * (the limit itself is allowed), "below X" strictly less than X.
 */
import type { DosePlan } from './dosing.ts';
import type { ExpectedSessionDose } from './session-dose.ts';
import { protocolKey, type ProtocolDefinition } from './protocols/types.ts';
import type { DoseLimits } from './settings.ts';

export type FindingSeverity = 'hard' | 'soft' | 'deviation';

export type FindingCode =
  | 'ketamine-dose-above-max'
  | 'ketamine-rate-above-max'
  | 'propofol-rate-above-max'
  | 'weight-below-hard-limit'
  | 'weight-above-hard-limit'
  | 'weight-low'
  | 'weight-high'
  | 'plan-does-not-match-protocol'
  | 'ketamine-dose-deviation'
  | 'propofol-rate-deviation'
  | 'session-dose-needs-decision';

export type LimitFinding = {
  readonly severity: FindingSeverity;
  readonly code: FindingCode;
  /** Plan field the finding is about, e.g. `ketamineDoseMg`. */
  readonly field: string;
  readonly message: string;
  /** `message` in Dutch, for the Dutch screens. */
  readonly messageNl: string;
};

/**
 * Checks a dose plan against the center's limits (`limits`, mg, mg/kg/h, kg) and the protocol
 * (`protocol`, expected dose for `sessionNumber` from session-dose.ts). Returns every finding;
 * an empty list means the plan is within limits and per protocol.
 */
export function checkDosePlanLimits(
  plan: DosePlan,
  protocol: ProtocolDefinition,
  sessionNumber: number,
  expectedDose: ExpectedSessionDose,
  limits: DoseLimits,
): LimitFinding[] {
  const findings: LimitFinding[] = [];
  const add = (
    severity: FindingSeverity,
    code: FindingCode,
    field: string,
    message: string,
    messageNl: string,
  ) => findings.push({ severity, code, field, message, messageNl });

  // The plan must be the one made for this protocol, session and products (wrong vial guard).
  const ketProduct = protocol.ketamine.products.find((p) => p.id === plan.ketamineProductId);
  const propProduct = protocol.propofol.products.find((p) => p.id === plan.propofolProductId);
  if (
    plan.protocolKey !== protocolKey(protocol) ||
    plan.sessionNumber !== sessionNumber ||
    ketProduct?.concentrationMgPerMl !== plan.ketamineProductConcentrationMgPerMl ||
    propProduct?.concentrationMgPerMl !== plan.propofolProductConcentrationMgPerMl ||
    plan.infusionDurationH !== protocol.ketamine.infusionDurationH
  ) {
    add(
      'hard',
      'plan-does-not-match-protocol',
      'protocol',
      `This dose plan was not made for ${protocolKey(protocol)}, session ${sessionNumber} and its product list; make the plan again.`,
      `Dit dosisplan is niet gemaakt voor ${protocolKey(protocol)}, sessie ${sessionNumber} en de productlijst daarvan; maak het plan opnieuw.`,
    );
  }

  const w = plan.weightKg;
  if (w < limits.weightHardMinKg) {
    add(
      'hard',
      'weight-below-hard-limit',
      'weightKg',
      `Weight ${w} kg is below the hard limit of ${limits.weightHardMinKg} kg.`,
      `Gewicht ${w} kg ligt onder de harde grens van ${limits.weightHardMinKg} kg.`,
    );
  } else if (w > limits.weightHardMaxKg) {
    add(
      'hard',
      'weight-above-hard-limit',
      'weightKg',
      `Weight ${w} kg is above the hard limit of ${limits.weightHardMaxKg} kg.`,
      `Gewicht ${w} kg ligt boven de harde grens van ${limits.weightHardMaxKg} kg.`,
    );
  } else if (w < limits.weightSoftMinKg) {
    add(
      'soft',
      'weight-low',
      'weightKg',
      `Weight ${w} kg is below ${limits.weightSoftMinKg} kg: check the weighing; a named override with a reason is needed.`,
      `Gewicht ${w} kg ligt onder ${limits.weightSoftMinKg} kg: controleer de weging; een overschrijving op naam met een reden is nodig.`,
    );
  } else if (w > limits.weightSoftMaxKg) {
    add(
      'soft',
      'weight-high',
      'weightKg',
      `Weight ${w} kg is above ${limits.weightSoftMaxKg} kg: check the scale is in kg; a named override with a reason is needed.`,
      `Gewicht ${w} kg ligt boven ${limits.weightSoftMaxKg} kg: controleer dat de weegschaal in kg staat; een overschrijving op naam met een reden is nodig.`,
    );
  }

  if (plan.ketamineDoseMg > limits.ketamineHardMaxMg) {
    add(
      'hard',
      'ketamine-dose-above-max',
      'ketamineDoseMg',
      `Ketamine ${plan.ketamineDoseMg} mg is above the hard maximum of ${limits.ketamineHardMaxMg} mg per session; this plan cannot be used.`,
      `Ketamine ${plan.ketamineDoseMg} mg ligt boven het harde maximum van ${limits.ketamineHardMaxMg} mg per sessie; dit plan kan niet gebruikt worden.`,
    );
  }
  if (plan.ketamineRateMgPerKgPerH > limits.ketamineHardMaxMgPerKgPerH) {
    add(
      'hard',
      'ketamine-rate-above-max',
      'ketamineRateMgPerKgPerH',
      `Ketamine ${plan.ketamineRateMgPerKgPerH} mg/kg/h is above the hard maximum of ${limits.ketamineHardMaxMgPerKgPerH} mg/kg/h; this plan cannot be used.`,
      `Ketamine ${plan.ketamineRateMgPerKgPerH} mg/kg/u ligt boven het harde maximum van ${limits.ketamineHardMaxMgPerKgPerH} mg/kg/u; dit plan kan niet gebruikt worden.`,
    );
  }
  if (plan.propofolRateMgPerKgPerH > limits.propofolHardMaxMgPerKgPerH) {
    add(
      'hard',
      'propofol-rate-above-max',
      'propofolRateMgPerKgPerH',
      `Propofol ${plan.propofolRateMgPerKgPerH} mg/kg/h is above the hard maximum of ${limits.propofolHardMaxMgPerKgPerH} mg/kg/h; this plan cannot be used.`,
      `Propofol ${plan.propofolRateMgPerKgPerH} mg/kg/u ligt boven het harde maximum van ${limits.propofolHardMaxMgPerKgPerH} mg/kg/u; dit plan kan niet gebruikt worden.`,
    );
  }

  const doses = protocol.ketamine.sessionDoses;
  const protocolDose =
    doses === null ? null : sessionNumber === 1 ? doses.testDoseMg : doses.fullDoseMg;
  if (protocolDose === null || plan.ketamineDoseMg !== protocolDose) {
    add(
      'deviation',
      'ketamine-dose-deviation',
      'ketamineDoseMg',
      `Ketamine ${plan.ketamineDoseMg} mg is not the protocol dose for session ${sessionNumber} (${protocolDose ?? 'none'} mg): a protocol deviation, allowed only with the anesthesiologist's reason, and flagged for the registry.`,
      `Ketamine ${plan.ketamineDoseMg} mg is niet de protocoldosis voor sessie ${sessionNumber} (${protocolDose ?? 'geen'} mg): een protocolafwijking, alleen toegestaan met de reden van de anesthesist, en gemarkeerd voor het register.`,
    );
  }
  if (expectedDose.kind === 'needs-decision') {
    add(
      'deviation',
      'session-dose-needs-decision',
      'ketamineDoseMg',
      expectedDose.reason,
      expectedDose.reasonNl,
    );
  }
  if (plan.propofolRateMgPerKgPerH !== protocol.propofol.rateMgPerKgPerH) {
    add(
      'deviation',
      'propofol-rate-deviation',
      'propofolRateMgPerKgPerH',
      `Propofol ${plan.propofolRateMgPerKgPerH} mg/kg/h is not the protocol's ${protocol.propofol.rateMgPerKgPerH} mg/kg/h: a protocol deviation, allowed only with the anesthesiologist's reason.`,
      `Propofol ${plan.propofolRateMgPerKgPerH} mg/kg/u is niet de ${protocol.propofol.rateMgPerKgPerH} mg/kg/u van het protocol: een protocolafwijking, alleen toegestaan met de reden van de anesthesist.`,
    );
  }
  return findings;
}

/** Minimum length of an override or deviation reason, in characters (after trimming). */
export const MIN_REASON_LENGTH = 10;

export type SoftOverride = {
  readonly findingCode: FindingCode;
  readonly byStaffId: string;
  readonly reason: string;
};

export type DeviationApproval = {
  readonly findingCode: FindingCode;
  readonly byStaffId: string;
  readonly role: 'anesthesiologist';
  readonly reason: string;
};

export type MissingSignoff = {
  readonly finding: LimitFinding;
  readonly needs: 'named-override' | 'anesthesiologist-reason';
  readonly message: string;
  readonly messageNl: string;
};

export type ProceedDecision = {
  readonly canProceed: boolean;
  /** Hard findings: the plan cannot be used, whatever is signed. */
  readonly blockedBy: readonly LimitFinding[];
  /** Soft findings without a valid override, deviations without a valid approval. */
  readonly missing: readonly MissingSignoff[];
};

const validSigner = (byStaffId: unknown, reason: unknown) =>
  typeof byStaffId === 'string' &&
  byStaffId.trim() !== '' &&
  typeof reason === 'string' &&
  reason.trim().length >= MIN_REASON_LENGTH;

/**
 * Whether a plan with these findings may proceed. Hard findings always block. Each soft
 * finding needs an override naming the staff member with a reason of at least
 * MIN_REASON_LENGTH characters; each deviation needs the same from someone in the
 * anesthesiologist role (an override does not count for a deviation).
 */
export function canProceed(
  findings: readonly LimitFinding[],
  overrides: readonly SoftOverride[],
  deviationApprovals: readonly DeviationApproval[],
): ProceedDecision {
  const blockedBy = findings.filter((f) => f.severity === 'hard');
  const missing: MissingSignoff[] = [];
  for (const finding of findings) {
    if (finding.severity === 'soft') {
      const covered = overrides.some(
        (o) => o.findingCode === finding.code && validSigner(o.byStaffId, o.reason),
      );
      if (!covered)
        missing.push({
          finding,
          needs: 'named-override',
          message: `${finding.message} Record who overrides it and why (at least ${MIN_REASON_LENGTH} characters).`,
          messageNl: `${finding.messageNl} Noteer wie overschrijft en waarom (minstens ${MIN_REASON_LENGTH} tekens).`,
        });
    } else if (finding.severity === 'deviation') {
      const covered = deviationApprovals.some(
        (a) =>
          a.findingCode === finding.code &&
          a.role === 'anesthesiologist' &&
          validSigner(a.byStaffId, a.reason),
      );
      if (!covered)
        missing.push({
          finding,
          needs: 'anesthesiologist-reason',
          message: `${finding.message} The anesthesiologist must record the reason (at least ${MIN_REASON_LENGTH} characters).`,
          messageNl: `${finding.messageNl} De anesthesist moet de reden noteren (minstens ${MIN_REASON_LENGTH} tekens).`,
        });
    }
  }
  return { canProceed: blockedBy.length === 0 && missing.length === 0, blockedBy, missing };
}
