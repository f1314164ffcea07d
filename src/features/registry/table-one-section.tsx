/**
 * Table I of the paper as a real table: outcome by pain type among per-protocol patients,
 * cells "count (% of the column)" as the paper prints them, and Fisher's exact p
 * (Freeman-Halton, two-sided, 3 decimals: 0.280 on the paper's table).
 */
import type { PainTypeTable, RegistryReport } from '../../domain/registry/index.ts';
import { countPercent } from '../../domain/stats/index.ts';
import { useMessages } from '../../ui/i18n.ts';
import { usePreferences, type Locale } from '../../ui/preferences.ts';
import { Basis, CannotCompute } from './figure-view.tsx';
import { percentText, pValueText } from './format-stats.ts';
import { messages } from './messages.ts';
import { ScrollRegion } from '../../ui/scroll-region.tsx';

/** "7 (38.9 %)"; a bare count when the column is empty (no percentage of nothing). */
function cell(count: number, columnTotal: number, locale: Locale): string {
  const cp = countPercent(count, columnTotal);
  return cp.ok && columnTotal > 0
    ? `${count} (${percentText(cp.value.percent, locale)})`
    : `${count}`;
}

export function TableOneSection({ report }: { readonly report: RegistryReport }) {
  const t = useMessages(messages);
  const { tableI, tableIFisher } = report;
  return (
    <section className="card stack" aria-labelledby="registry-table-one">
      <h2 id="registry-table-one">{t.tableTitle}</h2>
      {tableI.ok ? (
        <TableOne table={tableI.value} fisher={tableIFisher} />
      ) : (
        <CannotCompute error={tableI.error} />
      )}
      <Basis figure={tableI} />
      <Basis figure={tableIFisher} />
    </section>
  );
}

function TableOne({
  table,
  fisher,
}: {
  readonly table: PainTypeTable;
  readonly fisher: RegistryReport['tableIFisher'];
}) {
  const t = useMessages(messages);
  const locale = usePreferences((s) => s.locale);
  const cols = table.columns.length;
  return (
    <ScrollRegion className="registry-scroll" labelledBy="registry-table-one">
      <table className="data registry-table-one" aria-labelledby="registry-table-one">
        <caption className="field__hint">{t.tableCellHint}</caption>
        <thead>
          <tr>
            <th scope="col">{t.outcome}</th>
            {table.columns.map((c) => (
              <th key={c} scope="col" className="num">
                {t[c]}
              </th>
            ))}
            <th scope="col" className="num">
              {t.total}
            </th>
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row, i) => (
            <tr key={row}>
              <th scope="row">{t[row]}</th>
              {table.columns.map((c, j) => (
                <td key={c} className="num">
                  {cell(table.counts[i]?.[j] ?? 0, table.columnTotals[j] ?? 0, locale)}
                </td>
              ))}
              <td className="num">{cell(table.rowTotals[i] ?? 0, table.total, locale)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t.total}</th>
            {table.columnTotals.map((n, j) => (
              <td key={table.columns[j]} className="num">
                {n}
              </td>
            ))}
            <td className="num">{table.total}</td>
          </tr>
          <tr className="registry-fisher">
            <th scope="row" colSpan={cols}>
              {t.fisherRow}
            </th>
            <td className="num" colSpan={2}>
              {fisher.ok ? <strong>{pValueText(fisher.value.pValue, locale)}</strong> : '—'}
            </td>
          </tr>
        </tfoot>
      </table>
      {fisher.ok ? null : <CannotCompute error={fisher.error} />}
    </ScrollRegion>
  );
}
