/**
 * The running infusion, computed only from stored event timestamps and a `now` passed in
 * (protocol.md section 4, step 4: "elapsed and remaining time from stored timestamps (a
 * sleeping tablet must not lose time)"). Nothing counts ticks: if the tablet sleeps for an
 * hour, the next call with the new `now` gives the right elapsed time and totals.
 *
 * Totals actually delivered (step 5) integrate each pump's rate over the intervals it was
 * running: mL = mL/h x h, mg = mL/h x mg/mL x h. Every running interval is returned as a
 * segment so a screen can show the work (rate x time = volume) and a checker can redo it.
 */
import { checkNow, parseInstant } from './clinical-time.ts';
import { fail, ok, type Result } from './result.ts';
import {
  drugSegment,
  parsePump,
  type DrugTotal,
  type PumpSetting,
  type RunningSegment,
} from './infusion-segment.ts';
import { mg, minutesFromMs, ml, parseQuantity, type Minutes } from './units.ts';

export type { DrugSegment, DrugTotal, PumpSetting, RunningSegment } from './infusion-segment.ts';

export type InfusionEvent =
  | {
      readonly kind: 'start';
      /** Clinical time, ISO 8601 UTC instant. */
      readonly at: string;
      readonly ketamine: PumpSetting;
      readonly propofol: PumpSetting;
    }
  | {
      /** Gives the new setting of at least one pump; a pump left out keeps its setting. */
      readonly kind: 'rate-change';
      readonly at: string;
      readonly ketamine?: PumpSetting;
      readonly propofol?: PumpSetting;
    }
  | { readonly kind: 'pause' | 'resume' | 'stop'; readonly at: string };

export type InfusionState = 'not-started' | 'running' | 'paused' | 'stopped';

export type InfusionTimeline = {
  readonly state: InfusionState;
  readonly asOf: string;
  readonly startedAt: string | null;
  readonly stoppedAt: string | null;
  readonly plannedDurationMin: Minutes;
  /** Time the pumps actually ran, pauses excluded. */
  readonly elapsedRunningMin: Minutes;
  readonly pausedMin: Minutes;
  /** Planned minus elapsed running time; negative when it ran longer than planned. */
  readonly remainingMin: Minutes;
  /** Only while running: `now` + remaining. Unknown while paused. */
  readonly expectedEndAt: string | null;
  readonly totals: { readonly ketamine: DrugTotal; readonly propofol: DrugTotal };
  readonly segments: readonly RunningSegment[];
};

const ALLOWED: { readonly [S in InfusionState]: readonly InfusionEvent['kind'][] } = {
  'not-started': ['start'],
  running: ['pause', 'rate-change', 'stop'],
  // A rate may be changed on a paused pump; it applies from the resume.
  paused: ['resume', 'rate-change', 'stop'],
  stopped: [],
};

const refusal = (state: InfusionState, kind: InfusionEvent['kind']) =>
  state === 'stopped'
    ? `A "${kind}" cannot come after the infusion was stopped.`
    : state === 'not-started'
      ? `The first event must be a start, not "${kind}".`
      : kind === 'resume'
        ? 'A resume needs a pause before it: the infusion is running.'
        : kind === 'start'
          ? 'The infusion was already started; use resume or rate change.'
          : `A "${kind}" is not possible while the infusion is ${state}.`;

/** Event kinds and states as the Dutch messages name them. */
const KIND_NL: { readonly [K in InfusionEvent['kind']]: string } = {
  start: 'start',
  'rate-change': 'snelheidswijziging',
  pause: 'pauze',
  resume: 'hervatting',
  stop: 'stop',
};
const STATE_NL: { readonly [S in InfusionState]: string } = {
  'not-started': 'nog niet gestart is',
  running: 'loopt',
  paused: 'gepauzeerd is',
  stopped: 'gestopt is',
};

/** Dutch name of an event kind (a stored event of an unknown kind is named as it is). */
const kindNl = (kind: InfusionEvent['kind']): string => KIND_NL[kind] ?? kind;

const refusalNl = (state: InfusionState, kind: InfusionEvent['kind']) =>
  state === 'stopped'
    ? `Een "${kindNl(kind)}" kan niet meer nadat het infuus gestopt werd.`
    : state === 'not-started'
      ? `De eerste gebeurtenis moet een start zijn, geen "${kindNl(kind)}".`
      : kind === 'resume'
        ? 'Een hervatting vraagt eerst een pauze: het infuus loopt.'
        : kind === 'start'
          ? 'Het infuus werd al gestart; gebruik hervatten of snelheidswijziging.'
          : `Een "${kindNl(kind)}" is niet mogelijk terwijl het infuus ${STATE_NL[state]}.`;

/**
 * Elapsed running time, remaining time of `plannedDurationMin` (protocol: 240 min), state and
 * totals delivered per drug (mL, mg) as of `now`, from events in the order they were recorded.
 * Refuses (Result error naming `events[i]`) a sequence that cannot be true: not starting with
 * start, resume without pause, pause while paused, anything after stop, time going
 * backwards, an event later than `now`, or a bad rate/concentration.
 */
