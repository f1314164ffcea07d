/**
 * The center's follow-up lists (issue 5 "Follow-up"; protocol.md sections 3, 5 and 7): liver
 * tests due or overdue, sessions due this week, overdue, and patients lost to follow-up after
 * the center-set number of weeks. Computed from the records with domain/follow-up-lists.ts and
 * `now` from the bedside clock; each row opens the patient.
 */
import { endOfWeek, format, startOfWeek } from 'date-fns';
import {
  buildFollowUpLists,
  type AppointmentRow,
  type LiverRow,
} from '../../domain/follow-up-lists.ts';
import { LIVER_DUE_SOON_DAYS } from '../../domain/liver.ts';
import { useBedside } from '../../ui/bedside-context.tsx';
import { formatDay } from '../../ui/format.ts';
import { errorText, fill, useMessages } from '../../ui/i18n.ts';
import { usePreferences } from '../../ui/preferences.ts';
import { useNow } from '../../ui/use-now.ts';
import { useFollowUpPatients } from './follow-up-data.ts';
import { FollowUpTable, type FollowUpTableRow } from './follow-up-table.tsx';
import { messages, type FollowUpMessages } from './messages.ts';

type Props = { readonly onOpenPatient: (patientId: string) => void };

const day = (d: Date) => format(d, 'yyyy-MM-dd');

export function FollowUpScreen({ onOpenPatient }: Props) {
  const t = useMessages(messages);
  const locale = usePreferences((s) => s.locale);
  const { settings } = useBedside();
  const now = useNow(60_000);
  const patients = useFollowUpPatients();
  const today = day(now);
  const d = (iso: string) => formatDay(iso, locale);

  const heading = (
    <h1 id="follow-up-title" style={{ margin: 0 }}>
      {t.title}
    </h1>
  );
  if (patients === undefined) {
    return (
      <section className="stack" aria-labelledby="follow-up-title">
        {heading}
        <p role="status">{t.loading}</p>
      </section>
    );
  }
  const lists = buildFollowUpLists(patients, settings, today);
  const months = [...new Set(patients.map((p) => p.liverIntervalMonths))];
  const basis = (r: AppointmentRow) => basisText(t, r, settings.nextSessionProposedDays);
  const lastSession = (r: AppointmentRow) =>
    r.lastAdministeredOn ? d(r.lastAdministeredOn) : t.noSessionYet;
  const row = (r: { patientId: string; centerPatientNumber: string }) => ({
    patientId: r.patientId,
    centerPatientNumber: r.centerPatientNumber,
  });

  const liverRows: FollowUpTableRow[] = lists.liverDue.map((r: LiverRow) => ({
    ...row(r),
    urgent: r.status === 'overdue',
    cells: [
      r.status === 'overdue'
        ? fill(t.liverOverdue, { date: d(r.dueDate), days: count(t, 'day', -r.daysUntilDue) })
        : fill(t.liverDueOn, { date: d(r.dueDate) }),
      r.lastTestOn ? d(r.lastTestOn) : t.liverNever,
    ],
  }));
  const weekRows: FollowUpTableRow[] = lists.dueThisWeek.map((r) => ({
    ...row(r),
    cells: [
      r.dueDate === today ? fill(t.dueToday, { date: d(r.dueDate) }) : d(r.dueDate),
      basis(r),
      lastSession(r),
    ],
  }));
  const overdueRows: FollowUpTableRow[] = lists.overdue.map((r) => ({
    ...row(r),
    urgent: true,
    cells: [
      fill(t.overdueSince, { date: d(r.dueDate), days: count(t, 'day', r.daysOverdue) }),
      basis(r),
      lastSession(r),
    ],
  }));
  const lostRows: FollowUpTableRow[] = lists.lost.map((r) => ({
    ...row(r),
    urgent: true,
    cells: [
      fill(t.lostSince, {
        date: d(r.lastContactOn),
        weeks: count(t, 'week', r.weeksSinceContact),
      }),
      lastSession(r),
    ],
  }));

  return (
    <section className="stack" aria-labelledby="follow-up-title">
      {heading}
      <p>{fill(t.intro, { today: d(today) })}</p>
      {lists.problems.length > 0 ? (
        <div className="notice notice--warning" role="alert">
          <strong>{t.problemsTitle}</strong>
          <ul>
            {lists.problems.map((p) => (
              <li key={`${p.patientId}-${p.message}`}>
                {fill(t.problem, { number: p.centerPatientNumber, message: errorText(p, locale) })}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <FollowUpTable
        title={
          months.length === 1 ? fill(t.liverTitle, { months: months[0] ?? 6 }) : t.liverTitleMixed
        }
        hint={fill(t.liverHint, { months: months.join('/') || 6, days: LIVER_DUE_SOON_DAYS })}
        columns={[t.colDue, t.colLastTest]}
        rows={liverRows}
        onOpenPatient={onOpenPatient}
      />
      <FollowUpTable
        title={fill(t.weekTitle, {
          from: d(day(startOfWeek(now, { weekStartsOn: 1 }))),
          to: d(day(endOfWeek(now, { weekStartsOn: 1 }))),
        })}
        columns={[t.colDue, t.colBasis, t.colLastSession]}
        rows={weekRows}
        onOpenPatient={onOpenPatient}
      />
      <FollowUpTable
        title={t.overdueTitle}
        columns={[t.colDue, t.colBasis, t.colLastSession]}
        rows={overdueRows}
        onOpenPatient={onOpenPatient}
      />
      <FollowUpTable
        title={fill(t.lostTitle, { weeks: settings.lostToFollowUpWeeks })}
        hint={fill(t.lostHint, { weeks: settings.lostToFollowUpWeeks })}
        columns={[t.colLastContact, t.colLastSession]}
        rows={lostRows}
        onOpenPatient={onOpenPatient}
      />
    </section>
  );
}

function basisText(t: FollowUpMessages, r: AppointmentRow, proposedDays: number): string {
  if (r.dueFrom === 'agreed') return t.fromAgreed;
  if (r.dueFrom === 'course-start') return t.fromCourseStart;
  return fill(t.fromProposed, { days: proposedDays });
}

/** "1 day" / "3 days" (whole counts only). */
function count(t: FollowUpMessages, unit: 'day' | 'week', n: number): string {
  if (n === 1) return unit === 'day' ? t.dayOne : t.weekOne;
  return fill(unit === 'day' ? t.dayMany : t.weekMany, { n });
}
