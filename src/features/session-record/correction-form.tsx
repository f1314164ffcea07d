/**
 * Opens the "Correct…" form for the kind of entry, with what that kind needs from the session:
 * its baseline and thresholds (observations are re-assessed), its weight limits, its start.
 * Values come from the session's own settings snapshot, not today's settings.
 */
import type { SessionState } from '../../domain/state/session-state.ts';
import { useMessages } from '../../ui/i18n.ts';
import type { Locale } from '../../ui/preferences.ts';
import { correctionMessages } from './correction-messages.ts';
import { CorrectDrug } from './correct-drug.tsx';
import { CorrectOutcome } from './correct-outcome.tsx';
import { CorrectSideEffect } from './correct-side-effect.tsx';
import { CorrectBaseline, CorrectObservation } from './correct-vitals.tsx';
import { CorrectWeight } from './correct-weight.tsx';
import type { CorrectableRecord } from './timeline.ts';

type Props = {
  readonly record: CorrectableRecord;
  readonly state: SessionState;
  readonly onDone: () => void;
  readonly locale: Locale;
};

export function CorrectionForm({ record, state, onDone, locale }: Props) {
  const t = useMessages(correctionMessages);
  const session = state.session;
  if (session === null) return null;
  const settings = session.payload.settingsSnapshot;
  switch (record.kind) {
    case 'observation': {
      const b = state.baseline?.payload;
      const baseline = b
        ? {
            systolicMmHg: b.systolicMmHg,
            diastolicMmHg: b.diastolicMmHg,
            heartRatePerMin: b.heartRatePerMin,
            spo2Percent: b.spo2Percent,
            respiratoryRatePerMin: b.respiratoryRatePerMin ?? null,
          }
        : null;
      return (
        <CorrectObservation
          record={record}
          baseline={baseline}
          thresholds={settings.thresholds}
          onDone={onDone}
          t={t}
        />
      );
    }
    case 'baseline-vitals':
      return <CorrectBaseline record={record} onDone={onDone} t={t} />;
    case 'weight':
      return (
        <CorrectWeight
          record={record}
          limits={settings.limits}
          plan={state.currentDosePlan}
          onDone={onDone}
          t={t}
          locale={locale}
        />
      );
    case 'drug-given':
      return (
        <CorrectDrug record={record} sessionStart={session.clinicalTime} onDone={onDone} t={t} />
      );
    case 'outcome-answer':
      return <CorrectOutcome record={record} onDone={onDone} t={t} />;
    case 'side-effect':
      return <CorrectSideEffect record={record} onDone={onDone} t={t} locale={locale} />;
  }
}
