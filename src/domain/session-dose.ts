/**
 * Which ketamine dose the protocol expects for a session number (protocol.md section 3:
 * "session 1: 75 mg, a test dose (tolerance, not efficacy); session 2 onward: 150 mg, only if
 * session 1 was well tolerated"; paper, Therapy protocol: "If this was well-tolerated by the
 * patient, the dose was doubled to 150 mg"). The app never guesses tolerance: when it is not
 * recorded, or the test dose was not tolerated, the answer is 'needs-decision' and the
 * anesthesiologist decides (limits.ts turns that into a finding that needs their reason).
 */
import { fail, ok, type Result } from './result.ts';
import { assertProtocolUsable } from './protocol-config.ts';
import type { ProtocolDefinition } from './protocols/types.ts';
import { parseQuantity, type Mg } from './units.ts';

export type PreviousSession = {
  readonly sessionNumber: number;
  /** Recorded tolerance of that session: true well tolerated, false not, null not recorded. */
  readonly tolerated: boolean | null;
  /** Whether the infusion ran to its planned end. */
  readonly completed: boolean;
};

export type SessionDoseFlag = {
  readonly code: 'most-recent-not-tolerated' | 'most-recent-tolerance-not-recorded';
  readonly message: string;
  readonly messageNl: string;
};

export type ExpectedSessionDose = {
  /** The protocol dose, or for 'needs-decision' the suggestion (see `reason`), in mg. */
  readonly doseMg: Mg;
  readonly kind: 'test-dose' | 'full-dose' | 'needs-decision';
  /** Why, in words shown to the nurse and the anesthesiologist. */
  readonly reason: string;
  /** `reason` in Dutch. */
  readonly reasonNl: string;
  readonly flags: readonly SessionDoseFlag[];
};

/**
 * Expected ketamine dose (mg) for `sessionNumber` (whole number >= 1) given the previous
 * sessions of this course (current records only, not superseded ones). Session 1 -> test dose.
 * Session >= 2 -> full dose only when session 1 was completed and recorded as tolerated;
 * otherwise 'needs-decision' with the test dose as the cautious suggestion and the reason.
 * A most recent session that was not tolerated also makes it 'needs-decision' and is flagged.
 */
