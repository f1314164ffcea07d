/**
 * Pre-checks for today's session (protocol.md section 4 step 2): the checklist, today's weight
 * and the baseline vitals, each saved the moment it is entered. "Continue to dose plan" opens
 * only when every pre-infusion item is ticked, a weight measured today is stored and a
 * baseline is stored (SessionState, derived from the records, so a reload shows the same).
 */
import type { RecordOfKind } from '../../domain/records.ts';
import type { PRE_INFUSION_CHECKLIST } from '../../domain/records/session.ts';
import { useBedside } from '../../ui/bedside-context.tsx';
import { fill, useMessages } from '../../ui/i18n.ts';
import { usePreferences } from '../../ui/preferences.ts';
import { useNow } from '../../ui/use-now.ts';
import { usePatientView } from '../../ui/use-patient-view.ts';
import { guardSession } from '../../ui/session-view.tsx';
import { BaselineSection } from './baseline-section.tsx';
import { ChecklistSection } from './checklist-section.tsx';
import { messages } from './messages.ts';
import { storedWeightStatus, WeightSection } from './weight-section.tsx';

type Props = {
  readonly patientId: string;
  readonly sessionId: string;
  readonly onDone: () => void;
};

export function PreChecksScreen({ patientId, sessionId, onDone }: Props) {
  const t = useMessages(messages);
  const locale = usePreferences((s) => s.locale);
  const { actor } = useBedside();
  const now = useNow(30_000);
  const patientView = usePatientView(patientId, sessionId);

  const guard = guardSession(patientView, t);
  if (!guard.ready) return guard.element;
  const { view, state, session } = guard.loaded;

  const mine = view.effective.records.filter((r) => r.patientId === patientId);
  const screening =
    mine
      .filter((r): r is RecordOfKind<'eligibility-screening'> => r.kind === 'eligibility-screening')
      .at(-1) ?? null;
  const liverTests = mine.filter((r): r is RecordOfKind<'liver-test'> => r.kind === 'liver-test');

  const weightStatus = storedWeightStatus(state, session.payload.settingsSnapshot.limits, now);
  const missing = [
    // missingPreInfusion only ever holds pre-infusion items (session-state.ts).
    ...state.checklist.missingPreInfusion.map(
      (item) => t[`item.${item as (typeof PRE_INFUSION_CHECKLIST)[number]}`],
    ),
    ...(weightStatus?.ok === true ? [] : [t['missing.weight']]),
    ...(state.baseline === null ? [t['missing.baseline']] : []),
  ];

  return (
    <section className="stack" aria-labelledby="pre-checks-title">
      <h1 id="pre-checks-title">{t.title}</h1>
      <p className="field__hint">
        {fill(t.patientLabel, {
          number: view.summary.patient?.payload.centerPatientNumber ?? '',
          session: session.payload.sessionNumber,
        })}{' '}
        · {t.intro}
      </p>
      {actor === null ? (
        <p className="notice notice--warning" role="alert">
          {t.noActor}
        </p>
      ) : null}
      <div className="columns-landscape">
        <ChecklistSection
          state={state}
          session={session}
          patientNumber={view.summary.patient?.payload.centerPatientNumber ?? ''}
          screening={screening}
          liverTests={liverTests}
          courseStartDate={view.summary.course?.payload.startedOn ?? null}
          now={now}
          t={t}
          locale={locale}
        />
        <div className="stack">
          <WeightSection state={state} session={session} now={now} t={t} locale={locale} />
          <BaselineSection state={state} session={session} t={t} locale={locale} />
        </div>
      </div>
      <section className="card stack" aria-labelledby="missing-title">
        <h2 id="missing-title">{missing.length > 0 ? t.missingTitle : t.allDone}</h2>
        {missing.length > 0 ? (
          <ul aria-label={t.missingTitle}>
            {missing.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        ) : null}
        <button
          type="button"
          className="btn btn--primary btn--large"
          disabled={missing.length > 0}
          onClick={onDone}
        >
          {t.continue}
        </button>
      </section>
    </section>
  );
}
