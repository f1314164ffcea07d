/**
 * Extra drugs given (protocol.md section 4 step 4; "every drug actually given is recorded by
 * a named person"): drug, dose in mg (decimal comma or point, never rounded), route, time
 * (now, or back-dated to no earlier than the session start), who ordered it and who gave it.
 * One `drug-given` record per confirmed entry.
 */
import { useState, type FormEvent } from 'react';
import { parseBackDatedTime } from '../../domain/back-dated-time.ts';
import { EXTRA_DRUG_GENERIC_NAME, type ExtraDrug } from '../../domain/extra-drugs.ts';
import { EXTRA_DRUGS, ROUTES } from '../../domain/records.ts';
import { parseQuantity } from '../../domain/units.ts';
import { useBedside } from '../../ui/bedside-context.tsx';
import { ChoiceGroup } from '../../ui/choice-group.tsx';
import { fill, useErrorText, useMessages } from '../../ui/i18n.ts';
import { NumberField } from '../../ui/number-field.tsx';
import { SaveStatus } from '../../ui/save-status.tsx';
import { TextField } from '../../ui/text-field.tsx';
import { useFormDraft } from '../../ui/use-form-draft.ts';
import { useSave } from '../../ui/use-save.ts';
import { messages } from './messages.ts';
import { StaffSelect } from '../../ui/staff-select.tsx';
import { TimeOfDayField } from '../../ui/time-of-day-field.tsx';
import type { SessionWrite } from '../../ui/use-session-write.ts';

type Props = {
  readonly sessionId: string;
  /** Session start (the session record's clinical time): the earliest back-dated time. */
  readonly sessionStart: string;
  readonly sessionStartLabel: string;
  readonly write: SessionWrite | null;
};

type Form = {
  drug: string;
  name: string;
  dose: string;
  route: string;
  time: string;
  orderedBy: string;
  givenBy: string;
};
type Errors = Partial<Record<keyof Form, string>>;

export function DrugGivenForm({ sessionId, sessionStart, sessionStartLabel, write }: Props) {
  const t = useMessages(messages);
  const errText = useErrorText();
  const { actor, clock } = useBedside();
  const empty: Form = {
    drug: '',
    name: '',
    dose: '',
    route: 'IV',
    time: '',
    orderedBy: '',
    givenBy: actor?.staffId ?? '',
  };
  const draft = useFormDraft<Form>('infusion-drug-given', sessionId, empty);
  const form = draft.value;
  const patch = (p: Partial<Form>) => draft.set((old) => ({ ...old, ...p }));
  const [errors, setErrors] = useState<Errors>({});
  const save = useSave();
  const drugLabel: { readonly [D in ExtraDrug]: string } = {
    ondansetron: t.drugOndansetron,
    midazolam: t.drugMidazolam,
    'propofol-bolus': t.drugPropofolBolus,
    glycopyrrolate: t.drugGlycopyrrolate,
    clonidine: t.drugClonidine,
    other: t.drugOther,
  };
  const drug = (EXTRA_DRUGS as readonly string[]).includes(form.drug)
    ? (form.drug as ExtraDrug)
    : null;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!write) return;
    const next: Errors = {};
    if (drug === null) next.drug = t.drugRequired;
    const name = form.name.trim() || (drug ? EXTRA_DRUG_GENERIC_NAME[drug] : null);
    if (drug !== null && !name) next.name = t.drugNameRequired;
    const dose = parseQuantity(form.dose, {
      field: 'doseMg',
      label: t.dose,
      unit: 'mg',
      maxDecimals: 2,
    });
    if (!dose.ok) next.dose = errText(dose.error);
    const route = (ROUTES as readonly string[]).includes(form.route)
      ? (form.route as (typeof ROUTES)[number])
      : null;
    if (route === null) next.route = t.routeRequired;
    const time = parseBackDatedTime(form.time, {
      earliest: sessionStart,
      now: clock.now(),
      field: 'time',
      label: t.timeGiven,
    });
    if (!time.ok) next.time = errText(time.error);
    if (form.orderedBy === '') next.orderedBy = t.orderedByRequired;
    if (form.givenBy === '') next.givenBy = t.givenByRequired;
    setErrors(next);
    if (Object.keys(next).length > 0 || !drug || !name || !dose.ok || !route || !time.ok) return;
    const saved = await save.run(() =>
      write(
        'drug-given',
        {
          drug,
          drugName: name,
          doseMg: dose.value,
          route,
          orderedByStaffId: form.orderedBy,
          givenByStaffId: form.givenBy,
        },
        { clinicalTime: time.value },
      ),
    );
    if (saved) draft.clear();
  };

  return (
    <section className="card stack" aria-labelledby="drug-title">
      <h2 id="drug-title">{t.drugTitle}</h2>
      <form
        className="stack"
        onSubmit={(e) => void submit(e)}
        noValidate
        aria-labelledby="drug-title"
      >
        <ChoiceGroup
          legend={t.drug}
          value={drug}
          onChange={(v) => patch({ drug: v })}
          error={errors.drug}
          choices={EXTRA_DRUGS.map((d) => ({ value: d, label: drugLabel[d] }))}
        />
        <TextField
          label={drug === 'other' ? t.drugNameOther : t.drugName}
          value={form.name}
          onChange={(v) => patch({ name: v })}
          error={errors.name}
          maxLength={200}
        />
        <NumberField
          label={t.dose}
          unit="mg"
          value={form.dose}
          onChange={(v) => patch({ dose: v })}
          error={errors.dose}
        />
        <ChoiceGroup
          legend={t.route}
          value={form.route === '' ? null : form.route}
          onChange={(v) => patch({ route: v })}
          error={errors.route}
          choices={ROUTES.map((r) => ({ value: r, label: r }))}
        />
        <TimeOfDayField
          label={t.timeGiven}
          value={form.time}
          onChange={(v) => patch({ time: v })}
          placeholder={t.nowPlaceholder}
          hint={fill(t.timeHint, { start: sessionStartLabel })}
          error={errors.time}
        />
        <div className="grid-2">
          <StaffSelect
            label={t.orderedBy}
            value={form.orderedBy}
            onChange={(v) => patch({ orderedBy: v })}
            placeholder={t.choosePerson}
            anesthesiologistsFirst
            error={errors.orderedBy}
          />
          <StaffSelect
            label={t.givenBy}
            value={form.givenBy}
            onChange={(v) => patch({ givenBy: v })}
            placeholder={t.choosePerson}
            error={errors.givenBy}
          />
        </div>
        <button type="submit" className="btn btn--primary btn--large" disabled={!write}>
          {t.saveDrug}
        </button>
        <SaveStatus
          state={save.state}
          labels={{ saving: t.saving, saved: t.saved, retry: t.retry }}
        />
      </form>
    </section>
  );
}
