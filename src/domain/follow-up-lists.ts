/**
 * Center-wide follow-up lists (issue 5 "Follow-up"; protocol.md sections 3, 5 and 7): who is
 * due for a session this week, who is overdue, who is lost to follow-up, and who is due or
 * overdue for the six-monthly liver test. Pure: the screen passes each patient's facts (read
 * from the records) and `today` from the bedside clock.
 *
 * Definitions used here, precisely:
 * - next session due date: the date agreed at the last discharge when it is after the last
 *   administration; else the last administration + `nextSessionProposedDays` (protocol.md
 *   section 3: "about every 4 weeks", [default] +28 days); with no administration yet, the
 *   agreed date or else the course start (the first session is due when the course starts);
 * - overdue: the due date is before today (no grace: the list is a prompt to call, not a rule);
 * - due this week: due today or later, up to Sunday of the current week (weeks start on Monday,
 *   as in Belgium and ISO 8601);
 * - lost to follow-up: no session and no outcome answer for `lostToFollowUpWeeks` x 7 calendar
 *   days or more (issue 5; [default] 12 weeks), counting from the course start when there was
 *   neither. A lost patient is listed only as lost, not also as overdue;
 * - only active courses are on the appointment lists (a pause is a decision, not a no-show);
 *   active and paused courses are on the liver list ("every patient on KIT", section 7).
 */
import { addDays, differenceInCalendarDays, endOfWeek, format } from 'date-fns';
import { parseCalendarDate } from './clinical-time.ts';
import { LIVER_DUE_SOON_DAYS, liverTestDue, type LiverTestDue } from './liver.ts';
import { ok, type Result } from './result.ts';
import type { CenterSettings } from './settings.ts';

export type FollowUpSettings = Pick<
  CenterSettings,
  'nextSessionProposedDays' | 'lostToFollowUpWeeks'
>;

export type AppointmentStatus = 'later' | 'due-this-week' | 'overdue' | 'lost-to-follow-up';

/** Calendar dates are YYYY-MM-DD (local days). */
export type AppointmentFacts = {
  readonly courseStartedOn: string;
  /** Day of the last administration (infusion started), null when none yet. */
  readonly lastAdministeredOn: string | null;
  /** Next appointment agreed at the last discharge, null when none was recorded. */
  readonly agreedNextOn: string | null;
  /** Day of the last session record or outcome answer, null when neither exists. */
  readonly lastContactOn: string | null;
};

export type AppointmentDue = {
  readonly status: AppointmentStatus;
  readonly dueDate: string;
  readonly dueFrom: 'agreed' | 'proposed' | 'course-start';
  /** Calendar days past the due date (0 when not overdue). */
  readonly daysOverdue: number;
  /** The session/answer day, or the course start when there was none. */
  readonly lastContactOn: string;
  /** Whole weeks since the last contact (floor). */
  readonly weeksSinceContact: number;
};

const day = (d: Date) => format(d, 'yyyy-MM-dd');

/**
 * Where one patient stands for their next session (see header for the definitions). Units:
 * calendar days and weeks. Invalid dates are a Result error naming the field.
 */
export function appointmentDue(
  facts: AppointmentFacts,
  settings: FollowUpSettings,
  today: string,
): Result<AppointmentDue> {
  const t = parseCalendarDate(today, 'today', 'Today', 'Vandaag');
  if (!t.ok) return t;
  const start = parseCalendarDate(
    facts.courseStartedOn,
    'courseStartedOn',
    'Course start date',
    'Startdatum van de behandeling',
  );
  if (!start.ok) return start;
  let last: Date | null = null;
  if (facts.lastAdministeredOn !== null) {
    const l = parseCalendarDate(
      facts.lastAdministeredOn,
      'lastAdministeredOn',
      'Last session',
      'Laatste sessie',
    );
    if (!l.ok) return l;
    last = l.value;
  }
  let agreed: Date | null = null;
  if (facts.agreedNextOn !== null) {
    const a = parseCalendarDate(
      facts.agreedNextOn,
      'agreedNextOn',
      'Agreed next appointment',
      'Afgesproken volgende afspraak',
    );
    if (!a.ok) return a;
    // An agreement made at an earlier session no longer holds after a later session.
    agreed = last === null || a.value > last ? a.value : null;
  }
  let contact = start.value;
  if (facts.lastContactOn !== null) {
    const c = parseCalendarDate(
      facts.lastContactOn,
      'lastContactOn',
      'Last contact',
      'Laatste contact',
    );
    if (!c.ok) return c;
    if (c.value > contact) contact = c.value;
  }

  const due = agreed ?? (last ? addDays(last, settings.nextSessionProposedDays) : start.value);
  const dueFrom = agreed ? 'agreed' : last ? 'proposed' : 'course-start';
  const daysLate = differenceInCalendarDays(t.value, due);
  const sinceContact = differenceInCalendarDays(t.value, contact);
  const weekEnd = endOfWeek(t.value, { weekStartsOn: 1 });
  const status: AppointmentStatus =
    sinceContact >= settings.lostToFollowUpWeeks * 7
      ? 'lost-to-follow-up'
      : daysLate > 0
        ? 'overdue'
        : due <= weekEnd
          ? 'due-this-week'
          : 'later';
  return ok({
    status,
    dueDate: day(due),
    dueFrom,
    daysOverdue: Math.max(0, daysLate),
    lastContactOn: day(contact),
    weeksSinceContact: Math.floor(Math.max(0, sinceContact) / 7),
  });
}

