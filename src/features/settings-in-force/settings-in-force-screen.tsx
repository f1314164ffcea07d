/**
 * Shows the nurse which protocol version and which center settings are in force, so every
 * [default] value of protocol.md is visible rather than a hidden constant.
 */
import type { ProtocolDefinition } from '../../domain/protocols/types.ts';
import type { CenterSettings } from '../../domain/settings.ts';
import { fill, useMessages } from '../../ui/i18n.ts';
import { formatQuantity } from '../../ui/format.ts';
import { usePreferences } from '../../ui/preferences.ts';
import { messages } from './messages.ts';

type Props = {
  readonly protocols: readonly ProtocolDefinition[];
  readonly settings: CenterSettings;
};

export function SettingsInForceScreen({ protocols, settings }: Props) {
  const t = useMessages(messages);
  const locale = usePreferences((s) => s.locale);
  const q = (value: number, unit: string) => formatQuantity(value, unit, locale);
  const { thresholds: th, limits } = settings;
  return (
    <section className="stack" aria-labelledby="settings-in-force-title">
      <h1 id="settings-in-force-title">{t.title}</h1>
      <p className="notice">{t.defaultNote}</p>
      <div className="grid-2">
        {protocols.map((p) => (
          <article key={`${p.id}@${p.version}`} className="card stack" aria-label={p.title}>
            <h2>{p.title}</h2>
            <p className="field__hint">
              {fill(t.protocolVersion, { version: p.version })} · {t.source}: {p.source}
            </p>
            {p.ketamine.sessionDoses ? (
              <dl className="facts">
                <dt>{t.session1}</dt>
                <dd>{q(p.ketamine.sessionDoses.testDoseMg, 'mg')}</dd>
                <dt>{t.session2}</dt>
                <dd>{q(p.ketamine.sessionDoses.fullDoseMg, 'mg')}</dd>
                <dt>{t.duration}</dt>
                <dd>{q(p.ketamine.infusionDurationH, 'h')}</dd>
                <dt>{t.propofolRate}</dt>
                <dd>{q(p.propofol.rateMgPerKgPerH, 'mg/kg/h')}</dd>
                <dt>{t.products}</dt>
                <dd>
                  {[...p.ketamine.products, ...p.propofol.products].map((x) => x.name).join(' · ')}
                </dd>
              </dl>
            ) : (
              <p className="notice notice--warning" role="status">
                {t.notConfigured}
              </p>
            )}
          </article>
        ))}
        <article className="card stack" aria-labelledby="settings-version">
          <h2 id="settings-version">{fill(t.settingsVersion, { version: settings.version })}</h2>
          <dl className="facts">
            <dt>{t.preparation}</dt>
            <dd>{q(settings.ketaminePreparationFinalVolumeMl, 'mL')}</dd>
            <dt>{t.interval}</dt>
            <dd>
              {settings.nextSessionProposedDays} {t.days} ({t.intervalWarn}{' '}
              {settings.nextSessionWarnBelowDays} {t.days})
            </dd>
            <dt>{t.observation}</dt>
            <dd>{q(settings.observationIntervalMin, 'min')}</dd>
          </dl>
        </article>
        <article className="card stack" aria-labelledby="thresholds">
          <h2 id="thresholds">{t.thresholds}</h2>
          <ul>
            <li>
              {fill(t.spo2, {
                warning: th.spo2WarningAtOrBelowPercent,
                urgent: th.spo2UrgentAtOrBelowPercent,
              })}
            </li>
            <li>
              {fill(t.systolic, { above: th.systolicAboveMmHg, below: th.systolicBelowMmHg })}
            </li>
            <li>{fill(t.diastolic, { above: th.diastolicAboveMmHg })}</li>
            <li>
              {fill(t.heartRate, {
                above: th.heartRateAbovePerMin,
                below: th.heartRateBelowPerMin,
              })}
            </li>
            <li>{fill(t.respiratory, { below: th.respiratoryRateBelowPerMin })}</li>
            <li>{fill(t.change, { percent: th.changeFromBaselinePercent })}</li>
          </ul>
        </article>
        <article className="card stack" aria-labelledby="limits">
          <h2 id="limits">{t.limits}</h2>
          <dl className="facts">
            <dt>{t.weightHard}</dt>
            <dd>
              {q(limits.weightHardMinKg, 'kg')} – {q(limits.weightHardMaxKg, 'kg')}
            </dd>
            <dt>{t.weightSoft}</dt>
            <dd>
              &lt; {q(limits.weightSoftMinKg, 'kg')} · &gt; {q(limits.weightSoftMaxKg, 'kg')}
            </dd>
            <dt>{t.ketamineHard}</dt>
            <dd>
              {q(limits.ketamineHardMaxMg, 'mg')} ·{' '}
              {q(limits.ketamineHardMaxMgPerKgPerH, 'mg/kg/h')}
            </dd>
            <dt>{t.propofolHard}</dt>
            <dd>{q(limits.propofolHardMaxMgPerKgPerH, 'mg/kg/h')}</dd>
          </dl>
          <p className="field__hint">{fill(t.staleWeight, { hours: limits.weightMaxAgeHours })}</p>
        </article>
        <article className="card stack" aria-labelledby="discharge">
          <h2 id="discharge">{t.discharge}</h2>
          <ul>
            <li>
              {t.aldrete} {settings.dischargeMinAldrete}
            </li>
            <li>{fill(t.vitalsWithin, { percent: settings.dischargeVitalsWithinPercent })}</li>
            <li>
              {t.minObservation}: {q(settings.dischargeMinObservationMin, 'min')}
            </li>
            <li>
              {t.liverUrgent} {settings.liverUrgentUlnMultiple} {t.uln}
            </li>
          </ul>
        </article>
      </div>
    </section>
  );
}
