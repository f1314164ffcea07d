/**
 * Liver follow-up (protocol.md section 7 [protocol]: "a blood test every 6 months: ALT, AST,
 * GGT, alkaline phosphatase, with the lab's upper limits of normal. Any new elevation is
 * recorded"; [default] ">= 3x the upper limit as urgent", from ketamine liver-injury reports).
 *
 * Definitions used here, precisely:
 * - elevated: value > the lab's ULN (a value equal to the ULN is normal);
 * - urgent:   value >= multiple x ULN (`CenterSettings.liverUrgentUlnMultiple`, default 3);
 * - new elevation: elevated now and not elevated on the previous panel, or elevated on the
 *   first panel we have (nothing shows it was elevated before, so it is recorded as new).
 * Paper's own case: GGT 39 U/L with lab normal < 36 U/L was an elevation.
 */
import { addMonths, differenceInCalendarDays, format } from 'date-fns';
import { parseCalendarDate } from './clinical-time.ts';
import { fail, ok, type Result } from './result.ts';
import { decimalsOf, parseQuantity } from './units.ts';

export const LIVER_ENZYMES = ['alt', 'ast', 'ggt', 'alp'] as const;
export type LiverEnzyme = (typeof LIVER_ENZYMES)[number];

/** LOINC codes, protocol.md section 9. */
export const LIVER_ENZYME_INFO: {
  readonly [E in LiverEnzyme]: {
    readonly label: string;
    readonly labelNl: string;
    readonly loinc: string;
  };
} = Object.freeze({
  alt: { label: 'ALT', labelNl: 'ALT', loinc: '1742-6' },
  ast: { label: 'AST', labelNl: 'AST', loinc: '1920-8' },
  ggt: { label: 'GGT', labelNl: 'GGT', loinc: '2324-2' },
  alp: { label: 'Alkaline phosphatase', labelNl: 'Alkalische fosfatase', loinc: '6768-6' },
});

/** [default] show "due soon" this many days before the due date (display choice). */
export const LIVER_DUE_SOON_DAYS = 30;

export type LiverTestStatus = 'ok' | 'due-soon' | 'overdue' | 'never-tested';

export type LiverTestDue = {
  /** YYYY-MM-DD: last test (or course start if never tested) + interval months. */
  readonly dueDate: string;
  /** Negative when overdue. */
  readonly daysUntilDue: number;
  readonly status: LiverTestStatus;
  readonly neverTested: boolean;
};

/**
 * When the next liver test is due: last test + `intervalMonths` (protocol: 6), or course start +
 * interval if never tested (date-fns addMonths: 31 Aug + 6 months = 28/29 Feb). Status priority:
 * overdue (today after the due date) > never-tested > due-soon (within `dueSoonDays`) > ok.
 * Dates are calendar dates YYYY-MM-DD; a last test after today is refused.
 */
export function liverTestDue(
  lastTestDate: string | null,
  courseStartDate: string,
  intervalMonths: number,
  today: string,
  dueSoonDays: number = LIVER_DUE_SOON_DAYS,
): Result<LiverTestDue> {
  const t = parseCalendarDate(today, 'today', 'Today', 'Vandaag');
  if (!t.ok) return t;
  const start = parseCalendarDate(
    courseStartDate,
    'courseStartDate',
    'Course start date',
    'Startdatum van de behandeling',
  );
  if (!start.ok) return start;
  if (!Number.isInteger(intervalMonths) || intervalMonths < 1 || intervalMonths > 24) {
    return fail(
      'invalid-choice',
      'liverTestIntervalMonths',
      'The liver test interval must be a whole number of months (1-24). Check the protocol.',
      'Het interval tussen levertesten moet een geheel aantal maanden zijn (1-24). Controleer het protocol.',
    );
  }
  if (!Number.isInteger(dueSoonDays) || dueSoonDays < 0)
    return fail(
      'invalid-choice',
      'dueSoonDays',
      'The "due soon" window must be 0 or more whole days.',
      'De periode "binnenkort te doen" moet 0 of meer hele dagen zijn.',
    );
  let from = start.value;
  if (lastTestDate !== null) {
    const last = parseCalendarDate(
      lastTestDate,
      'lastTestDate',
      'Last liver test date',
      'Datum van de laatste levertest',
    );
    if (!last.ok) return last;
    if (last.value > t.value)
      return fail(
        'invalid-date',
        'lastTestDate',
        'The last liver test date is after today. Check the date.',
        'De datum van de laatste levertest ligt na vandaag. Controleer de datum.',
      );
    from = last.value;
  }
  const due = addMonths(from, intervalMonths);
  const days = differenceInCalendarDays(due, t.value);
  const neverTested = lastTestDate === null;
  const status: LiverTestStatus =
    days < 0 ? 'overdue' : neverTested ? 'never-tested' : days <= dueSoonDays ? 'due-soon' : 'ok';
  return ok({ dueDate: format(due, 'yyyy-MM-dd'), daysUntilDue: days, status, neverTested });
}

