/**
 * One line per record for the timeline and the print: the stored values with their units,
 * formatted for the nurse's language (display only: nothing is recalculated or re-rounded
 * beyond display digits; pump rates are shown as stored, already in 0.1 mL/h steps, with their
 * one decimal).
 */
import type { ClinicalRecord } from '../../domain/records.ts';
import { RASS_SCALE } from '../../domain/sedation.ts';
import { SEVERITY_SCALE, SIDE_EFFECT_CATALOG } from '../../domain/side-effects.ts';
import { formatDay, formatNumber, formatQuantity, formatTime } from '../../ui/format.ts';
import { fill } from '../../ui/i18n.ts';
import type { Locale } from '../../ui/preferences.ts';
import type { RecordMessages } from './messages.ts';

export type SummaryContext = {
  readonly t: RecordMessages;
  readonly locale: Locale;
  readonly name: (staffId: string) => string;
};

type VitalsLike = {
  readonly systolicMmHg: number;
  readonly diastolicMmHg: number;
  readonly heartRatePerMin: number;
  readonly spo2Percent: number;
  readonly respiratoryRatePerMin?: number | null | undefined;
};

export function vitalsText(v: VitalsLike, { t }: SummaryContext): string {
  const base = fill(t.vitals, {
    sbp: v.systolicMmHg,
    dbp: v.diastolicMmHg,
    hr: v.heartRatePerMin,
    spo2: v.spo2Percent,
  });
  return v.respiratoryRatePerMin == null
    ? base
    : base + fill(t.vitalsRr, { rr: v.respiratoryRatePerMin });
}

export function rassText(score: number, { t, locale }: SummaryContext): string {
  const entry = RASS_SCALE.find((e) => e.score === score);
  const label = entry ? (locale === 'nl-BE' ? entry.labelNl : entry.label) : '';
  return fill(t.rass, { rass: score > 0 ? `+${score}` : String(score), label });
}

export const sideEffectLabel = (id: string, other: string | undefined, locale: Locale) => {
  const def = SIDE_EFFECT_CATALOG.find((d) => d.id === id);
  const label = def ? (locale === 'nl-BE' ? def.labelNl : def.label) : id;
  return other ? `${label}: ${other}` : label;
};

export const severityLabel = (id: string, locale: Locale) => {
  const s = SEVERITY_SCALE.find((x) => x.id === id);
  return s ? (locale === 'nl-BE' ? s.labelNl : s.label) : id;
};

/** The kind of a record in words ("Observation"); kinds without their own label: "Record". */
export function kindLabel(kind: string, t: RecordMessages): string {
  const key = `kind.${kind}`;
  return key in t ? t[key as keyof RecordMessages] : t['kind.other'];
}

/**
 * A pump rate as typed into the pump: always with its one decimal ("7.0 mL/h"), as the pump
 * and the dose plan show it (pump-entry.ts, 0.1 mL/h steps), so the record reads the same.
 */
export const pumpRate = (mlPerH: number, locale: Locale) =>
  `${formatNumber(mlPerH, locale, 1, 1)}\u00a0mL/h`;

