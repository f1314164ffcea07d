/**
 * The recorded answer of this session, read back from IndexedDB, with the registry's
 * favorable verdict. When the answer stops therapy but the course is not recorded as
 * discontinued (the second write failed, or came from elsewhere), it offers that write.
 */
import { isFavorableOutcome } from '../../domain/outcomes.ts';
import type { RecordOfKind } from '../../domain/records.ts';
import { staffName, useBedside } from '../../ui/bedside-context.tsx';
import { formatNumber, formatTime } from '../../ui/format.ts';
import { errorText, fill } from '../../ui/i18n.ts';
import type { Locale } from '../../ui/preferences.ts';
import { SaveStatus } from '../../ui/save-status.tsx';
import { useSave } from '../../ui/use-save.ts';
import { FavorableNote } from './favorable-note.tsx';
import type { OutcomeMessages } from './messages.ts';
import { useCourseStatusWrite } from './use-course-status-write.ts';

type Props = {
  readonly answer: RecordOfKind<'outcome-answer'>;
  readonly session: RecordOfKind<'session'>;
  readonly courseStatus: 'active' | 'paused' | 'discontinued' | null;
  readonly administered: number;
  readonly onDone: () => void;
  readonly t: OutcomeMessages;
  readonly locale: Locale;
};

export function OutcomeStored(props: Props) {
  const { answer, session, courseStatus, administered, onDone, t, locale } = props;
  const { staff, actor } = useBedside();
  const save = useSave();
  const writeStatus = useCourseStatusWrite(session);
  const p = answer.payload;
  const favorable = isFavorableOutcome({
    painReductionPercent: p.painImprovementPercent,
    discontinuationReason: p.discontinuationReason ?? null,
  });
  const reason = p.discontinuationReason;
  const missingStatus = p.decision === 'discontinue' && courseStatus !== 'discontinued';

  const recordStatus = async () => {
    if (!actor || reason === undefined) return;
    await save.run(() =>
      writeStatus(
        {
          status: 'discontinued',
          reason,
          ...(p.reasonText === undefined ? {} : { reasonText: p.reasonText }),
          afterAdministrations: administered,
        },
        actor.staffId,
      ),
    );
  };

  return (
    <div className="stack">
      <section className="card stack" aria-labelledby="stored-title">
        <h2 id="stored-title">{t.storedTitle}</h2>
        <p>
          {fill(t.storedAt, {
            time: formatTime(answer.clinicalTime, locale),
            name: staffName(staff, answer.authorStaffId),
          })}
        </p>
        <dl className="facts">
          <dt>{t.storedImprovement}</dt>
          <dd>{formatNumber(p.painImprovementPercent, locale, 1)} %</dd>
          <dt>{t.storedDecision}</dt>
          <dd>{p.decision === 'continue' ? t.decisionContinue : t.decisionDiscontinue}</dd>
          {reason !== undefined ? (
            <>
              <dt>{t.storedReason}</dt>
              <dd>
                {t[`reason.${reason}`]}
                {p.reasonText ? ` — ${p.reasonText}` : ''}
              </dd>
            </>
          ) : null}
        </dl>
        {p.decision === 'discontinue' && !missingStatus ? (
          <p className="notice">{t.courseDiscontinued}</p>
        ) : null}
        {missingStatus ? (
          <div className="notice notice--warning stack" role="alert">
            <span>{t.courseNotDiscontinued}</span>
            <button
              type="button"
              className="btn"
              disabled={!actor || save.state.kind === 'saving'}
              onClick={() => void recordStatus()}
            >
              {t.recordDiscontinued}
            </button>
          </div>
        ) : null}
        <SaveStatus
          state={save.state}
          labels={{ saving: t.saving, saved: t.saved, retry: t.retry }}
        />
        <p className="field__hint">{t.correctHint}</p>
      </section>
      <FavorableNote
        favorable={favorable.ok ? favorable.value : null}
        error={favorable.ok ? undefined : errorText(favorable.error, locale)}
        t={t}
      />
      <button type="button" className="btn btn--primary btn--large" onClick={onDone}>
        {t.continue}
      </button>
    </div>
  );
}
