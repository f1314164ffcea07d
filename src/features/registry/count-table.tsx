/** A registry table of counts with their percentage: one row per category, numbers right-aligned. */
import { useMessages } from '../../ui/i18n.ts';
import { usePreferences } from '../../ui/preferences.ts';
import { percentText } from './format-stats.ts';
import { messages } from './messages.ts';

export type CountRow = {
  readonly key: string;
  readonly label: string;
  readonly count: number;
  /** 0-100. */
  readonly percent: number;
};

type Props = {
  readonly heading: string;
  readonly countHeading: string;
  readonly rows: readonly CountRow[];
};

export function CountTable({ heading, countHeading, rows }: Props) {
  const t = useMessages(messages);
  const locale = usePreferences((s) => s.locale);
  return (
    <table className="data">
      <thead>
        <tr>
          <th scope="col">{heading}</th>
          <th scope="col" className="num">
            {countHeading}
          </th>
          <th scope="col" className="num">
            {t.percent}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key}>
            <th scope="row">{r.label}</th>
            <td className="num">{r.count}</td>
            <td className="num">{percentText(r.percent, locale)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
