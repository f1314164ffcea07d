/** The local staff list (who can record, check and sign on this tablet). */
import { useState, type FormEvent } from 'react';
import { STAFF_ROLES, type StaffRole } from '../../domain/records.ts';
import { protocolKey } from '../../domain/protocols/types.ts';
import { useBedside } from '../../ui/bedside-context.tsx';
import { ChoiceGroup } from '../../ui/choice-group.tsx';
import { useMessages } from '../../ui/i18n.ts';
import { SaveStatus } from '../../ui/save-status.tsx';
import { useSave } from '../../ui/use-save.ts';
import { messages } from './messages.ts';

const STAFF_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

type Errors = { name?: string; staffId?: string; role?: string };

export function StaffScreen({ onAdded }: { readonly onAdded: (staffId: string) => void }) {
  const t = useMessages(messages);
  const { staff, writer, actor, activeProtocol, settings } = useBedside();
  const [name, setName] = useState('');
  const [staffId, setStaffId] = useState('');
  const [role, setRole] = useState<StaffRole | null>(null);
  const [errors, setErrors] = useState<Errors>({});
  const save = useSave();
  const roleLabel = { nurse: t.nurse, anesthesiologist: t.anesthesiologist, admin: t.admin };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const next: Errors = {};
    if (name.trim().length < 2) next.name = t.nameRequired;
    if (!STAFF_ID.test(staffId.trim())) next.staffId = t.idRequired;
    else if (staff.some((s) => s.staffId === staffId.trim())) next.staffId = t.idTaken;
    if (!role) next.role = t.roleRequired;
    setErrors(next);
    if (Object.keys(next).length > 0 || !role) return;
    const id = staffId.trim();
    const saved = await save.run(() =>
      writer.write(
        'staff-member',
        { patientId: null, sessionId: null },
        { staffId: id, displayName: name.trim(), role, active: true },
        // The first person on a new tablet registers themself.
        {
          authorStaffId: actor?.staffId ?? id,
          protocolKey: protocolKey(activeProtocol),
          settingsVersion: settings.version,
        },
      ),
    );
    if (saved) {
      setName('');
      setStaffId('');
      setRole(null);
      onAdded(id);
    }
  };

  return (
    <section className="stack" aria-labelledby="staff-title">
      <h1 id="staff-title">{t.title}</h1>
      <p className="field__hint">{t.intro}</p>
      <div className="grid-2">
        <form
          className="card stack"
          onSubmit={(e) => void submit(e)}
          aria-labelledby="add-staff"
          noValidate
        >
          <h2 id="add-staff">{t.addTitle}</h2>
          <div className="field">
            <label htmlFor="staff-name">{t.name}</label>
            <input
              id="staff-name"
              className="input"
              value={name}
              onChange={(e) => setName(e.target.value)}
              aria-invalid={errors.name ? true : undefined}
            />
            {errors.name ? (
              <span className="field__error" role="alert">
                {errors.name}
              </span>
            ) : null}
          </div>
          <div className="field">
            <label htmlFor="staff-id">{t.staffId}</label>
            <input
              id="staff-id"
              className="input"
              value={staffId}
              autoCapitalize="off"
              onChange={(e) => setStaffId(e.target.value)}
              aria-invalid={errors.staffId ? true : undefined}
            />
            {errors.staffId ? (
              <span className="field__error" role="alert">
                {errors.staffId}
              </span>
            ) : null}
          </div>
          <ChoiceGroup
            legend={t.role}
            value={role}
            onChange={setRole}
            error={errors.role}
            choices={STAFF_ROLES.map((r) => ({ value: r, label: roleLabel[r] }))}
          />
          <button type="submit" className="btn btn--primary">
            {t.add}
          </button>
          <SaveStatus
            state={save.state}
            labels={{ saving: t.saving, saved: t.saved, retry: t.retry }}
          />
        </form>
        <section className="card stack" aria-labelledby="staff-list">
          <h2 id="staff-list">{t.listTitle}</h2>
          {staff.length === 0 ? (
            <p>{t.empty}</p>
          ) : (
            <ul>
              {staff.map((s) => (
                <li key={s.staffId}>
                  {s.displayName} · {roleLabel[s.role]} ·{' '}
                  <span className="field__hint">{s.staffId}</span>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </section>
  );
}
