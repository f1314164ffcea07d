/**
 * Escort present and no-driving advice (protocol.md section 3: "escorted home; told unfit to
 * drive or operate machinery for the rest of the day"), each a `checklist-item` record written
 * the moment it is ticked (the latest record of an item counts, session-state.ts), and the
 * minimum observation time after the infusion end, computed from the stored stop time and now.
 */
import type { ChecklistItem, DISCHARGE_CHECKLIST } from '../../domain/records.ts';
import type { SessionState } from '../../domain/state/session-state.ts';
import { useBedside } from '../../ui/bedside-context.tsx';
import { fill } from '../../ui/i18n.ts';
import { SaveStatus } from '../../ui/save-status.tsx';
import { useSave } from '../../ui/use-save.ts';
import type { DischargeMessages } from './messages.ts';

type Item = (typeof DISCHARGE_CHECKLIST)[number];
const ITEMS: readonly Item[] = ['escort-present', 'no-driving-advice'];

type Props = {
  readonly state: SessionState;
  readonly now: Date;
  readonly minObservationMin: number;
  readonly t: DischargeMessages;
};

export function GoingHomeSection({ state, now, minObservationMin, t }: Props) {
  const { writer, actor } = useBedside();
  const save = useSave();
  const session = state.session;
  const checked = (item: ChecklistItem) => state.checklist.items[item]?.payload.checked === true;

  const toggle = async (item: Item) => {
    if (!actor || !session) return;
    await save.run(() =>
      writer.write(
        'checklist-item',
        { patientId: session.patientId, sessionId: session.sessionId },
        { item, checked: !checked(item) },
        {
          authorStaffId: actor.staffId,
          protocolKey: session.protocolKey,
          settingsVersion: session.settingsVersion,
        },
      ),
    );
  };

  const stoppedAt = state.infusion.stoppedAt;
  const observed = stoppedAt === null ? null : (now.getTime() - Date.parse(stoppedAt)) / 60_000;
  const remaining = observed === null ? null : Math.ceil(minObservationMin - observed);

  return (
    <section className="card stack" aria-labelledby="going-home-title">
      <h2 id="going-home-title">{t.checksTitle}</h2>
      {ITEMS.map((item) => (
        <label key={item} className="choice" data-checked={checked(item) || undefined}>
          <input
            type="checkbox"
            checked={checked(item)}
            disabled={!actor}
            onChange={() => void toggle(item)}
          />
          <span>
            {t[`item.${item}`]}
            <span className="field__hint"> {t[`hint.${item}`]}</span>
          </span>
        </label>
      ))}
      <SaveStatus
        state={save.state}
        labels={{ saving: t.saving, saved: t.saved, retry: t.retry }}
      />
      <h3>{t.observationTitle}</h3>
      {observed === null || remaining === null ? (
        <p>{t.observationNotStarted}</p>
      ) : (
        <p className={remaining > 0 ? 'notice notice--warning' : 'notice notice--ok'}>
          {fill(t.observedFor, {
            observed: Math.max(0, Math.floor(observed)),
            min: minObservationMin,
          })}{' '}
          {remaining > 0 ? fill(t.observationRemaining, { remaining }) : t.observationDone}
        </p>
      )}
    </section>
  );
}
