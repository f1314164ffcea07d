/**
 * Every stored settings version, newest first: who saved it, when, why, and what changed
 * against the version before (values and center-configured protocols).
 */
import { RACEMIC_KETAMINE_V1 } from '../../domain/protocols/racemic-ketamine-v1.ts';
import { protocolKey, type ProtocolDefinition } from '../../domain/protocols/types.ts';
import { SETTING_FIELDS } from '../../domain/settings-fields.ts';
import {
  settingsHistory,
  type SettingChange,
  type SettingsVersionRecord,
} from '../../domain/settings-history.ts';
import { staffName, type StaffMember } from '../../ui/bedside-context.tsx';
import { formatDateTime, formatNumber, formatQuantity } from '../../ui/format.ts';
import { fill, useMessages } from '../../ui/i18n.ts';
import { usePreferences, type Locale } from '../../ui/preferences.ts';
import { fieldLabels } from './field-labels.ts';
import { messages } from './messages.ts';

type Props = {
  readonly records: readonly SettingsVersionRecord[];
  readonly staff: readonly StaffMember[];
};

function describeProtocol(p: ProtocolDefinition, template: string, locale: Locale): string {
  const doses = p.ketamine.sessionDoses;
  return fill(template, {
    title: p.title,
    version: p.version,
    test: doses ? formatQuantity(doses.testDoseMg, 'mg', locale) : '–',
    full: doses ? formatQuantity(doses.fullDoseMg, 'mg', locale) : '–',
    product: p.ketamine.products
      .map((x) => `${x.name} (${formatQuantity(x.concentrationMgPerMl, 'mg/mL', locale)})`)
      .join(', '),
  });
}

export function VersionHistory({ records, staff }: Props) {
  const t = useMessages(messages);
  const labels = useMessages(fieldLabels) as Record<string, string | undefined>;
  const locale = usePreferences((s) => s.locale);
  const history = settingsHistory(records).reverse();

  const titles = new Map(
    [RACEMIC_KETAMINE_V1, ...records.flatMap((r) => r.payload.protocols ?? [])].map((p) => [
      protocolKey(p),
      `${p.title} · ${p.version}`,
    ]),
  );
  const value = (change: SettingChange, v: number | string | null) => {
    if (v === null) return t.absent;
    if (typeof v === 'string') return titles.get(v) ?? v;
    const unit = SETTING_FIELDS.find((f) => f.path === change.path)?.unit;
    return unit ? formatQuantity(v, unit, locale, 6) : formatNumber(v, locale, 6);
  };
  const label = (path: string) =>
    path === 'activeProtocolKey'
      ? t.activeProtocolKey
      : (labels[path] ?? SETTING_FIELDS.find((f) => f.path === path)?.label ?? path);

  return (
    <section className="card stack" aria-labelledby="settings-history-title">
      <h2 id="settings-history-title">{t.historyTitle}</h2>
      {history.length === 0 ? <p>{t.historyEmpty}</p> : null}
      <ol className="center-settings__history" aria-labelledby="settings-history-title">
        {history.map((entry) => {
          const r = entry.record;
          return (
            <li
              key={r.id}
              className="stack"
              aria-label={fill(t.version, { version: entry.version })}
            >
              <div className="row">
                <strong>{fill(t.version, { version: entry.version })}</strong>
                <span>{formatDateTime(r.clinicalTime, locale)}</span>
                <span>{fill(t.by, { name: staffName(staff, r.authorStaffId) })}</span>
                {entry.duplicateVersion ? (
                  <span className="badge badge--warning">{t.duplicate}</span>
                ) : null}
              </div>
              {r.supersedes ? (
                <p>
                  <span className="field__hint">{t.reasonLabel}: </span>
                  {r.supersedes.reason}
                </p>
              ) : null}
              {entry.changes === null ? (
                <p className="field__hint">{t.baseline}</p>
              ) : (
                <ul>
                  {entry.changes.map((c) => (
                    <li key={c.path}>
                      {label(c.path)}: {value(c, c.before)} → {value(c, c.after)}
                    </li>
                  ))}
                  {entry.protocolsAdded.map((p) => (
                    <li key={`${p.id}@${p.version}`}>
                      {describeProtocol(p, t.protocolAdded, locale)}
                    </li>
                  ))}
                  {entry.protocolsRemoved.map((key) => (
                    <li key={key}>{fill(t.protocolRemoved, { key })}</li>
                  ))}
                  {entry.changes.length +
                    entry.protocolsAdded.length +
                    entry.protocolsRemoved.length ===
                  0 ? (
                    <li>{t.noValueChanges}</li>
                  ) : null}
                </ul>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
