/**
 * What the discharge screen reads from the session's records, in the shapes the domain rules
 * take: pump events for `infusionTimeline` (concentrations from the dose plan, because the
 * event records carry only the mL/h typed into the pumps), the last observation as `Vitals`
 * for `assessDischarge`, and the session's calendar day for `proposeNextSession`. No rule is
 * decided here.
 */
import { format } from 'date-fns';
import {
  infusionTimeline,
  type InfusionEvent,
  type InfusionTimeline,
  type PumpSetting,
} from '../../domain/infusion-timeline.ts';
import type { RecordOfKind } from '../../domain/records.ts';
import type { Result } from '../../domain/result.ts';
import type { SessionState } from '../../domain/state/session-state.ts';
import type { Vitals } from '../../domain/vitals.ts';

type EventRecord = RecordOfKind<'infusion-event'>;
type PlanRecord = RecordOfKind<'dose-plan'>;

const pump = (rate: number | undefined, concentration: number): PumpSetting | undefined =>
  rate === undefined ? undefined : { rateMlPerH: rate, concentrationMgPerMl: concentration };

/** Stored pump events (clinical time order) as timeline events, with the plan's concentrations. */
export function timelineEvents(records: readonly EventRecord[], plan: PlanRecord): InfusionEvent[] {
  const kConc = plan.payload.ketaminePreparedConcentrationMgPerMl;
  const pConc = plan.payload.propofolConcentrationMgPerMl;
  return records.map((r): InfusionEvent => {
    const p = r.payload;
    if (p.event === 'start') {
      // The schema guarantees both rates on a start; a missing one is refused by the timeline.
      return {
        kind: 'start',
        at: r.clinicalTime,
        ketamine: pump(p.ketamineRateMlPerH, kConc) as PumpSetting,
        propofol: pump(p.propofolRateMlPerH, pConc) as PumpSetting,
      };
    }
    if (p.event === 'rate-change') {
      const ketamine = pump(p.ketamineRateMlPerH, kConc);
      const propofol = pump(p.propofolRateMlPerH, pConc);
      return {
        kind: 'rate-change',
        at: r.clinicalTime,
        ...(ketamine ? { ketamine } : {}),
        ...(propofol ? { propofol } : {}),
      };
    }
    return { kind: p.event, at: r.clinicalTime };
  });
}

/** The delivered totals as of `now` (null when there is no dose plan to take concentrations from). */
export function sessionTimeline(state: SessionState, now: Date): Result<InfusionTimeline> | null {
  const plan = state.currentDosePlan;
  if (plan === null) return null;
  return infusionTimeline(timelineEvents(state.infusionEvents, plan), {
    plannedDurationMin: plan.payload.infusionDurationH * 60,
    now,
  });
}

type VitalsPayload = {
  readonly systolicMmHg: number;
  readonly diastolicMmHg: number;
  readonly heartRatePerMin: number;
  readonly spo2Percent: number;
  readonly respiratoryRatePerMin?: number | null | undefined;
};

/** A stored vitals payload as `Vitals` (an RR never measured is null). */
export const vitalsOf = (p: VitalsPayload): Vitals => ({
  systolicMmHg: p.systolicMmHg,
  diastolicMmHg: p.diastolicMmHg,
  heartRatePerMin: p.heartRatePerMin,
  spo2Percent: p.spo2Percent,
  respiratoryRatePerMin: p.respiratoryRatePerMin ?? null,
});

/** The latest observation that counts (observations are in clinical time order). */
export const lastObservation = (state: SessionState): RecordOfKind<'observation'> | null =>
  state.observations.at(-1) ?? null;

/**
 * Today's session as a calendar day (YYYY-MM-DD, the tablet's local day): the day the infusion
 * started, else the day the session was opened. The next appointment counts from it.
 */
export function sessionDay(state: SessionState): string | null {
  const at = state.infusion.startedAt ?? state.session?.clinicalTime ?? null;
  return at === null ? null : format(new Date(at), 'yyyy-MM-dd');
}
