/** Registration: the pseudonymous number, sex, and date of birth or birth year. */
import { SEXES } from '../../domain/records/patient.ts';
import { ChoiceGroup } from '../../ui/choice-group.tsx';
import { useMessages } from '../../ui/i18n.ts';
import { messages } from './messages.ts';
import type { SectionProps } from './register-form.ts';
import { TextField } from '../../ui/text-field.tsx';

export function RegisterIdentity({
  form,
  update,
  errors,
  today,
}: SectionProps & { readonly today: string }) {
  const t = useMessages(messages);
  const sexLabel = { female: t.female, male: t.male, other: t.other, unknown: t.unknown };
  return (
    <section className="card stack" aria-labelledby="register-identity">
      <h2 id="register-identity">{t.identityTitle}</h2>
      <TextField
        identifier
        label={t.number}
        hint={t.numberHint}
        value={form.number}
        maxLength={40}
        error={errors.number}
        onChange={(number) => update((f) => ({ ...f, number }))}
      />
      <ChoiceGroup
        legend={t.sex}
        value={form.sex}
        error={errors.sex}
        choices={SEXES.map((s) => ({ value: s, label: sexLabel[s] }))}
        onChange={(sex) => update((f) => ({ ...f, sex }))}
      />
      <ChoiceGroup
        legend={t.birthKnown}
        value={form.birthKnown}
        error={errors.birthKnown}
        choices={[
          { value: 'date', label: t.birthKnownDate },
          { value: 'year', label: t.birthKnownYear },
        ]}
        onChange={(birthKnown) => update((f) => ({ ...f, birthKnown }))}
      />
      {form.birthKnown === 'date' ? (
        <TextField
          type="date"
          label={t.birthDate}
          value={form.birthDate}
          error={errors.birthDate}
          max={today}
          onChange={(birthDate) => update((f) => ({ ...f, birthDate }))}
        />
      ) : null}
      {form.birthKnown === 'year' ? (
        <TextField
          label={t.birthYear}
          inputMode="numeric"
          maxLength={4}
          value={form.birthYear}
          error={errors.birthYear}
          onChange={(birthYear) => update((f) => ({ ...f, birthYear }))}
        />
      ) : null}
    </section>
  );
}
