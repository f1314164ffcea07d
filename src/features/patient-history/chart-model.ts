/**
 * What a history chart shows, as plain data: one x array and series of y values (null = no
 * value at that x, drawn as a gap). Colours are theme variable names (src/ui/theme.css, plus two
 * chart-only ones in patient-history.css), read when the chart is drawn, so both themes apply. The same data fills the
 * table beside every chart (the chart is never the only place a value is shown).
 */
export type ChartColor =
  | '--accent'
  | '--text'
  | '--text-muted'
  | '--warning'
  | '--urgent'
  | '--ok'
  /** Chart-only colours (patient-history.css), for series the theme cannot tell apart. */
  | '--chart-violet'
  | '--chart-sand';

export type ChartSeries = {
  readonly label: string;
  readonly values: readonly (number | null)[];
  readonly color: ChartColor;
  /** Reference lines (thresholds, baselines) are dashed and have no points. */
  readonly reference?: boolean;
};

export type ChartSpec = {
  /** 'time': x in seconds since 1970; 'number': plain numbers (session number, minutes). */
  readonly xKind: 'time' | 'number';
  readonly x: readonly number[];
  readonly xLabel: string;
  readonly yLabel: string;
  readonly series: readonly ChartSeries[];
  /** Fixed y range, e.g. SpO2 80-100 %; otherwise fitted to the values. */
  readonly yRange?: readonly [number, number];
  /** Tick step of a numeric x axis that only has whole values (session numbers). */
  readonly xWholeNumbers?: boolean;
  /** Axis/legend text for an x value. */
  readonly formatX: (x: number) => string;
  readonly formatY: (y: number) => string;
};

/** A constant line across the chart (threshold or baseline). */
export const referenceLine = (
  label: string,
  value: number,
  color: ChartColor,
  length: number,
): ChartSeries => ({
  label,
  values: Array.from({ length }, () => value),
  color,
  reference: true,
});
