/**
 * One entry of the session timeline: clinical time (and device time when it differs by more
 * than 2 min: a back-dated entry), kind, author, the values, what happened to it (corrected,
 * entered in error, needs review), and the "Correct…" / "Entered in error…" actions. An entry
 * that no longer counts stays visible, struck through.
 */
import { useState } from 'react';
import { baselineAsVitals, storedFindingsNl } from '../../domain/observation-findings.ts';
import type { RecordOfKind } from '../../domain/records/registry.ts';
import type { SessionState } from '../../domain/state/session-state.ts';
import { formatDateTime, formatTime } from '../../ui/format.ts';
import { fill, useMessages } from '../../ui/i18n.ts';
import { CorrectionForm } from './correction-form.tsx';
import { correctionMessages } from './correction-messages.ts';
import { EnteredInErrorForm } from './entered-in-error-form.tsx';
import { kindLabel, summarize, type SummaryContext } from './summary.ts';
import { isCorrectable, type TimelineEntry as Entry } from './timeline.ts';

/** Device time shown when it differs from the clinical time by more than this (ms). */
const SHOW_DEVICE_TIME_AFTER_MS = 2 * 60_000;

type Props = {
  readonly entry: Entry;
  readonly state: SessionState;
  readonly ctx: SummaryContext;
};

/**
 * An observation's stored findings with their level; on a Dutch screen in Dutch when assessing
 * it again with this session's baseline and thresholds gives exactly the recorded findings
 * (storedFindingsNl), else in the words recorded.
 */
function Findings({
  observation,
  state,
  ctx: { t, locale },
}: {
  readonly observation: RecordOfKind<'observation'>;
  readonly state: SessionState;
  readonly ctx: SummaryContext;
}) {
  const findings = observation.payload.findings;
  const dutch =
    locale === 'nl-BE' && state.session !== null
      ? storedFindingsNl(
          observation.payload,
          baselineAsVitals(state.baseline?.payload),
          state.session.payload.settingsSnapshot.thresholds,
        )
      : null;
  const levelWord = { urgent: t.findingUrgent, warning: t.findingWarning, normal: t.findingNormal };
  return (
    <ul className="timeline-entry__findings">
      {findings.map((f, i) => (
        <li key={i}>
          <span
            className={`badge badge--${f.level === 'urgent' ? 'urgent' : f.level === 'warning' ? 'warning' : 'ok'}`}
          >
            {levelWord[f.level]}
          </span>{' '}
          {dutch?.[i] ?? f.message}
        </li>
      ))}
    </ul>
  );
}

export function TimelineEntry({ entry, state, ctx }: Props) {
  const { t, locale, name } = ctx;
  const ct = useMessages(correctionMessages);
  const [open, setOpen] = useState<'none' | 'correct' | 'eie'>('none');
  const r = entry.record;
  const kind = kindLabel(r.kind, t);
  const time = formatTime(r.clinicalTime, locale);
  const when = (iso: string) =>
    iso.slice(0, 10) === r.clinicalTime.slice(0, 10)
      ? formatTime(iso, locale)
      : formatDateTime(iso, locale);
  const drift = Math.abs(Date.parse(r.deviceTime) - Date.parse(r.clinicalTime));
  const struck = entry.status !== 'current';
  const summary = summarize(r, ctx);
  const actionable = entry.status === 'current' && r.kind !== 'session';

  return (
    <li
      className={`timeline-entry timeline-entry--${entry.status}`}
      aria-label={`${kind} ${time}`}
      data-status={entry.status}
    >
      <div className="timeline-entry__main">
        <div className="row timeline-entry__head">
          <span className="timeline-entry__time">{time}</span>
          <strong>{kind}</strong>
          <span className="field__hint">{fill(t.by, { name: name(r.authorStaffId) })}</span>
          {drift > SHOW_DEVICE_TIME_AFTER_MS ? (
            <span className="field__hint">
              ({fill(t.deviceTime, { time: when(r.deviceTime) })})
            </span>
          ) : null}
          {entry.needsReview ? <span className="badge badge--warning">{t.needsReview}</span> : null}
        </div>
        <p className="timeline-entry__values">{struck ? <s>{summary}</s> : summary}</p>
        {r.kind === 'observation' && r.payload.findings.length > 0 ? (
          <Findings observation={r} state={state} ctx={ctx} />
        ) : null}
        {entry.corrects && r.supersedes ? (
          <p className="field__hint">
            {fill(t.correctionOf, {
              time: formatTime(entry.corrects.clinicalTime, locale),
              name: name(entry.corrects.authorStaffId),
              reason: r.supersedes.reason,
            })}
          </p>
        ) : null}
        {entry.markers.map(({ marker, withdrawnBy }) => (
          <p key={marker.id} className="notice notice--warning">
            {withdrawnBy ? <s>{markerText(marker)}</s> : markerText(marker)}
            {withdrawnBy ? (
              <>
                {' '}
                {fill(t.markerWithdrawn, {
                  name: name(withdrawnBy.authorStaffId),
                  time: when(withdrawnBy.deviceTime),
                  reason: withdrawnBy.payload.reason,
                })}
              </>
            ) : null}
          </p>
        ))}
        {entry.correctedBy.map((c) => (
          <p key={c.id} className="notice">
            {fill(t.correctedBy, {
              name: name(c.authorStaffId),
              time: when(c.deviceTime),
              reason: c.supersedes?.reason ?? '',
            })}
          </p>
        ))}
        {entry.status === 'voided-with-target' ? (
          <p className="notice">{t.voidedWithTarget}</p>
        ) : null}
      </div>
      {actionable && open === 'none' ? (
        <div className="row no-print timeline-entry__actions">
          {isCorrectable(r) ? (
            <button
              type="button"
              className="btn"
              aria-label={`${t.correct} ${kind} ${time}`}
              onClick={() => setOpen('correct')}
            >
              {t.correct}
            </button>
          ) : null}
          <button
            type="button"
            className="btn btn--quiet"
            aria-label={`${t.enteredInError} ${kind} ${time}`}
            onClick={() => setOpen('eie')}
          >
            {t.enteredInError}
          </button>
        </div>
      ) : null}
      {open === 'correct' && isCorrectable(r) ? (
        <div className="timeline-entry__form">
          <CorrectionForm record={r} state={state} onDone={() => setOpen('none')} locale={locale} />
        </div>
      ) : null}
      {open === 'eie' ? (
        <div className="timeline-entry__form">
          <EnteredInErrorForm record={r} onDone={() => setOpen('none')} t={ct} />
        </div>
      ) : null}
    </li>
  );

  function markerText(marker: Entry['markers'][number]['marker']) {
    return fill(t.enteredInErrorBy, {
      name: name(marker.authorStaffId),
      time: when(marker.deviceTime),
      reason: marker.payload.reason,
    });
  }
}
