/**
 * A side effect during the infusion and what was done (protocol.md section 4 table; paper,
 * Safety: ondansetron 4 mg IV for nausea; midazolam IV or nothing for hallucinations; 30 mg
 * extra propofol for nightmares; nothing specific for dizziness). The drug actually given is
 * recorded by name with who ordered and who gave it; the anesthesiologist decides.
 */
import type { PayloadOf } from '../records.ts';
import type { PlannedSideEffect, SideEffectResponse } from './plan.ts';
import type { Owner, RecordWriter } from './record-writer.ts';
import type { SessionTeam } from './staff.ts';

const MIN = 60_000;
/** How long a delirium pauses the infusion in the demo (the anesthesiologist's call). */
const PAUSE_MS = 15 * MIN;

type Drug = Pick<PayloadOf<'drug-given'>, 'drug' | 'drugName' | 'doseMg' | 'route'>;

const DRUGS: { readonly [R in SideEffectResponse]?: Drug } = {
  ondansetron: { drug: 'ondansetron', drugName: 'Ondansetron 4 mg/2 mL', doseMg: 4, route: 'IV' },
  // The paper gives no midazolam dose: 1 mg stands for the anesthesiologist's decision.
  midazolam: { drug: 'midazolam', drugName: 'Midazolam 5 mg/5 mL', doseMg: 1, route: 'IV' },
  'propofol-bolus': {
    drug: 'propofol-bolus',
    drugName: 'Propolipid 1 % (10 mg/mL)',
    doseMg: 30,
    route: 'IV',
  },
};

const RESPONSE_TEXT: { readonly [R in SideEffectResponse]: string } = {
  ondansetron: 'Ondansetron 4 mg IV; nausea improved, infusion continued.',
  midazolam: 'Midazolam IV; hallucinations resolved.',
  'propofol-bolus': 'Extra propofol 30 mg IV; nightmares resolved.',
  observe: 'Observed; resolved without treatment.',
  pause: 'Infusion paused and the anesthesiologist called; resolved, infusion resumed.',
  'stop-session': 'Infusion stopped and the anesthesiologist called; not well tolerated.',
};

/** Writes the side effect (and its drug and pump events) at `at`; says what it does to the infusion. */
export function writeSideEffect(
  w: RecordWriter,
  owner: Owner,
  planned: PlannedSideEffect,
  at: number,
  team: SessionTeam,
): { readonly stopsInfusion: boolean; readonly pauseMs: number } {
  const drug = DRUGS[planned.response];
  const sideEffectId = w.newId(at);
  const drugId = drug === undefined ? undefined : w.newId(at + MIN);
  const action =
    planned.response === 'pause'
      ? 'paused'
      : planned.response === 'stop-session'
        ? 'stopped'
        : 'continued';
  w.write(
    'side-effect',
    owner,
    {
      effect: planned.effect,
      ...(planned.effect === 'other' ? { otherText: 'Unspecified discomfort' } : {}),
      severity: planned.response === 'stop-session' ? 'moderate' : 'mild',
      responseTaken: RESPONSE_TEXT[planned.response],
      ...(drugId === undefined ? {} : { drugGivenRecordId: drugId }),
      decidedByStaffId: team.anesthesiologist,
      infusionAction: action,
    },
    at,
    team.nurse,
    { id: sideEffectId },
  );
  if (drug !== undefined && drugId !== undefined) {
    w.write(
      'drug-given',
      owner,
      {
        ...drug,
        orderedByStaffId: team.anesthesiologist,
        givenByStaffId: team.nurse,
        sideEffectRecordId: sideEffectId,
      },
      at + MIN,
      team.nurse,
      { id: drugId },
    );
  }
  if (planned.response === 'pause') {
    w.write(
      'infusion-event',
      owner,
      { event: 'pause', reason: 'Delirium: anesthesiologist called.' },
      at + MIN,
      team.nurse,
    );
    w.write(
      'infusion-event',
      owner,
      { event: 'resume', reason: 'Delirium resolved; anesthesiologist agrees to resume.' },
      at + MIN + PAUSE_MS,
      team.nurse,
    );
    return { stopsInfusion: false, pauseMs: PAUSE_MS };
  }
  return { stopsInfusion: planned.response === 'stop-session', pauseMs: 0 };
}
