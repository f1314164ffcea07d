/**
 * Design (documented choice): the side-effect capture records WHAT was decided for the
 * infusion (continued, paused, rate changed, stopped) but never writes the pump event itself.
 * The pump events stay on the infusion controls, the one place that knows the infusion's
 * state, asks for the reason and confirms a stop; writing them from here too would make a
 * second path that could record a pause of an infusion that is already paused, or a stop
 * without its confirmation. Instead the panel reminds the nurse, until the matching event is
 * recorded, to use the infusion controls.
 *
 * This finds the side effect whose decided action has no matching pump event at or after the
 * side effect's clinical time (a pause recorded first and the side effect captured later
 * counts, since the pause came after the side effect happened).
 */
import type { RecordOfKind } from '../../domain/records/registry.ts';
import type { InfusionStatus } from '../../domain/state/infusion-status.ts';

type SideEffect = RecordOfKind<'side-effect'>;
type Event = RecordOfKind<'infusion-event'>;
export type PendingAction = {
  readonly sideEffect: SideEffect;
  readonly action: 'paused' | 'stopped' | 'rate-changed';
};

const SATISFIED_BY: {
  readonly [A in PendingAction['action']]: readonly Event['payload']['event'][];
} = {
  paused: ['pause', 'stop'],
  stopped: ['stop'],
  'rate-changed': ['rate-change', 'stop'],
};

/** The latest side effect whose infusion action still has to be recorded, or null. */
export function pendingInfusionAction(
  sideEffects: readonly SideEffect[],
  events: readonly Event[],
  status: InfusionStatus,
): PendingAction | null {
  if (status === 'not-started' || status === 'stopped') return null;
  for (const se of [...sideEffects].reverse()) {
    const action = se.payload.infusionAction;
    if (action === 'continued') continue;
    if (action === 'paused' && status === 'paused') continue;
    const done = events.some(
      (e) => SATISFIED_BY[action].includes(e.payload.event) && e.clinicalTime >= se.clinicalTime,
    );
    if (!done) return { sideEffect: se, action };
  }
  return null;
}
