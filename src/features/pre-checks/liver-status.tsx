/**
 * When the patient's next liver blood test is due (protocol.md section 7, liver.ts
 * liverTestDue): last test (or course start) + the protocol's interval. Overdue is a warning
 * with the date; it does not stop the session (the anesthesiologist decides).
 */
import { format } from 'date-fns';
import { liverTestDue } from '../../domain/liver.ts';
import type { RecordOfKind } from '../../domain/records.ts';
import { formatDay } from '../../ui/format.ts';
import { errorText, fill } from '../../ui/i18n.ts';
import type { Locale } from '../../ui/preferences.ts';
import type { PreChecksMessages } from './messages.ts';

type Props = {
  readonly liverTests: readonly RecordOfKind<'liver-test'>[];
  /** YYYY-MM-DD, or null when the patient has no course record. */
  readonly courseStartDate: string | null;
  readonly intervalMonths: number;
  readonly now: Date;
  readonly t: PreChecksMessages;
  readonly locale: Locale;
};

const NOTICE = {
  ok: 'notice notice--ok',
  'due-soon': 'notice notice--warning',
  'never-tested': 'notice notice--warning',
  overdue: 'notice notice--warning',
} as const;

export function LiverStatus({
  liverTests,
  courseStartDate,
  intervalMonths,
  now,
  t,
  locale,
}: Props) {
  const last = liverTests.reduce<string | null>(
    (max, r) => (max === null || r.payload.sampledOn > max ? r.payload.sampledOn : max),
    null,
  );
  const title = <p className="field__hint">{fill(t.liverTitle, { months: intervalMonths })}</p>;
  if (courseStartDate === null) {
    return (
      <div className="stack">
        {title}
        <p className="notice notice--warning">{t.liverNoCourse}</p>
      </div>
    );
  }
  // The tablet's calendar day: liver dates are calendar dates, not instants.
  const due = liverTestDue(last, courseStartDate, intervalMonths, format(now, 'yyyy-MM-dd'));
  return (
    <div className="stack">
      {title}
      <p>{last === null ? t.liverNever : fill(t.liverLast, { date: formatDay(last, locale) })}</p>
      {due.ok ? (
        <p
          className={NOTICE[due.value.status]}
          role={due.value.status === 'overdue' ? 'alert' : undefined}
        >
          {fill(t[`liver.${due.value.status}`], { date: formatDay(due.value.dueDate, locale) })}
        </p>
      ) : (
        <p className="notice notice--warning">{errorText(due.error, locale)}</p>
      )}
    </div>
  );
}
