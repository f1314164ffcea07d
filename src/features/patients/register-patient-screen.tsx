/**
 * Register a patient (protocol.md sections 2 and 5): pseudonymous number, sex, birth, pain
 * type with the physicians' opinions, baseline NRS and the eligibility screening. Everything
 * typed is kept as a draft. On save: patient, screening, and (when eligible) the course.
 *
 * Not eligible: the patient and the screening are still recorded, so the center can show why
 * a referred patient was not treated (and the registry's inclusion flow starts from screened
 * patients); no course is created, so no session can be started for them.
 */
import { format } from 'date-fns';
import { useEffect, useMemo, useRef, useState } from 'react';
import { protocolKey } from '../../domain/protocols/types.ts';
import { useBedside } from '../../ui/bedside-context.tsx';
import { ChoiceGroup } from '../../ui/choice-group.tsx';
import { fill, useMessages } from '../../ui/i18n.ts';
import { usePreferences } from '../../ui/preferences.ts';
import { SaveStatus } from '../../ui/save-status.tsx';
import { useNow } from '../../ui/use-now.ts';
import { useSave } from '../../ui/use-save.ts';
import { messages } from './messages.ts';
import { checkRegistration } from './register-check.ts';
import { RegisterEligibility } from './register-eligibility.tsx';
import { emptyRegisterForm, type RegisterForm, type YesNo } from './register-form.ts';
import { RegisterIdentity } from './register-identity.tsx';
import { RegisterPain } from './register-pain.tsx';
import { isDuplicateNumber, writeRegistration } from './register-save.ts';
import { useDraft, type Draft } from './use-draft.ts';
import './patients.css';

export const REGISTER_FORM_ID = 'register-patient';

type Props = {
  readonly onRegistered: (patientId: string) => void;
  readonly onCancel: () => void;
};

export function RegisterPatientScreen({ onRegistered, onCancel }: Props) {
  const t = useMessages(messages);
  const draft = useDraft<RegisterForm>(REGISTER_FORM_ID, null, emptyRegisterForm);
  if (draft.value === undefined) return <p role="status">{t.loading}</p>;
  return (
    <RegisterPatientForm
      draft={draft}
      form={draft.value}
      onRegistered={onRegistered}
      onCancel={onCancel}
    />
  );
}

function RegisterPatientForm({
  draft,
  form,
  onRegistered,
  onCancel,
}: Props & { readonly draft: Draft<RegisterForm>; readonly form: RegisterForm }) {
  const t = useMessages(messages);
  const locale = usePreferences((s) => s.locale);
  const { db, writer, clock, actor, staff, settings, activeProtocol } = useBedside();
  const now = useNow(60_000);
  const today = format(now, 'yyyy-MM-dd');
  const save = useSave();
  const busy = useRef(false);
  const formRef = useRef<HTMLFormElement>(null);
  const [attempts, setAttempts] = useState(0);
  const [duplicate, setDuplicate] = useState<string | null>(null);
  const { update } = draft;

  const check = useMemo(
    () => checkRegistration(form, { today, nowIso: now.toISOString(), staff, t, locale }),
    [form, today, now, staff, t, locale],
  );
  const number = form.number.trim();
  const errors: Record<string, string> = attempts > 0 ? { ...check.errors } : {};
  if (duplicate !== null && duplicate === number.toLowerCase())
    errors.number = fill(t.numberDuplicate, { number });
  const locked = form.saved.patientId !== null;

  useEffect(() => {
    // After a refused save, bring the nurse to the first thing to fix.
    if (attempts === 0) return;
    formRef.current
      ?.querySelector<HTMLElement>(
        'input[aria-invalid="true"], select[aria-invalid="true"], textarea[aria-invalid="true"], [aria-invalid="true"] input',
      )
      ?.focus();
  }, [attempts]);

  const submit = async () => {
    if (!actor || busy.current) return;
    setAttempts((n) => n + 1);
    const c = checkRegistration(form, { today, nowIso: clock.nowIso(), staff, t, locale });
    if (c.payloads === null) return;
    busy.current = true;
    try {
      if (form.saved.patientId === null) {
        let taken: boolean;
        try {
          taken = await isDuplicateNumber(db, number);
        } catch (error) {
          save.fail(error instanceof Error ? error : String(error));
          return;
        }
        if (taken) {
          setDuplicate(number.toLowerCase());
          return;
        }
      }
      const payloads = c.payloads;
      const patientId = await save.run(() =>
        writeRegistration({
          writer,
          payloads,
          saved: form.saved,
          context: {
            authorStaffId: actor.staffId,
            protocolKey: protocolKey(activeProtocol),
            settingsVersion: settings.version,
          },
          onProgress: (saved) => {
            update((f) => ({ ...f, saved }));
            draft.flush();
          },
        }),
      );
      if (patientId !== null) {
        await draft.clear();
        onRegistered(patientId);
      }
    } finally {
      busy.current = false;
    }
  };

  const cancel = () => {
    // Clearing marks the form clean at once, so leaving cannot write the draft back.
    if (form.saved.patientId === null) void draft.clear();
    onCancel();
  };

  const issueCount = Object.keys(errors).length;
  return (
    <form
      ref={formRef}
      className="stack"
      aria-labelledby="register-title"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h1 id="register-title">{t.registerTitle}</h1>
      <p className="field__hint">{t.registerIntro}</p>
      {!actor ? (
        <p className="notice notice--urgent" role="alert">
          {t.noActor}
        </p>
      ) : null}
      {draft.restored && !locked ? (
        <p className="notice" role="status">
          {t.draftRestored}
        </p>
      ) : null}
      {locked ? (
        <p className="notice notice--warning" role="status">
          {fill(t.partlySaved, { number })}
        </p>
      ) : null}
      <fieldset className="patients-plain-fieldset stack" disabled={locked}>
        <RegisterIdentity form={form} update={update} errors={errors} today={today} />
        <RegisterPain form={form} update={update} errors={errors} pain={check.pain} />
        <RegisterEligibility form={form} update={update} errors={errors} />
        {check.assessment.eligible ? (
          <section className="card stack" aria-label={t.courseTitle}>
            <ChoiceGroup<YesNo>
              legend={t.startedHere}
              value={form.startedHere}
              error={errors.startedHere}
              choices={[
                { value: 'yes', label: t.yes },
                { value: 'no', label: t.no },
              ]}
              onChange={(startedHere) => update((f) => ({ ...f, startedHere }))}
            />
            <p className="field__hint">{t.startedHereHint}</p>
          </section>
        ) : null}
      </fieldset>
      {check.notEligibleReasons.length > 0 ? (
        <div className="notice notice--urgent" role="status">
          <strong>{t.resultNotEligible}</strong>
          <ul>
            {check.notEligibleReasons.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
          <p>{t.resultNotEligibleSave}</p>
        </div>
      ) : check.assessment.eligible ? (
        <p className="notice notice--ok" role="status">
          {t.resultEligible}
        </p>
      ) : null}
      {issueCount > 0 ? (
        <p className="notice notice--warning" role="alert">
          {fill(t.resultIncomplete, { count: issueCount })}
        </p>
      ) : null}
      <div className="row">
        <button type="submit" className="btn btn--primary btn--large" disabled={!actor}>
          {check.notEligibleReasons.length > 0 ? t.saveNotEligible : t.saveEligible}
        </button>
        <button type="button" className="btn btn--large" onClick={cancel}>
          {t.cancel}
        </button>
      </div>
      <SaveStatus
        state={save.state}
        labels={{ saving: t.saving, saved: t.saved, retry: t.retry }}
        onRetry={() => void submit()}
      />
    </form>
  );
}