export type LiverPanelInput = {
  readonly [E in LiverEnzyme as `${E}UPerL` | `${E}UlnUPerL`]: unknown;
};
export type LiverPanel = { readonly [E in LiverEnzyme as `${E}UPerL` | `${E}UlnUPerL`]: number };

export type LiverEnzymeFlag = {
  readonly enzyme: LiverEnzyme;
  readonly loinc: string;
  readonly valueUPerL: number;
  readonly ulnUPerL: number;
  /** value / ULN, for display; decisions use exact comparisons, not this ratio. */
  readonly multipleOfUln: number;
  readonly elevated: boolean;
  readonly urgent: boolean;
  readonly newElevation: boolean;
};

/** Parses a full panel: four values (U/L, 0 allowed) and four lab ULNs (U/L, > 0). */
export function parseLiverPanel(input: LiverPanelInput, prefix = ''): Result<LiverPanel> {
  const out: Record<string, number> = {};
  for (const e of LIVER_ENZYMES) {
    const { label, labelNl } = LIVER_ENZYME_INFO[e];
    const v = parseQuantity(input[`${e}UPerL`], {
      field: `${prefix}${e}UPerL`,
      label,
      labelNl,
      unit: 'U/L',
      allowZero: true,
      maxDecimals: 1,
    });
    if (!v.ok) return v;
    const u = parseQuantity(input[`${e}UlnUPerL`], {
      field: `${prefix}${e}UlnUPerL`,
      label: `${label} upper limit of normal`,
      labelNl: `Bovengrens van normaal (ULN) voor ${labelNl}`,
      unit: 'U/L',
      maxDecimals: 1,
    });
    if (!u.ok) return u;
    out[`${e}UPerL`] = v.value;
    out[`${e}UlnUPerL`] = u.value;
  }
  return ok(out as LiverPanel);
}

// Exact for numbers with at most one decimal (enforced by parsing): not a clinical rounding.
const tenths = (n: number) => Math.round(n * 10);

/**
 * Flags each enzyme: elevated (> ULN), urgent (>= `urgentUlnMultiple` x ULN) and new
 * elevation versus the previous panel (see header). Units U/L. Source: protocol.md section 7.
 */
export function assessLiverPanel(
  panel: LiverPanelInput,
  previous: LiverPanelInput | null,
  urgentUlnMultiple: number,
): Result<readonly LiverEnzymeFlag[]> {
  if (
    typeof urgentUlnMultiple !== 'number' ||
    !Number.isFinite(urgentUlnMultiple) ||
    urgentUlnMultiple <= 1 ||
    decimalsOf(urgentUlnMultiple) > 1
  ) {
    return fail(
      'invalid-choice',
      'liverUrgentUlnMultiple',
      'The urgent multiple of the upper limit must be a number above 1 with at most one decimal. Check the center settings.',
      'Het dringende veelvoud van de bovengrens van normaal (ULN) moet een getal boven 1 zijn met hoogstens één cijfer na de komma. Controleer de instellingen van het centrum.',
    );
  }
  const now = parseLiverPanel(panel);
  if (!now.ok) return now;
  let prev: LiverPanel | null = null;
  if (previous !== null) {
    const p = parseLiverPanel(previous, 'previous.');
    if (!p.ok) return p;
    prev = p.value;
  }
  return ok(
    LIVER_ENZYMES.map((e) => {
      const value = now.value[`${e}UPerL`];
      const uln = now.value[`${e}UlnUPerL`];
      const elevated = value > uln;
      const wasElevated = prev !== null && prev[`${e}UPerL`] > prev[`${e}UlnUPerL`];
      // Values, ULNs and the multiple have at most one decimal (parsed so): compare in whole
      // tenths, so 105.3 vs 3 x 35.1 is decided exactly, not by floating-point noise.
      const urgent = tenths(value) * 10 >= tenths(urgentUlnMultiple) * tenths(uln);
      return {
        enzyme: e,
        loinc: LIVER_ENZYME_INFO[e].loinc,
        valueUPerL: value,
        ulnUPerL: uln,
        multipleOfUln: value / uln,
        elevated,
        urgent,
        newElevation: elevated && !wasElevated,
      };
    }),
  );
}