export type CourseStatus = 'active' | 'paused' | 'discontinued';

/** One patient's facts for the lists, read from their effective records. */
export type FollowUpPatient = AppointmentFacts & {
  readonly patientId: string;
  readonly centerPatientNumber: string;
  readonly courseStatus: CourseStatus;
  /** Latest liver test sample date, null when never tested. */
  readonly lastLiverTestOn: string | null;
  /** The course protocol's interval (protocol.md section 7: 6 months). */
  readonly liverIntervalMonths: number;
};

export type AppointmentRow = {
  readonly patientId: string;
  readonly centerPatientNumber: string;
  readonly lastAdministeredOn: string | null;
} & AppointmentDue;
export type LiverRow = {
  readonly patientId: string;
  readonly centerPatientNumber: string;
  readonly lastTestOn: string | null;
} & LiverTestDue;
export type FollowUpProblem = {
  readonly patientId: string;
  readonly centerPatientNumber: string;
  readonly message: string;
};

export type FollowUpLists = {
  /** Overdue or due within LIVER_DUE_SOON_DAYS, earliest due date first. */
  readonly liverDue: readonly LiverRow[];
  readonly dueThisWeek: readonly AppointmentRow[];
  /** Longest overdue first. */
  readonly overdue: readonly AppointmentRow[];
  /** Longest without contact first. */
  readonly lost: readonly AppointmentRow[];
  /** Patients whose dates could not be read (shown, never silently dropped). */
  readonly problems: readonly FollowUpProblem[];
};

const byDue = (a: { dueDate: string }, b: { dueDate: string }) =>
  a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : 0;
const byContact = (a: AppointmentRow, b: AppointmentRow) =>
  a.lastContactOn < b.lastContactOn ? -1 : a.lastContactOn > b.lastContactOn ? 1 : 0;

/**
 * The center's lists for `today` (YYYY-MM-DD). Liver: overdue, or due within
 * `liverDueSoonDays` (default LIVER_DUE_SOON_DAYS = 30), by liver.ts liverTestDue.
 */
export function buildFollowUpLists(
  patients: readonly FollowUpPatient[],
  settings: FollowUpSettings,
  today: string,
  liverDueSoonDays: number = LIVER_DUE_SOON_DAYS,
): FollowUpLists {
  const liverDue: LiverRow[] = [];
  const dueThisWeek: AppointmentRow[] = [];
  const overdue: AppointmentRow[] = [];
  const lost: AppointmentRow[] = [];
  const problems: FollowUpProblem[] = [];
  for (const p of patients) {
    const who = { patientId: p.patientId, centerPatientNumber: p.centerPatientNumber };
    if (p.courseStatus === 'discontinued') continue;
    const liver = liverTestDue(
      p.lastLiverTestOn,
      p.courseStartedOn,
      p.liverIntervalMonths,
      today,
      liverDueSoonDays,
    );
    if (!liver.ok) problems.push({ ...who, message: liver.error.message });
    else if (liver.value.daysUntilDue <= liverDueSoonDays)
      liverDue.push({ ...who, lastTestOn: p.lastLiverTestOn, ...liver.value });
    if (p.courseStatus !== 'active') continue;
    const due = appointmentDue(p, settings, today);
    if (!due.ok) {
      problems.push({ ...who, message: due.error.message });
      continue;
    }
    const row = { ...who, lastAdministeredOn: p.lastAdministeredOn, ...due.value };
    if (row.status === 'lost-to-follow-up') lost.push(row);
    else if (row.status === 'overdue') overdue.push(row);
    else if (row.status === 'due-this-week') dueThisWeek.push(row);
  }
  return {
    liverDue: liverDue.sort(byDue),
    dueThisWeek: dueThisWeek.sort(byDue),
    overdue: overdue.sort(byDue),
    lost: lost.sort(byContact),
    problems,
  };
}
