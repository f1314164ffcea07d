import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { recordsForSession } from '../../db/records-repo.ts';
import type { ClinicalRecord, RecordOfKind } from '../../domain/records.ts';
import { effectiveRecords } from '../../domain/state/effective.ts';
import { deriveSessionState } from '../../domain/state/session-state.ts';
import { formatTime } from '../../ui/format.ts';
import { usePreferences } from '../../ui/preferences.ts';
import { makeBedside, renderWithBedside } from '../../../tests/support/render-bedside.tsx';
import { SessionRecordScreen } from './session-record-screen.tsx';
import { seedRecordedSession } from './test-seed.ts';

async function setup(extra?: Parameters<typeof seedRecordedSession>[1]) {
  const bedside = makeBedside({ startIso: '2026-03-02T13:00:00.000Z' });
  const seeded = await seedRecordedSession(bedside.db, extra);
  renderWithBedside(
    <SessionRecordScreen patientId={seeded.patientId} sessionId={seeded.sessionId} />,
    bedside,
  );
  await screen.findByRole('heading', { level: 1 });
  return { ...seeded, bedside, user: userEvent.setup() };
}

const ofKind = <K extends ClinicalRecord['kind']>(records: readonly ClinicalRecord[], kind: K) =>
  records.filter((r): r is RecordOfKind<K> => r.kind === kind);
const at = (r: ClinicalRecord) => formatTime(r.clinicalTime, 'en');
const timeline = () => screen.getByRole('list', { name: 'Timeline' });
const entry = (name: string) => within(timeline()).getByRole('listitem', { name });

afterEach(() => {
  usePreferences.setState({ locale: 'en' });
  vi.restoreAllMocks();
});

describe('SessionRecordScreen timeline', () => {
  it('lists every record in clinical-time order with authors and the values that matter', async () => {
    const { obs1, obs2, recovery } = await setup();
    const items = within(timeline())
      .getAllByRole('listitem')
      .filter((li) => li.hasAttribute('data-status'));
    const kinds = items.map((li) => li.getAttribute('aria-label')?.split(' ')[0]);
    expect(kinds.slice(0, 2)).toEqual(['Session', 'Checklist']);
    expect(kinds.slice(-9)).toEqual([
      'Observation',
      'Observation',
      'Side',
      'Drug',
      'Infusion',
      'Observation',
      'Checklist',
      'Checklist',
      'Discharge',
    ]);
    const plan = within(timeline()).getByRole('listitem', { name: /^Dose plan/ });
    expect(plan).toHaveTextContent('Ketamine 75 mg over 4 h = 18.75 mg/h (0.268 mg/kg/h)');
    expect(plan).toHaveTextContent('pump 12.5 mL/h');
    expect(plan).toHaveTextContent('Propofol 1 mg/kg/h × 70 kg = 70 mg/h');
    // Pump rates read as on the pump and the dose plan: with their one decimal.
    expect(plan).toHaveTextContent('= 7 mL/h of 10 mg/mL; pump 7.0 mL/h.');
    expect(within(timeline()).getByRole('listitem', { name: /^Double check/ })).toHaveTextContent(
      'Checked by Bram Claes: ketamine 12.5 mL/h, propofol 7.0 mL/h — matches the plan',
    );
    expect(within(timeline()).getByRole('listitem', { name: /^Sign-off/ })).toHaveTextContent(
      'Signed by Dr. Jan Vermeulen (anesthesiologist): “I checked this dose plan and agree with it.”',
    );
    expect(entry(`Observation ${at(obs2)}`)).toHaveTextContent(
      'BP 142/82 mmHg · HR 80 /min · SpO2 97 %',
    );
    expect(entry(`Observation ${at(obs1)}`)).toHaveTextContent('by An Peeters');
    expect(entry(`Observation ${at(recovery)}`)).toHaveTextContent('recovery');
    expect(within(timeline()).getByRole('listitem', { name: /^Side effect/ })).toHaveTextContent(
      'Nausea (Mild): Ondansetron 4 mg IV · decided by Dr. Jan Vermeulen · infusion continued',
    );
    expect(within(timeline()).getByRole('listitem', { name: /^Drug given/ })).toHaveTextContent(
      'Ondansetron 4 mg/2 mL 4 mg IV · ordered by Dr. Jan Vermeulen · given by An Peeters',
    );
    expect(within(timeline()).getByRole('listitem', { name: /^Discharge/ })).toHaveTextContent(
      'Aldrete 10/10',
    );
  });

  it('shows the device time when an entry was made more than 2 min after its clinical time', async () => {
    const { obs2 } = await setup((f, s) => [
      f.observation(
        s.session,
        { systolicMmHg: 128 },
        { clinicalTime: '2026-03-02T09:00:00.000Z', deviceTime: '2026-03-02T09:10:00.000Z' },
      ),
    ]);
    expect(within(timeline()).getByText(/entered at/)).toHaveTextContent(
      `(entered at ${formatTime('2026-03-02T09:10:00.000Z', 'en')})`,
    );
    expect(entry(`Observation ${at(obs2)}`)).not.toHaveTextContent('entered at');
  });
});

