/**
 * One patient in the list: the whole row is one large touch target (its button). Every
 * fact shown comes from the patient's list entry (patient index, kept with each save), so a
 * row reads none of the patient's records.
 */
import { useId } from 'react';
import type { PatientListItem } from '../../db/patient-index.ts';
import { fill, useMessages } from '../../ui/i18n.ts';
import { formatDay } from '../../ui/format.ts';
import { usePreferences } from '../../ui/preferences.ts';
import { messages } from './messages.ts';
import { ageText, localDay, sexLabel, statusBadgeClass, statusLabel } from './patient-display.ts';

type Props = {
  readonly item: PatientListItem;
  readonly today: string;
  readonly onOpen: (patientId: string) => void;
};

export function PatientRow({ item, today, onOpen }: Props) {
  const t = useMessages(messages);
  const locale = usePreferences((s) => s.locale);
  const facts = item.facts;
  const id = useId();
  const sex = facts ? sexLabel(t, facts.sex) : null;
  const age = facts ? ageText(facts, today, t) : null;
  const lastActivity = `${t.lastActivity}: ${item.lastActivityAt ? formatDay(localDay(item.lastActivityAt), locale) : '—'}`;
  const next =
    facts?.courseStatus != null ? fill(t.nextSession, { n: facts.nextSessionNumber }) : null;
  const status = facts
    ? { label: statusLabel(t, facts.courseStatus), badge: statusBadgeClass(facts.courseStatus) }
    : null;
  const review = facts?.needsReview ? `⚠ ${t.needsReview}` : null;
  // What a screen reader says after the row's name, as one list. The facts on screen are laid
  // out side by side (flex) and would be read run together ("Femaleborn 1970").
  const description = [sex, age, lastActivity, next, status?.label ?? null, review]
    .filter((text) => text !== null)
    .join(', ');
  return (
    <li className="patient-row">
      {/* The button holds the number only, its visible label, and covers the whole row (CSS
          ::after): one large touch target, and "Open patient KIT-0002" contains all the text
          the button shows (WCAG 2.5.3, voice control). */}
      <button
        type="button"
        className="patient-row__open"
        aria-label={fill(t.openPatient, { number: item.centerPatientNumber })}
        aria-describedby={`${id}-description`}
        onClick={() => onOpen(item.patientId)}
      >
        {item.centerPatientNumber}
      </button>
      <span id={`${id}-description`} className="visually-hidden" aria-hidden="true">
        {description}
      </span>
      {/* Heard once, as the button's description (above), not a second time as text. */}
      <span className="patient-row__meta" aria-hidden="true">
        {sex !== null ? <span>{sex}</span> : null}
        {age !== null ? <span>{age}</span> : null}
        <span>{lastActivity}</span>
        {next !== null ? <span>{next}</span> : null}
      </span>
      <span className="patient-row__badges" aria-hidden="true">
        {status !== null ? <span className={status.badge}>{status.label}</span> : null}
        {review !== null ? <span className="badge badge--warning">{review}</span> : null}
      </span>
    </li>
  );
}
