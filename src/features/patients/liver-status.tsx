/**
 * Liver follow-up (protocol.md section 7): a blood test every `intervalMonths` (protocol: 6)
 * from the last test, or from the course start when never tested; overdue is shown plainly.
 */
import { liverTestDue } from '../../domain/liver.ts';
import { formatDay } from '../../ui/format.ts';
import { errorText, fill, useMessages } from '../../ui/i18n.ts';
import { usePreferences } from '../../ui/preferences.ts';
import { messages } from './messages.ts';

type Props = {
  /** YYYY-MM-DD of the latest liver test, or null. */
  readonly lastTestDate: string | null;
  readonly courseStartDate: string;
  readonly intervalMonths: number;
  readonly today: string;
};

export function LiverStatus({ lastTestDate, courseStartDate, intervalMonths, today }: Props) {
  const t = useMessages(messages);
  const locale = usePreferences((s) => s.locale);
  const due = liverTestDue(lastTestDate, courseStartDate, intervalMonths, today);
  if (!due.ok) {
    return (
      <p className="notice notice--warning" role="status">
        {fill(t.liverUnknown, { message: errorText(due.error, locale) })}
      </p>
    );
  }
  const date = formatDay(due.value.dueDate, locale);
  switch (due.value.status) {
    case 'overdue':
      return (
        <p className="notice notice--urgent" role="alert">
          <strong>{fill(t.liverOverdue, { date })}</strong>
        </p>
      );
    case 'never-tested':
      return (
        <p className="notice notice--warning" role="status">
          {fill(t.liverNeverTested, { date })}
        </p>
      );
    case 'due-soon':
      return (
        <p className="notice notice--warning" role="status">
          {fill(t.liverDueSoon, { date })}
        </p>
      );
    case 'ok':
      return <p className="notice notice--ok">{fill(t.liverOk, { date })}</p>;
  }
}