describe('SessionRecordScreen entered in error', () => {
  it('requires a reason of 3 characters, then keeps the entry visible, struck through, and stops counting it', async () => {
    const { user, bedside, sessionId, obs2 } = await setup();
    const item = entry(`Observation ${at(obs2)}`);
    await user.click(within(item).getByRole('button', { name: /^Entered in error…/ }));
    await user.type(within(item).getByLabelText('Why was it entered in error?'), 'ab');
    await user.click(within(item).getByRole('button', { name: 'Mark entered in error' }));
    expect(within(item).getByRole('alert')).toHaveTextContent(
      'Give a reason of at least 3 characters',
    );
    expect(ofKind(await recordsForSession(bedside.db, sessionId), 'entered-in-error')).toHaveLength(
      0,
    );

    await user.type(
      within(item).getByLabelText('Why was it entered in error?'),
      'c: typed for bed 2',
    );
    await user.click(within(item).getByRole('button', { name: 'Mark entered in error' }));
    await waitFor(() =>
      expect(entry(`Observation ${at(obs2)}`)).toHaveAttribute('data-status', 'entered-in-error'),
    );

    const records = await recordsForSession(bedside.db, sessionId);
    const [marker] = ofKind(records, 'entered-in-error');
    expect(marker?.payload).toEqual({ targetRecordId: obs2.id, reason: 'abc: typed for bed 2' });
    expect(marker?.authorStaffId).toBe('nurse-an');
    const view = effectiveRecords(records);
    expect(view.isEffective(obs2.id)).toBe(false);
    expect(deriveSessionState(view, sessionId).observations.map((o) => o.id)).not.toContain(
      obs2.id,
    );

    const after = entry(`Observation ${at(obs2)}`);
    expect(within(after).getByText(/BP 142\/82 mmHg/).tagName).toBe('S');
    expect(after).toHaveTextContent('Entered in error — marked by An Peeters');
    expect(after).toHaveTextContent('abc: typed for bed 2');
    expect(
      within(after).queryByRole('button', { name: /^Entered in error…/ }),
    ).not.toBeInTheDocument();
  });
});

