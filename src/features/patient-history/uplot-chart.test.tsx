// jsdom has no canvas, so uPlot itself is replaced by a recording double: these tests check
// what the wrapper hands to uPlot (data, series, theme colours, no zoom) and that it cleans up,
// and that ChartFigure loads the chart lazily next to its table.
import { act, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ChartFigure } from './chart-figure.tsx';
import { referenceLine, type ChartSpec } from './chart-model.ts';
import { chartOptions, UplotChart } from './uplot-chart.tsx';

const uplot = vi.hoisted(() => ({
  created: [] as { opts: unknown; data: unknown; el: HTMLElement }[],
  destroyed: 0,
  resized: [] as unknown[],
}));
vi.mock('uplot', () => ({
  default: class {
    constructor(opts: unknown, data: unknown, el: HTMLElement) {
      uplot.created.push({ opts, data, el });
    }
    setSize(size: unknown) {
      uplot.resized.push(size);
    }
    destroy() {
      uplot.destroyed += 1;
    }
  },
}));

const spec: ChartSpec = {
  xKind: 'number',
  x: [2, 3],
  xLabel: 'After administration',
  yLabel: '% improvement',
  yRange: [-100, 100],
  xWholeNumbers: true,
  formatX: (x) => `#${x}`,
  formatY: (y) => `${y} %`,
  series: [
    { label: 'Pain improvement', values: [40, null], color: '--accent' },
    referenceLine('50 % (favorable outcome)', 50, '--ok', 2),
  ],
};

describe('UplotChart', () => {
  it('draws the spec once with its data, named and described by the values table', () => {
    uplot.created.length = 0;
    const { unmount } = render(<UplotChart spec={spec} label="Pain chart" describedBy="t1" />);
    const img = screen.getByRole('img', { name: 'Pain chart' });
    expect(img).toHaveAttribute('aria-describedby', 't1');
    expect(uplot.created).toHaveLength(1);
    expect(uplot.created[0]?.el).toBe(img);
    expect(uplot.created[0]?.data).toEqual([
      [2, 3],
      [40, null],
      [50, 50],
    ]);
    const before = uplot.destroyed;
    unmount();
    expect(uplot.destroyed).toBe(before + 1);
  });

  it('redraws only when its width really changes', () => {
    const observed: (() => void)[] = [];
    vi.stubGlobal(
      'ResizeObserver',
      class {
        constructor(callback: () => void) {
          observed.push(callback);
        }
        observe() {}
        disconnect() {}
      },
    );
    try {
      uplot.resized.length = 0;
      render(<UplotChart spec={spec} label="Pain chart" />);
      const img = screen.getByRole('img', { name: 'Pain chart' });
      const report = () => observed.forEach((callback) => callback());
      // The first report (the layout it was drawn at) changes nothing.
      report();
      expect(uplot.resized).toEqual([]);
      Object.defineProperty(img, 'clientWidth', { configurable: true, value: 700 });
      report();
      report();
      expect(uplot.resized).toEqual([{ width: 700, height: 240 }]);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('waits to draw until it comes near the viewport, then draws once', () => {
    type Report = (entries: { isIntersecting: boolean }[]) => void;
    const observers: { report: Report; options: unknown; disconnected: boolean }[] = [];
    vi.stubGlobal(
      'IntersectionObserver',
      class {
        entry: (typeof observers)[number];
        constructor(report: Report, options: unknown) {
          this.entry = { report, options, disconnected: false };
          observers.push(this.entry);
        }
        observe() {}
        disconnect() {
          this.entry.disconnected = true;
        }
      },
    );
    try {
      uplot.created.length = 0;
      render(<UplotChart spec={spec} label="Pain chart" />);
      const img = screen.getByRole('img', { name: 'Pain chart' });
      expect(observers).toHaveLength(1);
      expect(observers[0]?.options).toEqual({ rootMargin: '240px 0px' });
      const report = (isIntersecting: boolean) =>
        act(() => observers[0]?.report([{ isIntersecting }]));
      report(false);
      expect(uplot.created).toHaveLength(0);
      expect(img).toHaveAttribute('data-chart', 'waiting');
      report(true);
      expect(uplot.created).toHaveLength(1);
      expect(img).toHaveAttribute('data-chart', 'drawn');
      expect(observers[0]?.disconnected).toBe(true);
      // Scrolling away and back does not draw it again.
      report(false);
      report(true);
      expect(uplot.created).toHaveLength(1);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('uses theme colours, dashes reference lines and allows no zoom', () => {
    const colors: Record<string, string> = { '--accent': '#7fb3d5', '--ok': '#6fbf8e' };
    const opts = chartOptions(spec, (v) => colors[v] ?? '#000', 500);
    expect(opts.width).toBe(500);
    expect(opts.cursor?.drag).toEqual({ x: false, y: false });
    expect(opts.scales?.y?.range).toEqual([-100, 100]);
    expect(opts.series.map((s) => [s.label, s.stroke, s.dash])).toEqual([
      ['After administration', undefined, undefined],
      ['Pain improvement', '#7fb3d5', undefined],
      ['50 % (favorable outcome)', '#6fbf8e', [8, 6]],
    ]);
    const yValues = opts.axes?.[1]?.values as (u: unknown, splits: number[]) => string[];
    expect(yValues(null, [0, 50])).toEqual(['0 %', '50 %']);
  });
});

describe('ChartFigure', () => {
  it('loads the chart lazily and always shows the table', async () => {
    render(
      <ChartFigure
        title="Pain improvement"
        spec={spec}
        empty="Nothing"
        table={(id) => (
          <table id={id} aria-label="Values">
            <tbody>
              <tr>
                <td>40 %</td>
              </tr>
            </tbody>
          </table>
        )}
      />,
    );
    expect(screen.getByRole('figure', { name: 'Pain improvement' })).toBeInTheDocument();
    expect(screen.getByRole('table', { name: 'Values' })).toBeInTheDocument();
    const img = await screen.findByRole('img', { name: 'Pain improvement' });
    expect(img).toHaveAttribute('aria-describedby', screen.getByRole('table').id);
  });

  it('says there is nothing to draw instead of an empty chart', () => {
    render(<ChartFigure title="Pain" spec={null} empty="No answers yet." />);
    expect(screen.getByText('No answers yet.')).toBeInTheDocument();
    expect(screen.queryByRole('img')).toBeNull();
  });
});
