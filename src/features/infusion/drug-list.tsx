/**
 * Extra drugs given this session, latest first, with who ordered and who gave them. Dose and
 * route share a column as on a chart ("4 mg IV"), so the table fits a portrait tablet in Dutch.
 */
import type { RecordOfKind } from '../../domain/records/registry.ts';
import { staffName, useBedside } from '../../ui/bedside-context.tsx';
import { formatQuantity, formatTime } from '../../ui/format.ts';
import { useMessages } from '../../ui/i18n.ts';
import { usePreferences } from '../../ui/preferences.ts';
import { messages } from './messages.ts';
import { ScrollRegion } from '../../ui/scroll-region.tsx';

export function DrugList({ drugs }: { readonly drugs: readonly RecordOfKind<'drug-given'>[] }) {
  const t = useMessages(messages);
  const locale = usePreferences((s) => s.locale);
  const { staff } = useBedside();
  if (drugs.length === 0) return null;
  return (
    <section className="card stack" aria-labelledby="drug-list-title">
      <h2 id="drug-list-title">{t.drugListTitle}</h2>
      <ScrollRegion labelledBy="drug-list-title">
        <table className="data" aria-labelledby="drug-list-title">
          <thead>
            <tr>
              <th scope="col">{t.colTime}</th>
              <th scope="col">{t.drug}</th>
              <th scope="col">{t.colDoseRoute}</th>
              <th scope="col">{t.orderedBy}</th>
              <th scope="col">{t.givenBy}</th>
            </tr>
          </thead>
          <tbody>
            {[...drugs].reverse().map((d) => (
              <tr key={d.id}>
                <td>{formatTime(d.clinicalTime, locale)}</td>
                <td>{d.payload.drugName}</td>
                <td style={{ whiteSpace: 'nowrap' }}>
                  {formatQuantity(d.payload.doseMg, 'mg', locale, 3)} {d.payload.route}
                </td>
                <td>{staffName(staff, d.payload.orderedByStaffId)}</td>
                <td>{staffName(staff, d.payload.givenByStaffId)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </section>
  );
}