/** The record's values in one line. */
export function summarize(r: ClinicalRecord, ctx: SummaryContext): string {
  const { t, locale, name } = ctx;
  const q = (v: number, unit: string, digits = 2) => formatQuantity(v, unit, locale, digits);
  const yn = (b: boolean) => (b ? t.yes : t.no);
  switch (r.kind) {
    case 'session':
      return fill(t.sessionOpened, {
        n: r.payload.sessionNumber,
        protocol: r.protocolKey,
        version: r.settingsVersion,
      });
    case 'checklist-item':
      return `${t[`item.${r.payload.item}`]}: ${r.payload.checked ? t.checkDone : t.checkNotDone}${r.payload.note ? ` — ${r.payload.note}` : ''}`;
    case 'weight':
      return fill(t.weightOf, {
        kg: q(r.payload.weightKg, 'kg', 1),
        time: formatTime(r.payload.measuredAt, locale),
      });
    case 'baseline-vitals':
      return vitalsText(r.payload, ctx);
    case 'dose-plan':
      return planText(r, ctx);
    case 'double-check': {
      const p = r.payload;
      const head = fill(t.doubleCheck, {
        name: name(p.checkerStaffId),
        k: pumpRate(p.enteredKetamineMlPerH, locale),
        p: pumpRate(p.enteredPropofolMlPerH, locale),
      });
      const result = p.matches
        ? t.doubleCheckMatch
        : fill(t.doubleCheckMismatch, { fields: p.mismatches.map((m) => m.field).join(', ') });
      return `${head} — ${result}`;
    }
    case 'sign-off':
      return fill(t.signOff, {
        name: name(r.payload.signedByStaffId),
        statement: r.payload.statement,
      });
    case 'infusion-event': {
      const p = r.payload;
      const k =
        p.ketamineRateMlPerH === undefined
          ? null
          : `ketamine ${pumpRate(p.ketamineRateMlPerH, locale)}`;
      const pr =
        p.propofolRateMlPerH === undefined
          ? null
          : `propofol ${pumpRate(p.propofolRateMlPerH, locale)}`;
      const text = fill(t[`event.${p.event}`], {
        k: p.ketamineRateMlPerH === undefined ? '—' : pumpRate(p.ketamineRateMlPerH, locale),
        p: p.propofolRateMlPerH === undefined ? '—' : pumpRate(p.propofolRateMlPerH, locale),
        rates: [k, pr].filter(Boolean).join(', '),
      });
      return p.reason ? text + fill(t.eventReason, { reason: p.reason }) : text;
    }
    case 'observation':
      return `${vitalsText(r.payload, ctx)}${rassText(r.payload.rass, ctx)} · ${r.payload.phase === 'infusion' ? t.phaseInfusion : t.phaseRecovery}`;
    case 'side-effect':
      return fill(t.sideEffect, {
        effect: sideEffectLabel(r.payload.effect, r.payload.otherText, locale),
        severity: severityLabel(r.payload.severity, locale),
        response: r.payload.responseTaken,
        name: name(r.payload.decidedByStaffId),
        action: t[`action.${r.payload.infusionAction}`],
      });
    case 'drug-given':
      return fill(t.drugGiven, {
        drug: r.payload.drugName,
        dose: q(r.payload.doseMg, 'mg'),
        route: r.payload.route,
        orderer: name(r.payload.orderedByStaffId),
        giver: name(r.payload.givenByStaffId),
      });
    case 'discharge': {
      const p = r.payload;
      const d = p.totalsDelivered;
      const parts = [
        fill(t.discharge, {
          score: p.aldreteScore,
          vitals: yn(p.vitalsWithinBaseline),
          escort: yn(p.escortPresent),
          driving: yn(p.noDrivingAdviceGiven),
          tolerated: yn(p.tolerated) + (p.toleranceNote ? ` (${p.toleranceNote})` : ''),
        }),
        fill(t.dischargeTotals, {
          kmg: q(d.ketamineMg, 'mg'),
          kml: q(d.ketamineMl, 'mL'),
          pmg: q(d.propofolMg, 'mg'),
          pml: q(d.propofolMl, 'mL'),
        }),
      ];
      if (p.nextAppointmentOn)
        parts.push(fill(t.dischargeNext, { date: formatDay(p.nextAppointmentOn, locale) }));
      return parts.join(' · ');
    }
    case 'outcome-answer': {
      const p = r.payload;
      const decision =
        p.decision === 'continue'
          ? t.decisionContinue
          : `${t.decisionDiscontinue}${p.discontinuationReason ? ` (${t[`reason.${p.discontinuationReason}`]}${p.reasonText ? `: ${p.reasonText}` : ''})` : ''}`;
      return fill(t.outcome, { pct: q(p.painImprovementPercent, '%', 1), decision });
    }
    default:
      return t.recorded;
  }
}

function planText(
  r: Extract<ClinicalRecord, { kind: 'dose-plan' }>,
  { t, locale }: SummaryContext,
) {
  const p = r.payload;
  const q = (v: number, unit: string, digits = 2) => formatQuantity(v, unit, locale, digits);
  const ketamine = fill(t.planKetamine, {
    dose: q(p.ketamineDoseMg, 'mg'),
    hours: q(p.infusionDurationH, 'h'),
    mgh: q(p.ketamineRateMgPerH, 'mg/h'),
    mgkgh: q(p.ketamineRateMgPerKgPerH, 'mg/kg/h', 3),
    stock: q(p.ketamineStockVolumeMl, 'mL'),
    product: q(p.ketamineProductConcentrationMgPerMl, 'mg/mL'),
    volume: q(p.preparationFinalVolumeMl, 'mL'),
    conc: q(p.ketaminePreparedConcentrationMgPerMl, 'mg/mL', 3),
    pump: pumpRate(p.pumpEntry.ketamineMlPerH, locale),
  });
  const propofol = fill(t.planPropofol, {
    rate: q(p.propofolRateMgPerKgPerH, 'mg/kg/h'),
    kg: q(p.weightKg, 'kg', 1),
    mgh: q(p.propofolRateMgPerH, 'mg/h'),
    ml: q(p.propofolPumpRateMlPerH, 'mL/h'),
    conc: q(p.propofolConcentrationMgPerMl, 'mg/mL'),
    pump: pumpRate(p.pumpEntry.propofolMlPerH, locale),
  });
  const deviation = p.deviation.isDeviation
    ? ` ${fill(t.planDeviation, { expected: q(p.expectedDoseMg, 'mg') })}`
    : '';
  return `${ketamine} ${propofol}${deviation}`;
}
