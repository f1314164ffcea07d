/**
 * Start: possible only with a valid anesthesiologist sign-off of the current dose plan
 * (protocol.md section 4 step 3: "The infusion cannot start before both" double check and
 * sign-off), after the pre-checks. Shows the two pump settings to set before the start is recorded.
 */
import type { SessionState } from '../../domain/state/session-state.ts';
import { staffName, useBedside } from '../../ui/bedside-context.tsx';
import { fill, useMessages } from '../../ui/i18n.ts';
import { usePreferences } from '../../ui/preferences.ts';
import { messages } from './messages.ts';
import { formatPumpRate } from './pump-rates.tsx';

type Props = {
  readonly state: SessionState;
  readonly busy: boolean;
  readonly canWrite: boolean;
  readonly onStart: (rates: { ketamineRateMlPerH: number; propofolRateMlPerH: number }) => void;
};

export function StartPanel({ state, busy, canWrite, onStart }: Props) {
  const t = useMessages(messages);
  const locale = usePreferences((s) => s.locale);
  const { staff } = useBedside();
  const plan = state.currentDosePlan;
  const signOff = state.signOff;
  // The session's own step says whether the pre-checks are done (weight, baseline, every
  // pre-infusion item ticked): a signed plan does not replace them.
  const preChecksDone = state.step !== 'pre-checks';
  const ready = plan !== null && signOff?.valid === true && preChecksDone;
  const problems = [
    ...(preChecksDone
      ? []
      : [fill(t.preChecksIncomplete, { n: state.checklist.missingPreInfusion.length })]),
    ...(plan === null ? [t.noPlan] : signOff === null ? [t.noSignOff] : signOff.problems),
  ];
  return (
    <div className="stack">
      {ready && plan ? (
        <div className="notice stack" style={{ gap: '0.3rem' }}>
          <strong>{t.setPumps}</strong>
          <span style={{ fontSize: '1.3rem' }}>
            {t.ketamine}:{' '}
            <strong>{formatPumpRate(plan.payload.pumpEntry.ketamineMlPerH, locale)}</strong>
          </span>
          <span style={{ fontSize: '1.3rem' }}>
            {t.propofol}:{' '}
            <strong>{formatPumpRate(plan.payload.pumpEntry.propofolMlPerH, locale)}</strong>
          </span>
          <span className="field__hint">
            {fill(t.signedBy, { name: staffName(staff, signOff.record.payload.signedByStaffId) })}
          </span>
        </div>
      ) : (
        <div className="notice notice--warning" role="alert">
          <strong>{t.cannotStart}</strong>
          <ul>
            {problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </div>
      )}
      <button
        type="button"
        className="btn btn--primary btn--large"
        disabled={!ready || busy || !canWrite}
        onClick={() =>
          plan &&
          onStart({
            ketamineRateMlPerH: plan.payload.pumpEntry.ketamineMlPerH,
            propofolRateMlPerH: plan.payload.pumpEntry.propofolMlPerH,
          })
        }
      >
        {t.start}
      </button>
    </div>
  );
}
