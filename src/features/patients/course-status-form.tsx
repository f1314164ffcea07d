/**
 * Changes the course status (protocol.md section 5): active, paused, or discontinued with the
 * paper's reason (lack of effect, disturbing side effects, other with text) and after how many
 * administrations, prefilled from the sessions actually given. Checked by
 * validateDiscontinuation; one `course-status` record per change.
 */
import { useState } from 'react';
import { validateDiscontinuation, type DiscontinuationReason } from '../../domain/outcomes.ts';
import {
  COURSE_STATUSES,
  DISCONTINUATION_REASONS,
  type RecordOfKind,
} from '../../domain/records.ts';
import { protocolKey } from '../../domain/protocols/types.ts';
import { useBedside } from '../../ui/bedside-context.tsx';
import { ChoiceGroup } from '../../ui/choice-group.tsx';
import { fill, useErrorText, useMessages } from '../../ui/i18n.ts';
import { NumberField } from '../../ui/number-field.tsx';
import { SaveStatus } from '../../ui/save-status.tsx';
import { useSave } from '../../ui/use-save.ts';
import { messages } from './messages.ts';
import { statusLabel, type CourseStatus } from './patient-display.ts';
import { TextField } from '../../ui/text-field.tsx';

type Props = {
  readonly course: RecordOfKind<'course'>;
  readonly current: CourseStatus;
  /** Sessions whose infusion was started (patient summary), to prefill the count. */
  readonly administered: number;
};

export function CourseStatusForm({ course, current, administered }: Props) {
  const t = useMessages(messages);
  const errText = useErrorText();
  const { writer, actor, activeProtocol, settings } = useBedside();
  const save = useSave();
  const [status, setStatus] = useState<CourseStatus | null>(null);
  const [reason, setReason] = useState<DiscontinuationReason | null>(null);
  const [text, setText] = useState('');
  const [after, setAfter] = useState(String(administered));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const reasonLabel = {
    'lack-of-effect': t.reasonLackOfEffect,
    'side-effects': t.reasonSideEffects,
    other: t.reasonOther,
  };

  const payloadOrErrors = (): PayloadResult => {
    if (status === null) return { errors: { status: t.statusRequired } };
    if (status === current)
      return { errors: { status: fill(t.statusUnchanged, { status: statusLabel(t, current) }) } };
    const base = { courseId: course.id, status };
    if (status === 'active') return { payload: base };
    if (status === 'paused')
      return { payload: { ...base, ...(text.trim() ? { reasonText: text.trim() } : {}) } };
    const d = validateDiscontinuation({ reason, otherText: text, afterAdministrations: after });
    if (!d.ok) return { errors: { [d.error.field]: errText(d.error) } };
    return {
      payload: {
        ...base,
        reason: d.value.reason,
        ...(d.value.otherText !== null ? { reasonText: d.value.otherText } : {}),
        afterAdministrations: d.value.afterAdministrations,
      },
    };
  };

  const submit = async () => {
    if (!actor) return;
    const r = payloadOrErrors();
    setErrors(r.errors ?? {});
    if (!r.payload) return;
    const payload = r.payload;
    const saved = await save.run(() =>
      writer.write('course-status', { patientId: course.patientId, sessionId: null }, payload, {
        authorStaffId: actor.staffId,
        protocolKey: protocolKey(activeProtocol),
        settingsVersion: settings.version,
      }),
    );
    if (saved) {
      setStatus(null);
      setReason(null);
      setText('');
    }
  };

  return (
    <form
      className="stack"
      aria-label={t.changeStatus}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h3>{t.changeStatus}</h3>
      <ChoiceGroup<CourseStatus>
        legend={t.newStatus}
        value={status}
        error={errors.status}
        choices={COURSE_STATUSES.map((s) => ({ value: s, label: statusLabel(t, s) }))}
        onChange={(s) => {
          setStatus(s);
          if (s === 'discontinued' && after.trim() === '') setAfter(String(administered));
        }}
      />
      {status === 'discontinued' ? (
        <>
          <ChoiceGroup<DiscontinuationReason>
            legend={t.reason}
            value={reason}
            error={errors.reason}
            choices={DISCONTINUATION_REASONS.map((r) => ({ value: r, label: reasonLabel[r] }))}
            onChange={setReason}
          />
          <TextField
            label={t.reasonText}
            multiline
            maxLength={1000}
            value={text}
            error={errors.otherText}
            onChange={setText}
          />
          <NumberField
            label={t.afterAdministrations}
            unit={t.administrations}
            integer
            value={after}
            error={errors.afterAdministrations}
            onChange={setAfter}
          />
        </>
      ) : null}
      {status === 'paused' ? (
        <TextField label={t.pauseNote} multiline maxLength={1000} value={text} onChange={setText} />
      ) : null}
      <button type="submit" className="btn btn--primary" disabled={!actor}>
        {t.saveStatus}
      </button>
      <SaveStatus
        state={save.state}
        labels={{ saving: t.saving, saved: t.saved, retry: t.retry }}
        onRetry={() => void submit()}
      />
    </form>
  );
}

type PayloadResult = {
  readonly errors?: Record<string, string>;
  readonly payload?: RecordOfKind<'course-status'>['payload'];
};
