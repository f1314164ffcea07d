/**
 * Registration: the eligibility screening of protocol.md section 2, every question a yes/no
 * that must be answered (unanswered never counts as "no"), and the anesthesiologist's
 * documented decision as soon as any relative contraindication is "yes".
 */
import { DECISION_REASON_MIN_CHARS, RELATIVE_CONTRAINDICATIONS } from '../../domain/eligibility.ts';
import { useBedside } from '../../ui/bedside-context.tsx';
import { ChoiceGroup } from '../../ui/choice-group.tsx';
import { fill, useMessages } from '../../ui/i18n.ts';
import { usePreferences } from '../../ui/preferences.ts';
import { messages } from './messages.ts';
import { anyContraindication, CRITERIA, type SectionProps, type YesNo } from './register-form.ts';
import { StaffPicker } from './staff-picker.tsx';
import { TextField } from '../../ui/text-field.tsx';

export function RegisterEligibility({ form, update, errors }: SectionProps) {
  const t = useMessages(messages);
  const locale = usePreferences((s) => s.locale);
  const { staff } = useBedside();
  const yesNo = [
    { value: 'yes', label: t.yes },
    { value: 'no', label: t.no },
  ] as const;
  const anesthesiologists = staff.filter((s) => s.role === 'anesthesiologist' && s.active);
  const setDecision = (change: Partial<typeof form.decision>) =>
    update((f) => ({ ...f, decision: { ...f.decision, ...change } }));
  return (
    <section className="card stack" aria-labelledby="register-eligibility">
      <h2 id="register-eligibility">{t.eligibilityTitle}</h2>
      <p className="field__hint">{t.eligibilityIntro}</p>
      {CRITERIA.map((c) => (
        <ChoiceGroup<YesNo>
          key={c}
          legend={t[c]}
          value={form.criteria[c]}
          error={errors[c]}
          choices={yesNo}
          onChange={(v) => update((f) => ({ ...f, criteria: { ...f.criteria, [c]: v } }))}
        />
      ))}
      <h3>{t.contraindicationsTitle}</h3>
      {RELATIVE_CONTRAINDICATIONS.map((c) => (
        <ChoiceGroup<YesNo>
          key={c.id}
          legend={locale === 'nl-BE' ? c.labelNl : c.label}
          value={form.contraindications[c.id]}
          error={errors[`contraindications.${c.id}`]}
          choices={yesNo}
          onChange={(v) =>
            update((f) => ({ ...f, contraindications: { ...f.contraindications, [c.id]: v } }))
          }
        />
      ))}
      {anyContraindication(form) ? (
        <fieldset className="card stack" style={{ borderColor: 'var(--warning)' }}>
          <legend>{t.decisionTitle}</legend>
          <p className="notice notice--warning">{t.decisionIntro}</p>
          {anesthesiologists.length === 0 ? (
            <p className="notice notice--urgent" role="alert">
              {t.decisionNoAnesthesiologist}
            </p>
          ) : null}
          <StaffPicker
            label={t.decisionBy}
            staff={anesthesiologists}
            allowTyped={false}
            value={{ choice: form.decision.staffId, typed: '' }}
            error={errors['decision.staffId']}
            onChange={(s) => setDecision({ staffId: s.choice })}
          />
          <ChoiceGroup<YesNo>
            legend={t.decisionProceed}
            value={form.decision.proceed}
            error={errors['decision.proceed']}
            choices={yesNo}
            onChange={(proceed) => setDecision({ proceed })}
          />
          <TextField
            label={t.decisionReason}
            multiline
            maxLength={1000}
            hint={fill(t.decisionReasonHint, { min: DECISION_REASON_MIN_CHARS })}
            value={form.decision.reason}
            error={errors['decision.reason']}
            onChange={(reason) => setDecision({ reason })}
          />
        </fieldset>
      ) : null}
    </section>
  );
}
