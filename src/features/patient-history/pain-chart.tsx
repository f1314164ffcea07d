/**
 * % pain improvement across the course (protocol.md section 5), one point per answer, placed
 * after the administration it follows, with the 50 % line of the favorable-outcome definition.
 * The same values are in the table under the chart.
 */
import { useMemo } from 'react';
import { formatDay, formatNumber, formatQuantity } from '../../ui/format.ts';
import { useMessages } from '../../ui/i18n.ts';
import { usePreferences } from '../../ui/preferences.ts';
import { ChartFigure } from './chart-figure.tsx';
import { referenceLine, type ChartSpec } from './chart-model.ts';
import type { PainPoint } from './history-data.ts';
import { decisionText, localDay } from './history-sessions-table.tsx';
import { messages } from './messages.ts';

/** Favorable outcome: pain reduction >= 50 % (protocol.md section 5). A reference line only. */
const FAVORABLE_PERCENT = 50;

export function PainChart({ points }: { readonly points: readonly PainPoint[] }) {
  const t = useMessages(messages);
  const locale = usePreferences((s) => s.locale);
  const spec = useMemo<ChartSpec | null>(() => {
    if (points.length === 0) return null;
    return {
      xKind: 'number',
      // Two answers after the same administration are kept apart by a small offset, never
      // merged: each stored answer is drawn.
      x: points.map((p, i) => p.afterAdministration + 0.001 * i),
      xLabel: t.painX,
      yLabel: t.painY,
      yRange: [-100, 100],
      xWholeNumbers: true,
      formatX: (x) => formatNumber(Math.floor(x), locale),
      formatY: (y) => formatQuantity(y, '%', locale, 0),
      series: [
        {
          label: t.painSeries,
          values: points.map((p) => p.answer.payload.painImprovementPercent),
          color: '--accent',
        },
        referenceLine(t.painFavorable, FAVORABLE_PERCENT, '--ok', points.length),
      ],
    };
  }, [points, t, locale]);

  return (
    <section className="card stack" aria-labelledby="history-pain">
      <h2 id="history-pain">{t.painTitle}</h2>
      <ChartFigure
        title={t.painTitle}
        spec={spec}
        empty={t.painEmpty}
        foldTable
        captionHidden
        table={(id) => (
          <table className="data" id={id} aria-label={t.painTitle}>
            <thead>
              <tr>
                <th scope="col">{t.colAfter}</th>
                <th scope="col">{t.colDate}</th>
                <th scope="col" className="num">
                  {t.colImprovement}
                </th>
                <th scope="col">{t.colDecision}</th>
              </tr>
            </thead>
            <tbody>
              {points.map((p) => (
                <tr key={p.answer.id}>
                  <td>{p.afterAdministration}</td>
                  <td>{formatDay(localDay(p.answer.clinicalTime), locale)}</td>
                  <td className="num">
                    {formatQuantity(p.answer.payload.painImprovementPercent, '%', locale)}
                  </td>
                  <td>{decisionText(t, p.answer)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      />
    </section>
  );
}
