/**
 * One patient in the list: a single large button (the whole row is the touch target). Every
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
  return (
    <li>
      <button
        type="button"
        className="patient-row"
        aria-label={fill(t.openPatient, { number: item.centerPatientNumber })}
        aria-describedby={`${id}-meta ${id}-badges`}
        onClick={() => onOpen(item.patientId)}
      >
        <span className="patient-row__number">{item.centerPatientNumber}</span>
        <span id={`${id}-meta`} className="patient-row__meta">
          {facts ? (
            <>
              <span>{sexLabel(t, facts.sex)}</span>
              <span>{ageText(facts, today, t)}</span>
            </>
          ) : null}
          <span>
            {t.lastActivity}:{' '}
            {item.lastActivityAt ? formatDay(localDay(item.lastActivityAt), locale) : '—'}
          </span>
          {facts?.courseStatus != null ? (
            <span>{fill(t.nextSession, { n: facts.nextSessionNumber })}</span>
          ) : null}
        </span>
        <span id={`${id}-badges`} className="patient-row__badges">
          {facts ? (
            <span className={statusBadgeClass(facts.courseStatus)}>
              {statusLabel(t, facts.courseStatus)}
            </span>
          ) : null}
          {facts?.needsReview ? (
            <span className="badge badge--warning">⚠ {t.needsReview}</span>
          ) : null}
        </span>
      </button>
    </li>
  );
}
