/**
 * Center settings administration (issue 5, "Center settings"; protocol.md: every [default]
 * value "an administrator can change"). An administrator edits the values, enters the
 * S-ketamine doses and chooses the protocol for new courses; each save is a new settings
 * version (never an edit) with author, time and reason, listed in the version history.
 * Everyone else sees the same screen read-only.
 */
import { S_KETAMINE_TEMPLATE } from '../../domain/protocols/s-ketamine-template.ts';
import { protocolKey, type ProtocolDefinition } from '../../domain/protocols/types.ts';
import { nextProtocolVersion } from '../../domain/settings-history.ts';
import { DEFAULT_CENTER_SETTINGS, type CenterSettings } from '../../domain/settings.ts';
import { useBedside } from '../../ui/bedside-context.tsx';
import { fill, useMessages } from '../../ui/i18n.ts';
import { SaveStatus } from '../../ui/save-status.tsx';
import { useSave } from '../../ui/use-save.ts';
import { ActiveProtocolForm } from './active-protocol-form.tsx';
import './center-settings.css';
import { messages } from './messages.ts';
import { SKetamineForm } from './s-ketamine-form.tsx';
import { useSettingsVersions, writeSettingsVersion } from './settings-versions.ts';
import { SettingsValuesForm } from './settings-values-form.tsx';
import { VersionHistory } from './version-history.tsx';

/** The newest configured definition of each protocol id (by creation order in the list). */
function latestPerId(protocols: readonly ProtocolDefinition[]): ProtocolDefinition[] {
  const byId = new Map<string, ProtocolDefinition>();
  for (const p of protocols) byId.set(p.id, p);
  return [...byId.values()];
}

export function CenterSettingsScreen() {
  const t = useMessages(messages);
  const { writer, actor, staff } = useBedside();
  const versions = useSettingsVersions();
  const valuesSave = useSave();
  const sKetSave = useSave();
  const activeSave = useSave();
  const labels = { saving: t.saving, saved: t.saved, retry: t.retry };

  if (versions === undefined) return <p role="status">{t.loading}</p>;
  const { current, configured, inUse } = versions;
  // Only administrators change the center's settings (roles: src/domain/records/center.ts).
  const canEdit = actor !== null && actor.active && actor.role === 'admin';
  const roleName = {
    nurse: t.roleNurse,
    anesthesiologist: t.roleAnesthesiologist,
    admin: t.roleAdmin,
  };
  const sKetamine = latestPerId(configured).find((p) => p.id === S_KETAMINE_TEMPLATE.id) ?? null;

  const save = (
    runner: ReturnType<typeof useSave>,
    settings: CenterSettings,
    protocols: readonly ProtocolDefinition[],
    reason: string,
  ) => {
    if (!actor || !canEdit) return Promise.resolve(false);
    return runner
      .run(() =>
        writeSettingsVersion(writer, versions, {
          settings,
          protocols,
          reason,
          authorStaffId: actor.staffId,
        }),
      )
      .then((saved) => saved !== null);
  };
  // A save remounts the forms on the new version (keys), so they show what is now stored.
  const formKey = versions.latest?.id ?? 'defaults';

  return (
    <section className="stack center-settings" aria-labelledby="center-settings-title">
      <div className="row">
        <h1 id="center-settings-title">{t.title}</h1>
        <span className="badge badge--ok">{fill(t.inForce, { version: current.version })}</span>
      </div>
      <p className="field__hint">{t.intro}</p>
      {canEdit ? null : (
        <p className="notice notice--warning" role="status">
          {actor
            ? fill(t.readOnly, { name: actor.displayName, role: roleName[actor.role] })
            : t.noActor}
        </p>
      )}
      <SettingsValuesForm
        key={`values-${formKey}`}
        current={current}
        defaults={DEFAULT_CENTER_SETTINGS}
        protocolsInUse={inUse}
        nextVersion={versions.nextVersion}
        canEdit={canEdit}
        onSave={(settings, reason) => save(valuesSave, settings, configured, reason)}
      />
      {canEdit ? <SaveStatus state={valuesSave.state} labels={labels} /> : null}
      <div className="center-settings__pair">
        <div className="stack">
          <SKetamineForm
            key={`sket-${formKey}`}
            current={current}
            configured={sKetamine}
            nextProtocolVersion={nextProtocolVersion(
              versions.everConfigured,
              S_KETAMINE_TEMPLATE.id,
            )}
            canEdit={canEdit}
            onSave={(protocol, reason) =>
              save(sKetSave, current, [...configured, protocol], reason)
            }
          />
          {canEdit ? <SaveStatus state={sKetSave.state} labels={labels} /> : null}
        </div>
        <div className="stack">
          <ActiveProtocolForm
            key={`active-${formKey}`}
            activeKey={current.activeProtocolKey}
            candidates={[
              ...inUse.filter((p) => protocolKey(p) === current.activeProtocolKey),
              ...latestPerId(inUse).filter((p) => protocolKey(p) !== current.activeProtocolKey),
            ]}
            canEdit={canEdit}
            onSave={(activeProtocolKey, reason) =>
              save(activeSave, { ...current, activeProtocolKey }, configured, reason)
            }
          />
          {canEdit ? <SaveStatus state={activeSave.state} labels={labels} /> : null}
        </div>
      </div>
      <VersionHistory records={versions.records} staff={staff} />
    </section>
  );
}
