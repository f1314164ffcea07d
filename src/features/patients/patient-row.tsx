/**
 * One patient in the list: a single large button (the whole row is the touch target). The
 * number and last activity come from the patient index at once; sex, age, course status, next
 * session and review flags come from the patient's own records (live), read per visible row.
 */
import { useId } from 'react';
import type { PatientListItem } from '../../db/patient-index.ts';
import { fill, useMessages } from '../../ui/i18n.ts';
import { formatDay } from '../../ui/format.ts';
import { usePreferences } from '../../ui/preferences.ts';
import { usePatientView } from '../../ui/use-patient-view.ts';
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
  const view = usePatientView(item.patientId);
  const summary = view?.summary;
  const patient = summary?.patient?.payload;
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
          {patient ? (
            <>
              <span>{sexLabel(t, patient.sex)}</span>
              <span>{ageText(patient, today, t)}</span>
            </>
          ) : null}
          <span>
            {t.lastActivity}:{' '}
            {item.lastActivityAt ? formatDay(localDay(item.lastActivityAt), locale) : '—'}
          </span>
          {summary && summary.course ? (
            <span>{fill(t.nextSession, { n: summary.nextSessionNumber })}</span>
          ) : null}
        </span>
        <span id={`${id}-badges`} className="patient-row__badges">
          {summary ? (
            <span className={statusBadgeClass(summary.courseStatus)}>
              {statusLabel(t, summary.courseStatus)}
            </span>
          ) : null}
          {summary?.needsReview ? (
            <span className="badge badge--warning">⚠ {t.needsReview}</span>
          ) : null}
        </span>
      </button>
    </li>
  );
}
