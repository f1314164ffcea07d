/**
 * Infusion status and running time from the stored infusion events of one session (protocol.md
 * section 4 step 4: time comes from stored timestamps, never from a ticking counter). This is
 * the record-level summary used by session state and patient summaries; the running screen's
 * elapsed/remaining time and totals are infusion-timeline.ts, which takes `now`.
 */
import type { RecordOfKind } from '../records/registry.ts';

export type InfusionStatus = 'not-started' | 'running' | 'paused' | 'stopped';

export type InfusionStatusSummary = {
  readonly status: InfusionStatus;
  readonly startedAt: string | null;
  readonly stoppedAt: string | null;
  /** Pumps running time between start and stop, pauses excluded, in minutes (stopped only). */
  readonly runningMin: number | null;
  /** Events that cannot follow the state before them (e.g. resume while running). */
  readonly anomalies: readonly string[];
};

type Event = RecordOfKind<'infusion-event'>;
type Kind = Event['payload']['event'];

// Same transitions as infusion-timeline.ts: a rate may change while paused.
const ALLOWED: { readonly [S in InfusionStatus]: readonly Kind[] } = {
  'not-started': ['start'],
  running: ['pause', 'rate-change', 'stop'],
  paused: ['resume', 'rate-change', 'stop'],
  stopped: [],
};

/** Folds events (already ordered by clinical time) into a status and running minutes. */
export function infusionStatus(events: readonly Event[]): InfusionStatusSummary {
  let status: InfusionStatus = 'not-started';
  let startedAt: string | null = null;
  let stoppedAt: string | null = null;
  let runningMs = 0;
  let since = 0;
  const anomalies: string[] = [];
  for (const e of events) {
    const kind = e.payload.event;
    const at = Date.parse(e.clinicalTime);
    if (!ALLOWED[status].includes(kind)) {
      anomalies.push(`Infusion event "${kind}" at ${e.clinicalTime} cannot follow "${status}".`);
      continue;
    }
    if (status === 'running') runningMs += at - since;
    if (kind === 'start') startedAt = e.clinicalTime;
    if (kind === 'stop') stoppedAt = e.clinicalTime;
    status =
      kind === 'start' || kind === 'resume'
        ? 'running'
        : kind === 'pause'
          ? 'paused'
          : kind === 'stop'
            ? 'stopped'
            : status;
    since = at;
  }
  return {
    status,
    startedAt,
    stoppedAt,
    runningMin: status === 'stopped' ? runningMs / 60_000 : null,
    anomalies,
  };
}
