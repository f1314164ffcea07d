/**
 * Stored `infusion-event` records as the events `infusionTimeline` reads (domain
 * infusion-timeline.ts), and the pump rates in force. The concentrations come from the signed
 * dose plan: the records carry only the mL/h typed into the pumps, and mg totals need the
 * prepared ketamine concentration and the propofol product concentration of that plan.
 */
import type { InfusionEvent, PumpSetting } from '../../domain/infusion-timeline.ts';
import type { RecordOfKind } from '../../domain/records/registry.ts';

type EventRecord = RecordOfKind<'infusion-event'>;
type PlanRecord = RecordOfKind<'dose-plan'>;

export type PumpRates = { readonly ketamineMlPerH: number; readonly propofolMlPerH: number };

const pump = (rate: number | undefined, concentration: number): PumpSetting | undefined =>
  rate === undefined ? undefined : { rateMlPerH: rate, concentrationMgPerMl: concentration };

/** Events in stored (clinical time) order, with the plan's concentrations. */
export function toTimelineEvents(
  records: readonly EventRecord[],
  plan: PlanRecord,
): InfusionEvent[] {
  const kConc = plan.payload.ketaminePreparedConcentrationMgPerMl;
  const pConc = plan.payload.propofolConcentrationMgPerMl;
  return records.map((r): InfusionEvent => {
    const p = r.payload;
    const at = r.clinicalTime;
    if (p.event === 'start') {
      // The schema guarantees both rates on a start; a missing one fails in the timeline.
      return {
        kind: 'start',
        at,
        ketamine: pump(p.ketamineRateMlPerH, kConc) as PumpSetting,
        propofol: pump(p.propofolRateMlPerH, pConc) as PumpSetting,
      };
    }
    if (p.event === 'rate-change') {
      const ketamine = pump(p.ketamineRateMlPerH, kConc);
      const propofol = pump(p.propofolRateMlPerH, pConc);
      return {
        kind: 'rate-change',
        at,
        ...(ketamine ? { ketamine } : {}),
        ...(propofol ? { propofol } : {}),
      };
    }
    return { kind: p.event, at };
  });
}

/**
 * Rates set on the pumps now: the start's rates, then each rate change (a pump left out keeps
 * its rate). Before the start, the plan's pump entry (what is to be set). Stored values only:
 * nothing recalculated here.
 */
export function currentPumpRates(
  records: readonly EventRecord[],
  plan: PlanRecord | null,
): PumpRates | null {
  let rates: PumpRates | null = plan
    ? {
        ketamineMlPerH: plan.payload.pumpEntry.ketamineMlPerH,
        propofolMlPerH: plan.payload.pumpEntry.propofolMlPerH,
      }
    : null;
  for (const r of records) {
    const p = r.payload;
    if (p.event !== 'start' && p.event !== 'rate-change') continue;
    rates = {
      ketamineMlPerH: p.ketamineRateMlPerH ?? rates?.ketamineMlPerH ?? NaN,
      propofolMlPerH: p.propofolRateMlPerH ?? rates?.propofolMlPerH ?? NaN,
    };
  }
  return rates;
}
