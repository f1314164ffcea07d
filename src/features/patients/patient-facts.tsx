/** The patient at a glance: identity (pseudonymous), pain type with every opinion, baseline NRS, eligibility. */
import { resolvePainType } from '../../domain/outcomes.ts';
import type { RecordOfKind } from '../../domain/records.ts';
import { staffName, useBedside } from '../../ui/bedside-context.tsx';
import { formatDay, formatNumber } from '../../ui/format.ts';
import { useMessages } from '../../ui/i18n.ts';
import { usePreferences } from '../../ui/preferences.ts';
import { messages } from './messages.ts';
import { ageText, eligibilityView, painTypeLabel, sexLabel } from './patient-display.ts';

type Props = {
  readonly patient: RecordOfKind<'patient'>;
  readonly screening: RecordOfKind<'eligibility-screening'> | null;
  readonly today: string;
};

export function PatientFacts({ patient, screening, today }: Props) {
  const t = useMessages(messages);
  const locale = usePreferences((s) => s.locale);
  const { staff } = useBedside();
  const p = patient.payload;
  const o = p.painTypeOpinions;
  const resolved = resolvePainType({
    physician1: o.physician1,
    physician2: o.physician2,
    external: o.external ?? null,
  });
  const painType = resolved.ok ? resolved.value.painType : null;
  const eligibility = eligibilityView(screening, staff, t);
  const opinions = [
    [t.physician1, o.physician1],
    [t.physician2, o.physician2],
    ...(o.external ? [[t.externalPhysician, o.external] as const] : []),
  ] as const;
  return (
    <section className="card stack patient-facts" aria-labelledby="patient-facts">
      <h2 id="patient-facts">{t.facts}</h2>
      <dl className="facts">
        <dt>{t.number}</dt>
        <dd>{p.centerPatientNumber}</dd>
        <dt>{t.sex}</dt>
        <dd>{sexLabel(t, p.sex)}</dd>
        <dt>{t.age}</dt>
        <dd>
          {ageText(p, today, t)}
          {p.birthDate ? ` (${formatDay(p.birthDate, locale)})` : ''}
        </dd>
        <dt>{t.painType}</dt>
        <dd>
          <strong>{painType ? painTypeLabel(t, painType) : t.painTypeUndecided}</strong>
          <ul aria-label={t.painTypeOpinions}>
            {opinions.map(([who, op]) => (
              <li key={who}>
                {who}: {staffName(staff, op.staffId)} — {painTypeLabel(t, op.painType)}
              </li>
            ))}
          </ul>
        </dd>
        <dt>{t.baseline}</dt>
        <dd>{formatNumber(p.baselineNrs, locale)} / 10</dd>
        <dt>{t.eligibility}</dt>
        <dd>
          <span
            className={eligibility.kind === 'eligible' ? 'badge badge--ok' : 'badge badge--urgent'}
          >
            {eligibility.text}
          </span>
        </dd>
      </dl>
    </section>
  );
}