describe('SessionRecordScreen corrections', () => {
  it('corrects an observation: both shown, the reason given, the findings re-assessed', async () => {
    const { user, bedside, sessionId, obs1 } = await setup();
    const item = entry(`Observation ${at(obs1)}`);
    await user.click(within(item).getByRole('button', { name: /^Correct…/ }));
    const sbp = within(item).getByLabelText(/^Systolic BP/);
    expect(sbp).toHaveValue('135');
    await user.clear(sbp);
    await user.type(sbp, '185');
    await user.click(within(item).getByRole('button', { name: 'Save correction' }));
    expect(within(item).getByRole('alert')).toHaveTextContent(
      'Give a reason of at least 3 characters',
    );
    expect(ofKind(await recordsForSession(bedside.db, sessionId), 'observation')).toHaveLength(3);

    await user.type(
      within(item).getByLabelText('Reason for the correction'),
      'Read the wrong monitor line',
    );
    await user.click(within(item).getByRole('button', { name: 'Save correction' }));
    await waitFor(() =>
      expect(
        within(timeline()).getAllByRole('listitem', { name: `Observation ${at(obs1)}` }),
      ).toHaveLength(2),
    );

    const records = await recordsForSession(bedside.db, sessionId);
    const fixed = ofKind(records, 'observation').find((o) => o.supersedes !== null);
    expect(fixed?.supersedes).toEqual({ recordId: obs1.id, reason: 'Read the wrong monitor line' });
    expect(fixed?.clinicalTime).toBe(obs1.clinicalTime);
    expect(fixed?.payload.systolicMmHg).toBe(185);
    expect(
      fixed?.payload.findings.some((f) => f.level === 'urgent' && f.vital === 'systolicMmHg'),
    ).toBe(true);
    expect(effectiveRecords(records).isEffective(obs1.id)).toBe(false);

    const items = within(timeline()).getAllByRole('listitem', { name: `Observation ${at(obs1)}` });
    expect(items).toHaveLength(2);
    const [original, replacement] = items;
    expect(original).toHaveAttribute('data-status', 'corrected');
    expect(within(original as HTMLElement).getByText(/BP 135\/82 mmHg/).tagName).toBe('S');
    expect(original).toHaveTextContent('Corrected by An Peeters');
    expect(original).toHaveTextContent('Read the wrong monitor line');
    expect(replacement).toHaveAttribute('data-status', 'current');
    expect(replacement).toHaveTextContent('BP 185/82 mmHg');
    expect(replacement).toHaveTextContent('Correction of the entry of');
    expect(replacement).toHaveTextContent(
      'Systolic blood pressure 185 mmHg is above 180 mmHg (urgent).',
    );
    // On a Dutch screen the same findings in Dutch: assessing again gives exactly these.
    await act(() => usePreferences.setState({ locale: 'nl-BE' }));
    const [, dutch] = within(screen.getByRole('list', { name: 'Tijdlijn' })).getAllByRole(
      'listitem',
      { name: `Observatie ${at(obs1)}` },
    );
    expect(dutch).toHaveTextContent(
      'dringend Systolische bloeddruk 185 mmHg is hoger dan 180 mmHg (dringend).',
    );
    expect(dutch).not.toHaveTextContent('Systolic');
  });

  it('refuses an implausible corrected value next to its field and stores nothing', async () => {
    const { user, bedside, sessionId, weight } = await setup();
    const item = entry(`Weight ${at(weight)}`);
    await user.click(within(item).getByRole('button', { name: /^Correct…/ }));
    expect(within(item).getByText(/The dose plan was calculated with 70 kg/)).toBeInTheDocument();
    const field = within(item).getByLabelText(/^Weight/);
    await user.clear(field);
    await user.type(field, '400');
    await user.type(within(item).getByLabelText('Reason for the correction'), 'Scale was in lb');
    await user.click(within(item).getByRole('button', { name: 'Save correction' }));
    expect(within(item).getByRole('alert')).toHaveTextContent('looks like pounds');
    expect(ofKind(await recordsForSession(bedside.db, sessionId), 'weight')).toHaveLength(1);
  });

  it('corrects the dose and time of a drug given', async () => {
    const { user, bedside, sessionId, drug } = await setup();
    const item = entry(`Drug given ${at(drug)}`);
    await user.click(within(item).getByRole('button', { name: /^Correct…/ }));
    const dose = within(item).getByLabelText(/^Dose/);
    await user.clear(dose);
    await user.type(dose, '8');
    const time = within(item).getByLabelText('Time given');
    await user.clear(time);
    await user.type(time, formatTime('2026-03-02T08:20:00.000Z', 'en'));
    await user.type(
      within(item).getByLabelText('Reason for the correction'),
      'Two ampoules were given',
    );
    await user.click(within(item).getByRole('button', { name: 'Save correction' }));
    await waitFor(async () => {
      const fixed = ofKind(await recordsForSession(bedside.db, sessionId), 'drug-given').find(
        (d) => d.supersedes,
      );
      expect(fixed?.payload.doseMg).toBe(8);
      expect(fixed?.clinicalTime).toBe('2026-03-02T08:20:00.000Z');
      expect(fixed?.payload.orderedByStaffId).toBe('dr-jan');
    });
  });

  it('corrects a side effect severity', async () => {
    const { user, bedside, sessionId, nausea } = await setup();
    const item = entry(`Side effect ${at(nausea)}`);
    await user.click(within(item).getByRole('button', { name: /^Correct…/ }));
    await user.click(
      within(within(item).getByRole('group', { name: 'Severity' })).getByRole('radio', {
        name: 'Moderate',
      }),
    );
    await user.type(
      within(item).getByLabelText('Reason for the correction'),
      'Needed ondansetron: moderate',
    );
    await user.click(within(item).getByRole('button', { name: 'Save correction' }));
    await waitFor(async () => {
      const fixed = ofKind(await recordsForSession(bedside.db, sessionId), 'side-effect').find(
        (d) => d.supersedes,
      );
      expect(fixed?.payload.severity).toBe('moderate');
    });
  });

  it('corrects an outcome answer; "other" needs its description', async () => {
    const { user, bedside, sessionId } = await setup((f, s) => [
      f.outcomeAnswer(s.session, { painImprovementPercent: 40, decision: 'continue' }),
    ]);
    const item = within(timeline()).getByRole('listitem', { name: /^Outcome/ });
    expect(item).toHaveTextContent('Pain improvement 40 % · continue');
    await user.click(within(item).getByRole('button', { name: /^Correct…/ }));
    const pct = within(item).getByLabelText(/^Pain improvement/);
    await user.clear(pct);
    await user.type(pct, '45,5');
    await user.click(within(item).getByRole('radio', { name: 'Stop therapy (discontinue)' }));
    await user.click(within(item).getByRole('radio', { name: 'Other' }));
    await user.type(
      within(item).getByLabelText('Reason for the correction'),
      'Misheard the patient',
    );
    await user.click(within(item).getByRole('button', { name: 'Save correction' }));
    expect(within(item).getByRole('alert')).toHaveTextContent(
      'Describe the other reason therapy stopped.',
    );
    await user.type(within(item).getByLabelText('Describe the reason'), 'Pregnancy');
    await user.click(within(item).getByRole('button', { name: 'Save correction' }));
    await waitFor(async () => {
      const fixed = ofKind(await recordsForSession(bedside.db, sessionId), 'outcome-answer').find(
        (o) => o.supersedes,
      );
      expect(fixed?.payload).toEqual({
        painImprovementPercent: 45.5,
        decision: 'discontinue',
        discontinuationReason: 'other',
        reasonText: 'Pregnancy',
      });
    });
  });

  it('shows two corrections of the same record as a conflict that needs review', async () => {
    const { obs1 } = await setup((f, s) => [
      f.correction(s.obs1, { systolicMmHg: 125 }, 'Typo on tablet 1', {
        deviceId: 'tablet-1',
        clinicalTime: s.obs1.clinicalTime,
      }),
      f.correction(s.obs1, { systolicMmHg: 152 }, 'Typo on tablet 2', {
        deviceId: 'tablet-2',
        authorStaffId: 'nurse-bram',
        clinicalTime: s.obs1.clinicalTime,
      }),
    ]);
    const review = screen.getByRole('alert');
    expect(review).toHaveTextContent('Needs review');
    expect(review).toHaveTextContent('2 corrections of the same observation were made separately');
    const items = within(timeline()).getAllByRole('listitem', { name: `Observation ${at(obs1)}` });
    expect(items).toHaveLength(3);
    expect(items.every((li) => within(li).queryByText('needs review') !== null)).toBe(true);
    expect(items[0]).toHaveTextContent('Corrected by An Peeters');
    expect(items[0]).toHaveTextContent('Corrected by Bram Claes');
  });
});

describe('SessionRecordScreen print', () => {
  it('prints the record with window.print and lays out the session for one page', async () => {
    const print = vi.spyOn(window, 'print').mockImplementation(() => {});
    const { user } = await setup();
    await user.click(screen.getByRole('button', { name: 'Print record' }));
    expect(print).toHaveBeenCalledTimes(1);
    const paper = document.querySelector('.print-record') as HTMLElement;
    expect(paper).toHaveTextContent('Patient KIT-0042 · Session 1');
    expect(paper).toHaveTextContent('Protocol');
    expect(paper).toHaveTextContent('Settings version 1');
    expect(paper.querySelectorAll('.print-record__table tbody tr')).toHaveLength(3);
    expect(paper).toHaveTextContent('Dose plan signed byDr. Jan Vermeulen');
    expect(paper).toHaveTextContent('Double-checked byBram Claes');
    expect(paper).toHaveTextContent('Discharged byAn Peeters');
    expect(paper.querySelector('button')).toBeNull();
  });

  it('shows the Dutch screen', async () => {
    usePreferences.setState({ locale: 'nl-BE' });
    await setup();
    expect(screen.getByRole('heading', { name: 'Sessieverslag' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Verslag afdrukken' })).toBeInTheDocument();
  });
});
