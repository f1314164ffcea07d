/**
 * Every unmet discharge criterion, in the domain's words (assessDischarge fails closed), plus
 * the answers this screen still needs, and the one button that writes the discharge record.
 *
 * Decision (documented for the lead): discharge is possible only when `assessDischarge` says
 * ready. An anesthesiologist override of open criteria must show in the record (who, why,
 * which criteria), and the discharge record schema has no field for it yet; a discharge that
 * hides its open criteria would be worse than an open session (the next dose then falls back
 * to the anesthesiologist's decision, session-dose.ts). So the screen says how to proceed and
 * keeps the session open until the schema can hold the override.
 */
import type { DischargeUnmet } from '../../domain/discharge.ts';
import { useErrorText } from '../../ui/i18n.ts';
import { SaveStatus, type SaveState } from '../../ui/save-status.tsx';
import type { DischargeMessages } from './messages.ts';

type Props = {
  readonly unmet: readonly DischargeUnmet[];
  /** Answers still missing on this screen (tolerance, a wrong date, totals). */
  readonly missing: readonly string[];
  readonly canSave: boolean;
  readonly onDischarge: () => void;
  readonly saveState: SaveState;
  readonly t: DischargeMessages;
};

export function ReadinessSection({ unmet, missing, canSave, onDischarge, saveState, t }: Props) {
  const text = useErrorText();
  const open = [...unmet.map(text), ...missing];
  return (
    <section className="card stack" aria-labelledby="readiness-title">
      <h2 id="readiness-title">{t.readinessTitle}</h2>
      {open.length > 0 ? (
        <div className="notice notice--warning">
          <p id="not-ready-title">{t.notReady}</p>
          <ul aria-labelledby="not-ready-title">
            {open.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        </div>
      ) : (
        <p className="notice notice--ok">{t.ready}</p>
      )}
      {unmet.length > 0 ? (
        <details>
          <summary className="btn btn--quiet">{t.overrideTitle}</summary>
          <p>{t.overrideUnavailable}</p>
        </details>
      ) : null}
      <button
        type="button"
        className="btn btn--primary btn--large"
        disabled={!canSave || saveState.kind === 'saving'}
        onClick={onDischarge}
      >
        {t.discharge}
      </button>
      <SaveStatus
        state={saveState}
        labels={{ saving: t.saving, saved: t.saved, retry: t.retry }}
        onRetry={canSave ? onDischarge : undefined}
      />
    </section>
  );
}
