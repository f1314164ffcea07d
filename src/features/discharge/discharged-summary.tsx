/**
 * The stored discharge, read back from IndexedDB: what a reload shows after discharge. A
 * change is a correction on the session record screen, never a second discharge here.
 */
import type { RecordOfKind } from '../../domain/records.ts';
import { staffName, useBedside } from '../../ui/bedside-context.tsx';
import { formatDay, formatQuantity, formatTime } from '../../ui/format.ts';
import { fill } from '../../ui/i18n.ts';
import type { Locale } from '../../ui/preferences.ts';
import type { DischargeMessages } from './messages.ts';

type Props = {
  readonly discharge: RecordOfKind<'discharge'>;
  readonly onContinue: () => void;
  readonly t: DischargeMessages;
  readonly locale: Locale;
};

export function DischargedSummary({ discharge, onContinue, t, locale }: Props) {
  const { staff } = useBedside();
  const p = discharge.payload;
  const yesNo = (b: boolean) => (b ? t.yes : t.no);
  const q = (v: number, unit: string) => formatQuantity(v, unit, locale);
  return (
    <section className="card stack" aria-labelledby="discharged-title">
      <h2 id="discharged-title">{t.dischargedTitle}</h2>
      <p>
        {fill(t.dischargedAt, {
          time: formatTime(p.dischargedAt, locale),
          name: staffName(staff, discharge.authorStaffId),
        })}
      </p>
      <dl className="facts">
        <dt>{t.aldreteStored}</dt>
        <dd>{p.aldreteScore} / 10</dd>
        <dt>{t.vitalsStored}</dt>
        <dd>{yesNo(p.vitalsWithinBaseline)}</dd>
        <dt>{t.escortStored}</dt>
        <dd>{yesNo(p.escortPresent)}</dd>
        <dt>{t.drivingStored}</dt>
        <dd>{yesNo(p.noDrivingAdviceGiven)}</dd>
        <dt>{t.toleratedStored}</dt>
        <dd>
          {yesNo(p.tolerated)}
          {p.toleranceNote ? ` — ${p.toleranceNote}` : ''}
        </dd>
        <dt>{t.totalsStored}</dt>
        <dd>
          {t.colKetamine} {q(p.totalsDelivered.ketamineMg, 'mg')} (
          {q(p.totalsDelivered.ketamineMl, 'mL')}) · {t.colPropofol}{' '}
          {q(p.totalsDelivered.propofolMg, 'mg')} ({q(p.totalsDelivered.propofolMl, 'mL')})
        </dd>
        <dt>{t.nextStored}</dt>
        <dd>{p.nextAppointmentOn ? formatDay(p.nextAppointmentOn, locale) : t.none}</dd>
      </dl>
      <button type="button" className="btn btn--primary btn--large" onClick={onContinue}>
        {t.continue}
      </button>
    </section>
  );
}
