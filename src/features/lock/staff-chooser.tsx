/**
 * "Who is using the tablet?": one large button per active staff member (alphabetical, so a
 * name stays in the same place), with the role and whether they still have to choose a PIN or
 * are locked out. The button's accessible name is the person's name alone (what it shows in
 * large type); the role and PIN state are its description.
 */
import type { StaffPinRow } from '../../db/database.ts';
import { pinStateOf } from '../../db/staff-pins.ts';
import type { StaffMember } from '../../ui/bedside-context.tsx';
import type { LockMessages } from './messages.ts';

type Props = {
  readonly staff: readonly StaffMember[];
  readonly pins: ReadonlyMap<string, StaffPinRow>;
  readonly now: Date;
  readonly onChoose: (staffId: string) => void;
  readonly t: LockMessages;
};

export function StaffChooser({ staff, pins, now, onChoose, t }: Props) {
  const roleLabel = { nurse: t.nurse, anesthesiologist: t.anesthesiologist, admin: t.admin };
  return (
    <section className="stack" aria-labelledby="lock-who">
      <h2 id="lock-who">{t.whoTitle}</h2>
      <p className="field__hint">{t.whoHint}</p>
      <ul className="lock-staff" aria-label={t.staffList}>
        {staff.map((s) => {
          const state = pinStateOf(pins.get(s.staffId), now);
          const descId = `lock-staff-${s.staffId}`;
          return (
            <li key={s.staffId}>
              <button
                type="button"
                className="btn lock-staff__button"
                aria-describedby={descId}
                onClick={() => onChoose(s.staffId)}
              >
                <span className="lock-staff__name">{s.displayName}</span>
                {/* The description, not part of the name: said once, after the name. */}
                <span id={descId} className="lock-staff__meta" aria-hidden="true">
                  {roleLabel[s.role]}
                  {state.kind === 'none' ? ` · ${t.noPinYet}` : null}
                  {state.kind === 'locked-out' ? ` · ${t.lockedOutBadge}` : null}
                </span>
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
