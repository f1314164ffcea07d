/**
 * The only module that imports uPlot (and its CSS): loaded lazily by chart-figure.tsx, so the
 * chart library is in its own chunk and only the history screen pulls it in. Draws a ChartSpec
 * on a canvas with the theme's colours; the figure around it names it and holds the table
 * with the same values. No zoom or drag (tablet, one hand): the legend shows values on touch.
 */
import { useEffect, useRef, useState, type RefObject } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { usePreferences } from '../../ui/preferences.ts';
import type { ChartSpec } from './chart-model.ts';

const HEIGHT = 240;
/**
 * A chart is drawn once it comes within this distance of the viewport. A long course puts the
 * sessions table first and every chart below the fold; drawing them there (uPlot lays out the
 * whole page to size its canvas) took a third of the heaviest histories' opening
 * (bench/browser/center.ts). A chart's height ahead, it is usually drawn before it scrolls into
 * view (one draw is 5-10 ms on a tablet).
 */
const DRAW_AHEAD_PX = HEIGHT;
const FALLBACK: Record<string, string> = {
  '--text': '#c9d1d9',
  '--border': '#30363d',
};

type Props = {
  readonly spec: ChartSpec;
  /** Accessible name of the drawing (the figure's caption). */
  readonly label: string;
  /** Id of the table holding the same values. */
  readonly describedBy?: string;
};

/** uPlot options for a spec; `color` resolves a theme variable to a CSS colour. */
export function chartOptions(
  spec: ChartSpec,
  color: (variable: string) => string,
  width: number,
): uPlot.Options {
  const text = color('--text');
  const grid = { stroke: color('--border'), width: 1 };
  const font = '14px system-ui, sans-serif';
  return {
    width,
    height: HEIGHT,
    cursor: { drag: { x: false, y: false }, points: { size: 8 } },
    // Values are in the table beside every chart; the legend only names the lines.
    legend: { live: false },
    scales: {
      x: { time: spec.xKind === 'time' },
      y: spec.yRange ? { range: [spec.yRange[0], spec.yRange[1]] } : {},
    },
    axes: [
      {
        stroke: text,
        grid,
        ticks: grid,
        font,
        labelFont: font,
        label: spec.xLabel,
        space: spec.xKind === 'time' ? 90 : 50,
        ...(spec.xWholeNumbers ? { incrs: [1, 2, 5, 10, 20, 50] } : {}),
        values: (_u, splits) => splits.map((v) => spec.formatX(v)),
      },
      {
        stroke: text,
        grid,
        ticks: grid,
        font,
        labelFont: font,
        label: spec.yLabel,
        // Room for the tick values and the axis label side by side.
        size: 84,
        labelSize: 24,
        values: (_u, splits) => splits.map((v) => spec.formatY(v)),
      },
    ],
    series: [
      { label: spec.xLabel, value: (_u, v) => (v == null ? '—' : spec.formatX(v)) },
      ...spec.series.map((s) => ({
        label: s.label,
        stroke: color(s.color),
        width: s.reference ? 1.5 : 2.5,
        ...(s.reference ? { dash: [8, 6], points: { show: false } } : { points: { size: 7 } }),
        value: (_u: uPlot, v: number | null) => (v == null ? '—' : spec.formatY(v)),
      })),
    ],
  };
}

/**
 * Whether `ref`'s element is near the viewport yet; stays true once it was. Without
 * IntersectionObserver (old engines, jsdom) everything counts as near and is drawn at once.
 */
function useNearViewport(ref: RefObject<HTMLElement | null>): boolean {
  const [near, setNear] = useState(() => typeof IntersectionObserver === 'undefined');
  useEffect(() => {
    const el = ref.current;
    if (near || !el) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) {
          observer.disconnect();
          setNear(true);
        } else {
          // The benchmark's "opened" waits for every chart to be drawn or known to wait.
          el.dataset.chart = 'waiting';
        }
      },
      { rootMargin: `${DRAW_AHEAD_PX}px 0px` },
    );
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref, near]);
  return near;
}

export function UplotChart({ spec, label, describedBy }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const theme = usePreferences((s) => s.theme);
  const near = useNearViewport(ref);
  useEffect(() => {
    const el = ref.current;
    if (!el || !near) return;
    // Read on the chart element: theme variables and the chart-only ones both resolve there.
    const css = getComputedStyle(el);
    const color = (v: string) => css.getPropertyValue(v).trim() || FALLBACK[v] || '#8b949e';
    const width = () => Math.max(280, el.clientWidth || 600);
    const data = [spec.x, ...spec.series.map((s) => s.values)] as unknown as uPlot.AlignedData;
    let drawnWidth = width();
    const plot = new uPlot(chartOptions(spec, color, drawnWidth), data, el);
    // Only a real change of width redraws: the observer also reports the first layout, and
    // redrawing all four charts at the size they already had showed in the history's
    // opening profile (bench/browser/center.ts).
    const observer =
      typeof ResizeObserver === 'undefined'
        ? null
        : new ResizeObserver(() => {
            if (width() === drawnWidth) return;
            drawnWidth = width();
            plot.setSize({ width: drawnWidth, height: HEIGHT });
          });
    observer?.observe(el);
    el.dataset.chart = 'drawn';
    return () => {
      observer?.disconnect();
      plot.destroy();
    };
  }, [spec, theme, near]);
  return (
    <div
      ref={ref}
      className="history-chart"
      role="img"
      aria-label={label}
      aria-describedby={describedBy}
    />
  );
}