export function infusionTimeline(
  events: readonly InfusionEvent[],
  options: { readonly plannedDurationMin: number; readonly now: Date },
): Result<InfusionTimeline> {
  const nowR = checkNow(options.now);
  if (!nowR.ok) return nowR;
  const nowMs = nowR.value.getTime();
  const planned = parseQuantity(options.plannedDurationMin, {
    field: 'plannedDurationMin',
    label: 'Planned duration',
    labelNl: 'Geplande duur',
    unit: 'min',
  });
  if (!planned.ok) return planned;

  let state: InfusionState = 'not-started';
  type Pumps = { readonly ketamine: PumpSetting; readonly propofol: PumpSetting };
  // Asserted, not annotated: TS would otherwise narrow it to `null` for the whole loop.
  let pumps = null as Pumps | null;
  let lastMs = Number.NEGATIVE_INFINITY;
  let since = 0;
  let startedAt: string | null = null;
  let stoppedAt: string | null = null;
  let pausedMs = 0;
  const segments: RunningSegment[] = [];

  const close = (toMs: number, endsAtNow: boolean) => {
    if (state === 'paused') pausedMs += toMs - since;
    if (state !== 'running' || pumps === null) return;
    segments.push({
      from: new Date(since).toISOString(),
      to: new Date(toMs).toISOString(),
      endsAtNow,
      minutes: minutesFromMs(toMs - since),
      ketamine: drugSegment(pumps.ketamine, toMs - since),
      propofol: drugSegment(pumps.propofol, toMs - since),
    });
  };

  for (const [i, event] of events.entries()) {
    const at = parseInstant(
      event?.at,
      `events[${i}].at`,
      `Time of event ${i + 1}`,
      `Tijdstip van gebeurtenis ${i + 1}`,
    );
    if (!at.ok) return at;
    const ms = at.value.getTime();
    if (ms < lastMs) {
      return fail(
        'invalid-date',
        `events[${i}].at`,
        `Event ${i + 1} (${event.kind}) at ${event.at} is earlier than the event before it. Correct the time of one of them.`,
        `Gebeurtenis ${i + 1} (${kindNl(event.kind)}) om ${event.at} ligt vroeger dan de gebeurtenis ervoor. Corrigeer het tijdstip van een van beide.`,
      );
    }
    if (ms > nowMs) {
      return fail(
        'invalid-date',
        `events[${i}].at`,
        `Event ${i + 1} (${event.kind}) at ${event.at} is later than now. Check the time entered and the tablet clock.`,
        `Gebeurtenis ${i + 1} (${kindNl(event.kind)}) om ${event.at} ligt later dan nu. Controleer het ingevoerde tijdstip en de klok van de tablet.`,
      );
    }
    if (!ALLOWED[state].includes(event.kind)) {
      return fail(
        'invalid-choice',
        `events[${i}].kind`,
        refusal(state, event.kind),
        refusalNl(state, event.kind),
      );
    }
    close(ms, false);
    if (event.kind === 'start' || event.kind === 'rate-change') {
      const change = event.kind === 'rate-change';
      if (change && event.ketamine === undefined && event.propofol === undefined) {
        return fail(
          'required',
          `events[${i}].ketamine`,
          'A rate change must give the new rate of at least one pump.',
          'Een snelheidswijziging moet de nieuwe snelheid van minstens één pomp geven.',
        );
      }
      const k =
        change && event.ketamine === undefined
          ? null
          : parsePump(event.ketamine, `events[${i}].ketamine`, 'Ketamine', 'ketamine');
      if (k !== null && !k.ok) return k;
      const p =
        change && event.propofol === undefined
          ? null
          : parsePump(event.propofol, `events[${i}].propofol`, 'Propofol', 'propofol');
      if (p !== null && !p.ok) return p;
      // A rate change only follows a start (ALLOWED), so an omitted pump has a setting.
      const ketamine: PumpSetting | undefined = k?.value ?? pumps?.ketamine;
      const propofol: PumpSetting | undefined = p?.value ?? pumps?.propofol;
      if (ketamine === undefined || propofol === undefined) {
        return fail(
          'invalid-choice',
          `events[${i}].kind`,
          'A rate change needs a start before it.',
          'Een snelheidswijziging vraagt eerst een start.',
        );
      }
      pumps = { ketamine, propofol };
    }
    if (event.kind === 'start') {
      startedAt = event.at;
      state = 'running';
    } else if (event.kind === 'pause') state = 'paused';
    else if (event.kind === 'resume') state = 'running';
    else if (event.kind === 'stop') {
      stoppedAt = event.at;
      state = 'stopped';
    }
    since = ms;
    lastMs = ms;
  }
  if (state === 'running' || state === 'paused') close(nowMs, true);

  const runningMs = segments.reduce((sum, s) => sum + (Date.parse(s.to) - Date.parse(s.from)), 0);
  const elapsed = minutesFromMs(runningMs);
  const remaining = (planned.value - elapsed) as Minutes;
  const total = (drug: 'ketamine' | 'propofol'): DrugTotal => ({
    deliveredMl: ml(segments.reduce((sum, s) => sum + s[drug].deliveredMl, 0)),
    deliveredMg: mg(segments.reduce((sum, s) => sum + s[drug].deliveredMg, 0)),
  });
  return ok({
    state,
    asOf: nowR.value.toISOString(),
    startedAt,
    stoppedAt,
    plannedDurationMin: planned.value as Minutes,
    elapsedRunningMin: elapsed,
    pausedMin: minutesFromMs(pausedMs),
    remainingMin: remaining,
    expectedEndAt: state === 'running' ? new Date(nowMs + remaining * 60_000).toISOString() : null,
    totals: { ketamine: total('ketamine'), propofol: total('propofol') },
    segments,
  });
}
