/**
 * Entering a liver blood test and reading a patient's liver trend (protocol.md section 7:
 * "ALT, AST, GGT, alkaline phosphatase, with the lab's upper limits of normal. Any new
 * elevation is recorded; [default] flag >= 3x the upper limit as urgent"). The rules
 * themselves (elevated, urgent, new elevation) are liver.ts; this file checks a typed entry
 * and applies them panel after panel.
 */
import { parseCalendarDate } from './clinical-time.ts';
import {
  assessLiverPanel,
  parseLiverPanel,
  type LiverEnzymeFlag,
  type LiverPanel,
  type LiverPanelInput,
} from './liver.ts';
import { fail, ok, type Result } from './result.ts';

export type LiverTestEntryInput = LiverPanelInput & { readonly sampledOn: unknown };
export type LiverTestEntry = LiverPanel & { readonly sampledOn: string };

/**
 * Checks a typed liver panel: the sample date (YYYY-MM-DD, not after `today`), four values in
 * U/L (0 allowed, at most one decimal) and four lab ULNs in U/L (> 0). Text with a unit or
 * anything that is not a plain number is refused with the field and what to do; nothing is
 * rounded. Source: protocol.md section 7.
 */
export function parseLiverTestEntry(
  input: LiverTestEntryInput,
  today: string,
): Result<LiverTestEntry> {
  const t = parseCalendarDate(today, 'today', 'Today', 'Vandaag');
  if (!t.ok) return t;
  const date = parseCalendarDate(
    input.sampledOn,
    'sampledOn',
    'The sample date',
    'De datum van de staalname',
  );
  if (!date.ok) return date;
  if (date.value > t.value) {
    return fail(
      'invalid-date',
      'sampledOn',
      'The sample date is after today. Enter the date the blood was taken, as on the lab report.',
      'De datum van de staalname ligt na vandaag. Vul de datum in waarop het bloed werd afgenomen, zoals op het labverslag.',
    );
  }
  const panel = parseLiverPanel(input);
  if (!panel.ok) return panel;
  return ok({ ...panel.value, sampledOn: input.sampledOn as string });
}

export type LiverTrendPoint<T> = {
  readonly test: T;
  readonly sampledOn: string;
  readonly flags: readonly LiverEnzymeFlag[];
  readonly anyElevated: boolean;
  readonly anyNewElevation: boolean;
  readonly anyUrgent: boolean;
};

type Panelled = LiverPanelInput & { readonly sampledOn: string };

/**
 * The patient's panels ordered by sample date (ties keep the given order), each assessed
 * against the one before it (liver.ts assessLiverPanel; `urgentUlnMultiple` from the center
 * settings, [default] 3). A panel that cannot be assessed is a Result error naming it.
 */
export function liverTrend<T>(
  tests: readonly T[],
  panelOf: (test: T) => Panelled,
  urgentUlnMultiple: number,
): Result<readonly LiverTrendPoint<T>[]> {
  const ordered = tests
    .map((test, i) => ({ test, i, panel: panelOf(test) }))
    .sort((a, b) =>
      a.panel.sampledOn < b.panel.sampledOn
        ? -1
        : a.panel.sampledOn > b.panel.sampledOn
          ? 1
          : a.i - b.i,
    );
  const out: LiverTrendPoint<T>[] = [];
  let previous: Panelled | null = null;
  for (const { test, panel } of ordered) {
    const flags = assessLiverPanel(panel, previous, urgentUlnMultiple);
    if (!flags.ok) {
      return fail(
        flags.error.code,
        flags.error.field,
        `Liver test of ${panel.sampledOn}: ${flags.error.message}`,
        `Levertest van ${panel.sampledOn}: ${flags.error.messageNl ?? flags.error.message}`,
      );
    }
    out.push({
      test,
      sampledOn: panel.sampledOn,
      flags: flags.value,
      anyElevated: flags.value.some((f) => f.elevated),
      anyNewElevation: flags.value.some((f) => f.newElevation),
      anyUrgent: flags.value.some((f) => f.urgent),
    });
    previous = panel;
  }
  return ok(out);
}
