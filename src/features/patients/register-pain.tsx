/**
 * Registration: pain type by two physicians, the external physician's deciding opinion when
 * they disagree (protocol.md section 5; resolved by resolvePainType), and baseline NRS 0-10.
 */
import type { PainTypeResolution } from '../../domain/outcomes.ts';
import { PAIN_TYPES } from '../../domain/records.ts';
import { useBedside } from '../../ui/bedside-context.tsx';
import { ChoiceGroup } from '../../ui/choice-group.tsx';
import { fill, useMessages } from '../../ui/i18n.ts';
import { NumberField } from '../../ui/number-field.tsx';
import { messages } from './messages.ts';
import { painTypeLabel } from './patient-display.ts';
import type { OpinionKey, SectionProps } from './register-form.ts';
import { StaffPicker } from './staff-picker.tsx';

function Opinion({
  who,
  opinionKey,
  form,
  update,
  errors,
}: SectionProps & { readonly who: string; readonly opinionKey: OpinionKey }) {
  const t = useMessages(messages);
  const { staff } = useBedside();
  const o = form.opinions[opinionKey];
  const set = (change: Partial<typeof o>) =>
    update((f) => ({
      ...f,
      opinions: { ...f.opinions, [opinionKey]: { ...f.opinions[opinionKey], ...change } },
    }));
  return (
    <div className="stack">
      <StaffPicker
        label={who}
        staff={staff}
        value={o.staff}
        error={errors[`${opinionKey}.staff`]}
        onChange={(s) => set({ staff: s })}
      />
      <ChoiceGroup
        legend={fill(t.painTypeOf, { who })}
        value={o.painType}
        error={errors[`${opinionKey}.painType`]}
        choices={PAIN_TYPES.map((p) => ({ value: p, label: painTypeLabel(t, p) }))}
        onChange={(painType) => set({ painType })}
      />
    </div>
  );
}

export function RegisterPain(props: SectionProps & { readonly pain: PainTypeResolution | null }) {
  const t = useMessages(messages);
  const { form, update, errors, pain } = props;
  const p1 = form.opinions.physician1.painType;
  const p2 = form.opinions.physician2.painType;
  const disagree = p1 !== null && p2 !== null && p1 !== p2;
  return (
    <section className="card stack" aria-labelledby="register-pain">
      <h2 id="register-pain">{t.painTitle}</h2>
      <p className="field__hint">{t.painIntro}</p>
      <div className="grid-2">
        <Opinion {...props} who={t.physician1} opinionKey="physician1" />
        <Opinion {...props} who={t.physician2} opinionKey="physician2" />
      </div>
      {disagree ? (
        <>
          <p className="notice notice--warning" role="status">
            {t.painNeedsExternal}
          </p>
          <Opinion {...props} who={t.externalPhysician} opinionKey="external" />
        </>
      ) : null}
      {pain?.status === 'agreed' && pain.painType ? (
        <p className="notice notice--ok" role="status">
          {fill(t.painAgreed, { type: painTypeLabel(t, pain.painType) })}
        </p>
      ) : null}
      {pain?.status === 'decided-by-external' && pain.painType ? (
        <p className="notice notice--ok" role="status">
          {fill(t.painDecidedByExternal, { type: painTypeLabel(t, pain.painType) })}
        </p>
      ) : null}
      <NumberField
        label={t.baselineNrs}
        unit={t.points}
        integer
        hint={t.baselineNrsHint}
        value={form.baselineNrs}
        error={errors.baselineNrs}
        onChange={(baselineNrs) => update((f) => ({ ...f, baselineNrs }))}
      />
    </section>
  );
}