export function expectedSessionDose(input: {
  readonly protocol: ProtocolDefinition;
  readonly sessionNumber: unknown;
  readonly previousSessions: readonly PreviousSession[];
}): Result<ExpectedSessionDose> {
  const usable = assertProtocolUsable(input.protocol);
  if (!usable.ok) return usable;
  const doses = usable.value.ketamine.sessionDoses;
  if (doses === null)
    return fail(
      'protocol-not-configured',
      'protocol',
      'The protocol has no doses.',
      'Het protocol bevat geen dosissen.',
    );
  const parsed = parseQuantity(input.sessionNumber, {
    field: 'sessionNumber',
    label: 'Session number',
    labelNl: 'Sessienummer',
    unit: 'session',
    unitNl: 'sessies',
    integer: true,
  });
  if (!parsed.ok) return parsed;
  const sessionNumber = parsed.value;
  const later = input.previousSessions.find((s) => s.completed && s.sessionNumber >= sessionNumber);
  if (later) {
    return fail(
      'implausible',
      'sessionNumber',
      `Session ${later.sessionNumber} is already recorded as completed, so this cannot be session ${sessionNumber}; check the session number.`,
      `Sessie ${later.sessionNumber} is al als voltooid geregistreerd, dus dit kan geen sessie ${sessionNumber} zijn; controleer het sessienummer.`,
    );
  }
  const test = (
    kind: ExpectedSessionDose['kind'],
    reason: string,
    reasonNl: string,
    flags: readonly SessionDoseFlag[] = [],
  ) => ok<ExpectedSessionDose>({ doseMg: doses.testDoseMg, kind, reason, reasonNl, flags });
  if (sessionNumber === 1)
    return test(
      'test-dose',
      `Session 1: test dose of ${doses.testDoseMg} mg for tolerance, not efficacy.`,
      `Sessie 1: testdosis van ${doses.testDoseMg} mg om de verdraagzaamheid te toetsen, niet de werkzaamheid.`,
    );

  const flags = recentFlags(input.previousSessions);
  const firsts = input.previousSessions.filter((s) => s.sessionNumber === 1);
  const decide = (why: string, whyNl: string) =>
    test(
      'needs-decision',
      `${why} The protocol gives ${doses.fullDoseMg} mg only after a well-tolerated test dose; suggested: repeat ${doses.testDoseMg} mg. The anesthesiologist decides and records the reason.`,
      `${whyNl} Het protocol geeft ${doses.fullDoseMg} mg pas na een goed verdragen testdosis; voorstel: herhaal ${doses.testDoseMg} mg. De anesthesist beslist en noteert de reden.`,
      flags,
    );
  if (firsts.length === 0)
    return decide(
      'There is no record of session 1 (the test dose).',
      'Er is geen registratie van sessie 1 (de testdosis).',
    );
  const tolerances = new Set(firsts.map((s) => s.tolerated));
  if (tolerances.size > 1)
    return decide(
      'The records of session 1 disagree about tolerance.',
      'De registraties van sessie 1 spreken elkaar tegen over de verdraagzaamheid.',
    );
  if (firsts.some((s) => s.tolerated === false))
    return decide(
      'Session 1 (the test dose) was not well tolerated.',
      'Sessie 1 (de testdosis) werd niet goed verdragen.',
    );
  if (firsts.some((s) => s.tolerated === null))
    return decide(
      'Tolerance of session 1 not recorded.',
      'De verdraagzaamheid van sessie 1 is niet geregistreerd.',
    );
  if (!firsts.some((s) => s.completed))
    return decide(
      'Session 1 (the test dose) was not completed, so the full test dose was not given.',
      'Sessie 1 (de testdosis) werd niet voltooid, dus de volledige testdosis werd niet gegeven.',
    );

  const full = `Session ${sessionNumber}: full dose of ${doses.fullDoseMg} mg (session 1 was well tolerated).`;
  const fullNl = `Sessie ${sessionNumber}: volledige dosis van ${doses.fullDoseMg} mg (sessie 1 werd goed verdragen).`;
  if (flags.some((f) => f.code === 'most-recent-not-tolerated')) {
    return ok({
      doseMg: doses.fullDoseMg,
      kind: 'needs-decision',
      reason: `${full} But the most recent session was not well tolerated: the anesthesiologist decides whether to continue at ${doses.fullDoseMg} mg.`,
      reasonNl: `${fullNl} Maar de laatste sessie werd niet goed verdragen: de anesthesist beslist of verder gegaan wordt met ${doses.fullDoseMg} mg.`,
      flags,
    });
  }
  return ok({
    doseMg: doses.fullDoseMg,
    kind: 'full-dose',
    reason: full,
    reasonNl: fullNl,
    flags,
  });
}

/** Flags about the most recent previous session (highest session number). */
function recentFlags(previous: readonly PreviousSession[]): SessionDoseFlag[] {
  const last = previous.reduce<PreviousSession | null>(
    (a, s) => (a === null || s.sessionNumber > a.sessionNumber ? s : a),
    null,
  );
  if (last === null || last.sessionNumber === 1)
    return last?.tolerated === false ? [notTolerated(1)] : [];
  if (last.tolerated === false) return [notTolerated(last.sessionNumber)];
  if (last.tolerated === null) {
    return [
      {
        code: 'most-recent-tolerance-not-recorded',
        message: `Tolerance of session ${last.sessionNumber} is not recorded; ask the patient and record it.`,
        messageNl: `De verdraagzaamheid van sessie ${last.sessionNumber} is niet geregistreerd; vraag het de patiënt en registreer het.`,
      },
    ];
  }
  return [];
}

const notTolerated = (k: number): SessionDoseFlag => ({
  code: 'most-recent-not-tolerated',
  message: `The most recent session (${k}) was not well tolerated; the anesthesiologist should review before this session.`,
  messageNl: `De laatste sessie (${k}) werd niet goed verdragen; de anesthesist beoordeelt dit vóór deze sessie.`,
});
