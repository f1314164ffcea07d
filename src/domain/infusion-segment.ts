/**
 * One pump at a fixed setting over one running interval: the arithmetic the infusion timeline
 * shows as its work (mL = mL/h x h; mg = mL/h x mg/mL x h), through the named conversions of
 * units.ts only. No rounding: totals are for display and the registry, rounded at the edge.
 */
import { ok, type Result } from './result.ts';
import {
  hours,
  mgOver,
  mgPerHourOfMl,
  mgPerMl,
  mlOver,
  mlPerH,
  parseQuantity,
  type Mg,
  type MgPerH,
  type MgPerMl,
  type Minutes,
  type Ml,
  type MlPerH,
} from './units.ts';

export type PumpSetting = {
  readonly rateMlPerH: number;
  readonly concentrationMgPerMl: number;
};

export type DrugSegment = {
  readonly rateMlPerH: MlPerH;
  readonly concentrationMgPerMl: MgPerMl;
  readonly rateMgPerH: MgPerH;
  readonly deliveredMl: Ml;
  readonly deliveredMg: Mg;
};

/** One interval during which both pumps ran at fixed settings. */
export type RunningSegment = {
  readonly from: string;
  readonly to: string;
  /** True when the segment is still open and ends at `now`. */
  readonly endsAtNow: boolean;
  readonly minutes: Minutes;
  readonly ketamine: DrugSegment;
  readonly propofol: DrugSegment;
};

export type DrugTotal = { readonly deliveredMl: Ml; readonly deliveredMg: Mg };

/**
 * Parses one pump's rate (mL/h, 0 allowed) and concentration (mg/mL, > 0), naming `field`;
 * `drug` names the drug in the English messages, `drugNl` in the Dutch ones.
 */
export function parsePump(
  p: PumpSetting | undefined,
  field: string,
  drug: string,
  drugNl: string = drug,
): Result<PumpSetting> {
  // Zero rate allowed: one pump may be stopped while the other runs (e.g. propofol stopped).
  const rate = parseQuantity(p?.rateMlPerH, {
    field: `${field}.rateMlPerH`,
    label: `${drug} pump rate`,
    labelNl: `Pompsnelheid ${drugNl}`,
    unit: 'mL/h',
    allowZero: true,
  });
  if (!rate.ok) return rate;
  const conc = parseQuantity(p?.concentrationMgPerMl, {
    field: `${field}.concentrationMgPerMl`,
    label: `${drug} concentration`,
    labelNl: `Concentratie ${drugNl}`,
    unit: 'mg/mL',
  });
  if (!conc.ok) return conc;
  return ok({ rateMlPerH: rate.value, concentrationMgPerMl: conc.value });
}

/** What one pump delivered at a fixed setting over `ms` milliseconds: mL/h x h, x mg/mL. */
export function drugSegment(p: PumpSetting, ms: number): DrugSegment {
  const rate = mlPerH(p.rateMlPerH);
  const conc = mgPerMl(p.concentrationMgPerMl);
  const h = hours(ms / 3_600_000);
  const rateMgPerH = mgPerHourOfMl(rate, conc);
  return {
    rateMlPerH: rate,
    concentrationMgPerMl: conc,
    rateMgPerH,
    deliveredMl: mlOver(rate, h),
    deliveredMg: mgOver(rateMgPerH, h),
  };
}
