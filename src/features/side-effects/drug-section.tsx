/** The drug given for the side effect, if any: drug, dose (mg), route, who ordered and who gave it. */
import type { ExtraDrug } from '../../domain/extra-drugs.ts';
import { EXTRA_DRUGS, ROUTES } from '../../domain/records.ts';
import { ChoiceGroup } from '../../ui/choice-group.tsx';
import { useMessages } from '../../ui/i18n.ts';
import { NumberField } from '../../ui/number-field.tsx';
import { StaffSelect } from '../../ui/staff-select.tsx';
import { TextField } from '../../ui/text-field.tsx';
import type { CaptureErrors, CaptureForm } from './capture.ts';
import { messages } from './messages.ts';

type Props = {
  readonly form: CaptureForm;
  readonly errors: CaptureErrors;
  readonly patch: (p: Partial<CaptureForm>) => void;
  /** Set once the drug was stored (the side effect itself then failed): fields are locked. */
  readonly locked: boolean;
};

export function DrugSection({ form, errors, patch, locked }: Props) {
  const t = useMessages(messages);
  const label: { readonly [D in ExtraDrug]: string } = {
    ondansetron: t.drugOndansetron,
    midazolam: t.drugMidazolam,
    'propofol-bolus': t.drugPropofolBolus,
    glycopyrrolate: t.drugGlycopyrrolate,
    clonidine: t.drugClonidine,
    other: t.drugOther,
  };
  return (
    <fieldset className="stack" style={{ border: 'none', padding: 0, margin: 0 }} disabled={locked}>
      <ChoiceGroup
        legend={t.drugGiven}
        value={form.drugGiven === '' ? null : form.drugGiven}
        onChange={(v) => patch({ drugGiven: v })}
        error={errors.drugGiven}
        choices={[
          { value: 'no', label: t.noDrug },
          { value: 'yes', label: t.yesDrug },
        ]}
      />
      {form.drugGiven === 'yes' ? (
        <div className="stack card">
          <ChoiceGroup
            legend={t.drug}
            value={form.drug === '' ? null : form.drug}
            onChange={(v) => patch({ drug: v })}
            error={errors.drug}
            choices={EXTRA_DRUGS.map((d) => ({ value: d, label: label[d] }))}
          />
          <TextField
            label={form.drug === 'other' ? t.drugNameOther : t.drugName}
            value={form.drugName}
            onChange={(v) => patch({ drugName: v })}
            error={errors.drugName}
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
        </div>
      ) : null}
    </fieldset>
  );
}
