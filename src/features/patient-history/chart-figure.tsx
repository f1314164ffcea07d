/**
 * A named chart with its values in a table: the figure caption is the accessible name, the
 * canvas (uPlot, lazily loaded: its chunk is fetched only when a chart is shown) is described
 * by the table, and if the chart code cannot load the table still shows every value.
 */
import { Component, lazy, Suspense, useId, type ReactNode } from 'react';
import { useMessages } from '../../ui/i18n.ts';
import type { ChartSpec } from './chart-model.ts';
import { messages } from './messages.ts';

const UplotChart = lazy(() => import('./uplot-chart.tsx').then((m) => ({ default: m.UplotChart })));

type BoundaryProps = { readonly fallback: ReactNode; readonly children: ReactNode };

/** Shows `fallback` instead of the chart when its code fails to load or draw. */
class ChartBoundary extends Component<BoundaryProps, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override render() {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}

type Props = {
  readonly title: string;
  readonly spec: ChartSpec | null;
  /** Shown instead of the chart when there is nothing to draw. */
  readonly empty: string;
  /** Renders the table with the same values; `id` must be set on the table. */
  readonly table?: (id: string) => ReactNode;
  /** Or: the id of a table elsewhere on the screen holding the values. */
  readonly valuesTableId?: string;
  /** The table folds away under a "show the values" summary (it is long). */
  readonly foldTable?: boolean;
  /** The section heading already says the title: keep it only as the accessible name. */
  readonly captionHidden?: boolean;
};

export function ChartFigure({
  title,
  spec,
  empty,
  table,
  valuesTableId,
  foldTable,
  captionHidden,
}: Props) {
  const t = useMessages(messages);
  const captionId = useId();
  const ownTableId = useId();
  const tableId = valuesTableId ?? ownTableId;
  return (
    <figure className="history-figure" aria-labelledby={captionId}>
      <figcaption id={captionId} className={captionHidden ? 'visually-hidden' : undefined}>
        {title}
      </figcaption>
      {spec === null || spec.x.length === 0 ? (
        <p>{empty}</p>
      ) : (
        <>
          <ChartBoundary
            fallback={
              <p className="notice notice--warning" role="status">
                {t.chartFailed}
              </p>
            }
          >
            <Suspense fallback={<p role="status">{t.chartLoading}</p>}>
              <UplotChart spec={spec} label={title} describedBy={tableId} />
            </Suspense>
          </ChartBoundary>
          {table === undefined ? null : foldTable ? (
            <details className="history-values">
              <summary>{t.showValues}</summary>
              {table(tableId)}
            </details>
          ) : (
            table(tableId)
          )}
        </>
      )}
    </figure>
  );
}
