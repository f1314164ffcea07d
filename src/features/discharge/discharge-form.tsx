/**
 * The discharge checks of one session and the `discharge` record (protocol.md section 4 step 5
 * and "Discharge [default]"). Every rule is the domain's: totals by `infusionTimeline`, the
 * score by `computeAldrete`, readiness by `assessDischarge` (with the session's settings
 * snapshot, not today's settings), the next date by `proposeNextSession`/`checkInterval`.
 * What is typed or tapped is kept as a draft, so a reload returns it.
 */
import { computeAldrete, type AldreteItemId } from '../../domain/aldrete.ts';
import { checkInterval, proposeNextSession } from '../../domain/appointments.ts';
import { assessDischarge, type DischargeUnmetCode } from '../../domain/discharge.ts';
import type { PayloadOf } from '../../domain/records.ts';
import type { SessionState } from '../../domain/state/session-state.ts';
import { useBedside } from '../../ui/bedside-context.tsx';
import type { Locale } from '../../ui/preferences.ts';
import { useFormDraft } from '../../ui/use-form-draft.ts';
import { useNow } from '../../ui/use-now.ts';
import { useSave } from '../../ui/use-save.ts';
import { AldreteSection, type AldreteDraft, type YesNo } from './aldrete-section.tsx';
import { AppointmentSection } from './appointment-section.tsx';
import { lastObservation, sessionDay, sessionTimeline, vitalsOf } from './discharge-data.ts';
import { GoingHomeSection } from './going-home-section.tsx';
import type { DischargeMessages } from './messages.ts';
import { ReadinessSection } from './readiness-section.tsx';
import { ToleranceSection } from './tolerance-section.tsx';
import { TotalsSection } from './totals-section.tsx';
import { VitalsSection } from './vitals-section.tsx';

type SessionRecord = NonNullable<SessionState['session']>;

type Draft = {
  readonly aldrete: AldreteDraft;
  readonly onOxygen: YesNo | null;
  readonly tolerated: YesNo | null;
  readonly toleranceNote: string;
  /** null: the proposed date; '' : no appointment. */
  readonly nextDate: string | null;
};
const EMPTY: Draft = {
  aldrete: {},
  onOxygen: null,
  tolerated: null,
  toleranceNote: '',
  nextDate: null,
};

/** Unmet codes that mean the last vitals are not shown to be within the baseline band. */
const NOT_WITHIN: readonly DischargeUnmetCode[] = [
  'vitals-outside-baseline',
  'vitals-missing',
  'baseline-missing',
];

type Props = {
  readonly state: SessionState;
  readonly session: SessionRecord;
  readonly onDischarged: () => void;
  readonly onTakeVitals?: (() => void) | undefined;
  readonly t: DischargeMessages;
  readonly locale: Locale;
};

export function DischargeForm({ state, session, onDischarged, onTakeVitals, t, locale }: Props) {
  const { actor, clock, writer } = useBedside();
  const now = useNow(15_000);
  const draft = useFormDraft<Draft>('discharge', session.sessionId, EMPTY);
  const save = useSave();
  const d = draft.value;
  const settings = session.payload.settingsSnapshot;
  const plan = state.currentDosePlan;
  const last = lastObservation(state);
  const lastVitals = last ? vitalsOf(last.payload) : null;
  const baseline = state.baseline ? vitalsOf(state.baseline.payload) : null;
  const isChecked = (item: 'escort-present' | 'no-driving-advice') =>
    state.checklist.items[item]?.payload.checked === true;

  const day = sessionDay(state);
  const proposal = day === null ? null : proposeNextSession(day, settings);
  const proposalDate = proposal?.ok ? proposal.value : null;
  const nextDate = d.nextDate ?? proposalDate ?? '';
  const interval = nextDate === '' || day === null ? null : checkInterval(day, nextDate, settings);

  const score = computeAldrete(d.aldrete);
  const assess = (at: Date) =>
    assessDischarge({
      aldrete: score.ok ? score.value.total : null,
      lastVitals,
      lastVitalsAt: last?.clinicalTime ?? null,
      baseline,
      escortPresent: isChecked('escort-present'),
      noDrivingAdviceGiven: isChecked('no-driving-advice'),
      infusionEndedAt: state.infusion.stoppedAt,
      now: at,
      settings,
    });
  const assessment = assess(now);
  const timeline = sessionTimeline(state, now);
  const missing = [
    ...(d.tolerated === null ? [t.answerTolerance] : []),
    ...(interval !== null && !interval.ok ? [t.fixAppointment] : []),
    ...(timeline?.ok ? [] : [t.totalsMissing]),
  ];
  const canSave = actor !== null && assessment.ready && missing.length === 0 && score.ok;

  const discharge = async () => {
    // Re-checked with a fresh reading of the clock at the moment of saving.
    const at = clock.now();
    const final = assess(at);
    const totals = sessionTimeline(state, at);
    if (!actor || !final.ready || !totals?.ok || !score.ok || d.tolerated === null) return;
    if (interval !== null && !interval.ok) return;
    const when = at.toISOString();
    const k = totals.value.totals.ketamine;
    const p = totals.value.totals.propofol;
    const payload: PayloadOf<'discharge'> = {
      aldreteScore: score.value.total,
      aldreteItems: score.value.items,
      vitalsWithinBaseline: !final.unmet.some((u) => NOT_WITHIN.includes(u.code)),
      escortPresent: isChecked('escort-present'),
      noDrivingAdviceGiven: isChecked('no-driving-advice'),
      tolerated: d.tolerated === 'yes',
      ...(d.toleranceNote.trim() === '' ? {} : { toleranceNote: d.toleranceNote }),
      totalsDelivered: {
        ketamineMg: k.deliveredMg,
        ketamineMl: k.deliveredMl,
        propofolMg: p.deliveredMg,
        propofolMl: p.deliveredMl,
      },
      ...(nextDate === '' ? {} : { nextAppointmentOn: nextDate }),
      dischargedAt: when,
    };
    const saved = await save.run(() =>
      writer.write(
        'discharge',
        { patientId: session.patientId, sessionId: session.sessionId },
        payload,
        {
          authorStaffId: actor.staffId,
          protocolKey: session.protocolKey,
          settingsVersion: session.settingsVersion,
        },
        { clinicalTime: when },
      ),
    );
    if (saved) {
      draft.clear();
      onDischarged();
    }
  };

  const setAldrete = (id: AldreteItemId, points: '0' | '1' | '2') =>
    draft.set((v) => ({ ...v, aldrete: { ...v.aldrete, [id]: points } }));

  return (
    <>
      {/* The two tables (working per interval, vitals vs baseline) need the full width. */}
      <TotalsSection state={state} plan={plan} timeline={timeline} t={t} locale={locale} />
      <VitalsSection
        last={lastVitals}
        lastAt={last?.clinicalTime ?? null}
        baseline={baseline}
        unmet={assessment.unmet}
        withinPercent={settings.dischargeVitalsWithinPercent}
        onTakeVitals={onTakeVitals}
        t={t}
        locale={locale}
      />
      <div className="columns-landscape">
        <AldreteSection
          value={d.aldrete}
          onChange={setAldrete}
          onOxygen={d.onOxygen}
          setOnOxygen={(v) => draft.set((x) => ({ ...x, onOxygen: v }))}
          last={lastVitals}
          baseline={baseline}
          minAldrete={settings.dischargeMinAldrete}
          t={t}
          locale={locale}
        />
        <div className="stack">
          <GoingHomeSection
            state={state}
            now={now}
            minObservationMin={settings.dischargeMinObservationMin}
            t={t}
          />
          <ToleranceSection
            tolerated={d.tolerated}
            onTolerated={(v) => draft.set((x) => ({ ...x, tolerated: v }))}
            note={d.toleranceNote}
            onNote={(text) => draft.set((x) => ({ ...x, toleranceNote: text }))}
            sessionNumber={session.payload.sessionNumber}
            fullDoseMg={session.payload.protocolSnapshot.ketamine.sessionDoses?.fullDoseMg ?? null}
            t={t}
          />
          <AppointmentSection
            value={nextDate}
            onChange={(date) => draft.set((x) => ({ ...x, nextDate: date }))}
            proposal={proposalDate}
            proposedDays={settings.nextSessionProposedDays}
            check={interval}
            t={t}
            locale={locale}
          />
        </div>
      </div>
      <ReadinessSection
        unmet={assessment.unmet}
        missing={missing}
        canSave={canSave}
        onDischarge={() => void discharge()}
        saveState={save.state}
        t={t}
      />
    </>
  );
}
