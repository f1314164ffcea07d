import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { recordsForSession } from '../../db/records-repo.ts';
import type { ClinicalRecord, RecordOfKind } from '../../domain/records.ts';
import { usePreferences } from '../../ui/preferences.ts';
import { makeBedside, renderWithBedside } from '../../../tests/support/render-bedside.tsx';
import { DischargeScreen } from './discharge-screen.tsx';
import { seedStoppedSession, type DischargeSeed } from './test-seed.ts';

async function setup(seed: DischargeSeed = {}, nowIso = '2026-03-02T12:15:00.000Z') {
  const bedside = makeBedside({ startIso: nowIso });
  const seeded = await seedStoppedSession(bedside.db, seed);
  const onDischarged = vi.fn();
  const ui = (
    <DischargeScreen
      patientId={seeded.patientId}
      sessionId={seeded.sessionId}
      onDischarged={onDischarged}
    />
  );
  const view = renderWithBedside(ui, bedside);
  await screen.findByRole('heading', { level: 1 });
  return { ...seeded, bedside, onDischarged, view, ui, user: userEvent.setup() };
}

const ofKind = <K extends ClinicalRecord['kind']>(records: readonly ClinicalRecord[], kind: K) =>
  records.filter((r): r is RecordOfKind<K> => r.kind === kind);

type User = ReturnType<typeof userEvent.setup>;
const pick = async (user: User, legend: string, name: RegExp | string) =>
  user.click(within(screen.getByRole('group', { name: legend })).getByRole('radio', { name }));

async function scoreAldrete(
  user: User,
  points: { activity?: 0 | 1 | 2; consciousness?: 0 | 1 | 2 } = {},
) {
  const two = { activity: 2, consciousness: 2, ...points };
  await pick(user, 'Activity', new RegExp(`^${two.activity} — `));
  await pick(user, 'Respiration', /^2 — /);
  await pick(user, 'Circulation', /^2 — /);
  await pick(user, 'Consciousness', new RegExp(`^${two.consciousness} — `));
  await pick(user, 'Is the patient on extra oxygen now?', 'No');
  await pick(user, 'Oxygen saturation', /^2 — /);
}

const notReadyList = () => screen.getByRole('list', { name: 'Not ready for discharge:' });

afterEach(() => usePreferences.setState({ locale: 'en' }));

describe('DischargeScreen totals', () => {
  it('computes the totals delivered from the pump events, pauses and rate changes excluded, with the work shown', async () => {
    // 0-60 min at 12.5 / 7 mL/h, paused 60-90, 90-150 at 12.5 / 7, 150-240 propofol 3.5 mL/h.
    await setup({
      pump: [
        { min: 60, event: 'pause' },
        { min: 90, event: 'resume' },
        { min: 150, event: 'rate-change', propofolRateMlPerH: 3.5 },
        { min: 240, event: 'stop' },
      ],
    });
    // Ketamine 12.5 mL/h x 3.5 h = 43.75 mL x 1.5 mg/mL = 65.625 mg (displayed to 0.01).
    expect(screen.getByTestId('ketamine-total')).toHaveTextContent('65.63 mg · 43.75 mL');
    // Propofol 7 mL/h x 2 h + 3.5 mL/h x 1.5 h = 19.25 mL x 10 mg/mL = 192.5 mg.
    expect(screen.getByTestId('propofol-total')).toHaveTextContent('192.5 mg · 19.25 mL');
    const table = screen.getByRole('table', { name: 'Totals actually delivered' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(3);
    expect(rows[2]).toHaveTextContent('3.5 mL/h × 1.5 h = 5.25 mL; × 10 mg/mL = 52.5 mg');
    expect(screen.getByText(/Pumps running/).nextSibling).toHaveTextContent('3:30 h');
  });

  it('stores the exact (unrounded) totals in the discharge record', async () => {
    const { user, bedside, sessionId, onDischarged } = await setup({
      pump: [
        { min: 60, event: 'pause' },
        { min: 90, event: 'resume' },
        { min: 240, event: 'stop' },
      ],
    });
    await scoreAldrete(user);
    await pick(user, 'Was this session well tolerated?', 'Yes, well tolerated');
    await user.click(screen.getByRole('button', { name: 'Discharge patient' }));
    await waitFor(() => expect(onDischarged).toHaveBeenCalled());
    const [d] = ofKind(await recordsForSession(bedside.db, sessionId), 'discharge');
    // 210 min running: 12.5 x 3.5 = 43.75 mL, 65.625 mg; propofol 7 x 3.5 = 24.5 mL, 245 mg.
    expect(d?.payload.totalsDelivered).toEqual({
      ketamineMg: 65.625,
      ketamineMl: 43.75,
      propofolMg: 245,
      propofolMl: 24.5,
    });
  });
});

describe('DischargeScreen readiness', () => {
  it('blocks discharge while Aldrete < 9 and the escort is missing: every reason shown, nothing stored', async () => {
    const { user, bedside, sessionId } = await setup({ escortPresent: false });
    await scoreAldrete(user, { activity: 1, consciousness: 1 });
    await pick(user, 'Was this session well tolerated?', 'Yes, well tolerated');
    expect(screen.getByText('Total 8 / 10 (discharge needs 9 or more)')).toBeInTheDocument();
    const list = notReadyList();
    expect(list).toHaveTextContent('Modified Aldrete is 8; discharge needs 9 or more.');
    expect(list).toHaveTextContent('The patient must go home with an escort');
    const button = screen.getByRole('button', { name: 'Discharge patient' });
    expect(button).toBeDisabled();
    await user.click(button);
    expect(ofKind(await recordsForSession(bedside.db, sessionId), 'discharge')).toHaveLength(0);
  });

  it('lists the unscored Aldrete, the missing tolerance answer and the observation time still to go', async () => {
    await setup({}, '2026-03-02T11:45:00.000Z');
    const list = notReadyList();
    expect(list).toHaveTextContent('Score the modified Aldrete before discharge.');
    expect(list).toHaveTextContent('Answer “Was this session well tolerated?”.');
    expect(list).toHaveTextContent(
      'Observed 15 min since the infusion ended; the minimum is 30 min',
    );
    expect(
      screen.getByText('Observed 15 min since the infusion ended (minimum 30 min). 15 min to go.'),
    ).toBeInTheDocument();
  });

  it('offers to take a new set of vitals where recovery vitals are entered, when composed so', async () => {
    const bedside = makeBedside({ startIso: '2026-03-02T12:15:00.000Z' });
    const seeded = await seedStoppedSession(bedside.db, {});
    const onTakeVitals = vi.fn();
    renderWithBedside(
      <DischargeScreen
        patientId={seeded.patientId}
        sessionId={seeded.sessionId}
        onDischarged={() => {}}
        onTakeVitals={onTakeVitals}
      />,
      bedside,
    );
    const vitals = await screen.findByRole('region', { name: 'Last vitals vs baseline' });
    await userEvent.click(within(vitals).getByRole('button', { name: 'Take a new set of vitals' }));
    expect(onTakeVitals).toHaveBeenCalledTimes(1);
  });

  it('has no such button when the screen is used on its own', async () => {
    await setup();
    const vitals = screen.getByRole('region', { name: 'Last vitals vs baseline' });
    expect(within(vitals).queryByRole('button')).toBeNull();
  });

  it('shows last vitals outside 20 % of baseline as unmet, per vital', async () => {
    await setup({ recovery: { systolicMmHg: 170, diastolicMmHg: 90 } });
    const table = screen.getByRole('table', { name: 'Last vitals vs baseline' });
    const sbp = within(table).getByRole('row', { name: /Systolic BP/ });
    expect(sbp).toHaveTextContent('Systolic BP (mmHg)13017030.8 %outside 20 %');
    expect(notReadyList()).toHaveTextContent(
      'Systolic blood pressure 170 mmHg differs 31 % from baseline 130 mmHg',
    );
  });

  it('suggests circulation and SpO2 from the last observation, without scoring for the nurse', async () => {
    const { user } = await setup({
      recovery: { systolicMmHg: 170, diastolicMmHg: 90, spo2Percent: 92 },
    });
    const circulation = screen.getByRole('group', { name: 'Circulation' });
    expect(
      within(circulation).getByRole('radio', {
        name: /^1 — .*\(suggested: from systolic 170 mmHg vs baseline 130 mmHg\)/,
      }),
    ).not.toBeChecked();
    await pick(user, 'Is the patient on extra oxygen now?', 'No');
    const spo2 = screen.getByRole('group', { name: 'Oxygen saturation' });
    expect(
      within(spo2).getByRole('radio', {
        name: /^1 — .*\(suggested: from SpO2 92 % \(room air\)\)/,
      }),
    ).not.toBeChecked();
  });
});

describe('DischargeScreen saving', () => {
  it('stores the discharge record with the tolerance answer and note, then reports it', async () => {
    const { user, bedside, sessionId, onDischarged } = await setup();
    await scoreAldrete(user);
    expect(screen.getByText(/This answer decides the next session’s dose/)).toHaveTextContent(
      '150 mg',
    );
    await pick(user, 'Was this session well tolerated?', 'No, not well tolerated');
    await user.type(
      screen.getByLabelText('Note on tolerance (optional)'),
      'Nightmares despite propofol',
    );
    expect(screen.getByText('All discharge criteria are met.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Discharge patient' }));
    await waitFor(() => expect(onDischarged).toHaveBeenCalledTimes(1));
    const [d] = ofKind(await recordsForSession(bedside.db, sessionId), 'discharge');
    expect(d?.authorStaffId).toBe('nurse-an');
    expect(d?.protocolKey).toBe('kit-racemic@1.0.0');
    expect(d?.payload).toMatchObject({
      aldreteScore: 10,
      aldreteItems: {
        activity: 2,
        respiration: 2,
        circulation: 2,
        consciousness: 2,
        oxygenSaturation: 2,
      },
      vitalsWithinBaseline: true,
      escortPresent: true,
      noDrivingAdviceGiven: true,
      tolerated: false,
      toleranceNote: 'Nightmares despite propofol',
      totalsDelivered: { ketamineMg: 75, ketamineMl: 50, propofolMg: 280, propofolMl: 28 },
      nextAppointmentOn: '2026-03-30',
    });
    expect(d?.payload.dischargedAt).toBe(d?.clinicalTime);
    expect(await screen.findByRole('heading', { name: 'Discharged' })).toBeInTheDocument();
  });

  it('lets the nurse change the proposed date and warns under 21 days', async () => {
    const { user, bedside, sessionId, onDischarged } = await setup();
    const date = screen.getByLabelText('Next session on');
    expect(date).toHaveValue('2026-03-30');
    fireEvent.change(date, { target: { value: '2026-03-16' } });
    expect(screen.getByRole('alert')).toHaveTextContent('Only 14 days after the last session');
    await scoreAldrete(user);
    await pick(user, 'Was this session well tolerated?', 'Yes, well tolerated');
    await user.click(screen.getByRole('button', { name: 'Discharge patient' }));
    await waitFor(() => expect(onDischarged).toHaveBeenCalled());
    const [d] = ofKind(await recordsForSession(bedside.db, sessionId), 'discharge');
    expect(d?.payload.nextAppointmentOn).toBe('2026-03-16');
    expect(d?.payload.tolerated).toBe(true);
  });

  it('writes a checklist-item record when the escort is confirmed here', async () => {
    const { user, bedside, sessionId } = await setup({ escortPresent: false });
    await user.click(screen.getByRole('checkbox', { name: /Escort present/ }));
    await waitFor(() =>
      expect(screen.getByRole('checkbox', { name: /Escort present/ })).toBeChecked(),
    );
    const items = ofKind(await recordsForSession(bedside.db, sessionId), 'checklist-item').filter(
      (r) => r.payload.item === 'escort-present',
    );
    expect(items.map((r) => r.payload.checked)).toEqual([true]);
  });

  it('keeps the scores tapped across a reload (draft)', async () => {
    const { user, view, ui } = await setup();
    await pick(user, 'Activity', /^1 — /);
    await new Promise((r) => setTimeout(r, 400));
    view.unmount();
    renderWithBedside(ui, view.bedside);
    await waitFor(() =>
      expect(
        within(screen.getByRole('group', { name: 'Activity' })).getByRole('radio', {
          name: /^1 — /,
        }),
      ).toBeChecked(),
    );
  });

  it('refuses to save anything when nobody is recording', async () => {
    const bedside = makeBedside({ startIso: '2026-03-02T12:15:00.000Z', actor: null });
    const seeded = await seedStoppedSession(bedside.db);
    renderWithBedside(
      <DischargeScreen
        patientId={seeded.patientId}
        sessionId={seeded.sessionId}
        onDischarged={() => {}}
      />,
      bedside,
    );
    expect(await screen.findByText(/Nobody is signed in/)).toBeInTheDocument();
    const user = userEvent.setup();
    await scoreAldrete(user);
    await pick(user, 'Was this session well tolerated?', 'Yes, well tolerated');
    expect(screen.getByRole('button', { name: 'Discharge patient' })).toBeDisabled();
    expect(ofKind(await recordsForSession(bedside.db, seeded.sessionId), 'discharge')).toHaveLength(
      0,
    );
  });

  it('lists the unmet criteria in Dutch on the Dutch screen', async () => {
    usePreferences.setState({ locale: 'nl-BE' });
    await setup({ escortPresent: false }, '2026-03-02T11:45:00.000Z');
    const list = screen.getByRole('list', { name: 'Nog niet klaar voor ontslag:' });
    expect(list).toHaveTextContent('Scoor de gewijzigde Aldrete vóór het ontslag.');
    expect(list).toHaveTextContent(
      '15 min geobserveerd sinds het einde van het infuus; het minimum is 30 min (nog ongeveer 15 min).',
    );
    expect(list).toHaveTextContent('De patiënt moet met een begeleider naar huis');
    expect(list).not.toHaveTextContent(/Score|Observed|escort/);
  });

  it('shows the Dutch screen with a decimal comma', async () => {
    usePreferences.setState({ locale: 'nl-BE' });
    await setup({
      pump: [
        { min: 60, event: 'pause' },
        { min: 90, event: 'resume' },
        { min: 240, event: 'stop' },
      ],
    });
    expect(screen.getByRole('heading', { name: 'Einde infusie en ontslag' })).toBeInTheDocument();
    expect(screen.getByTestId('ketamine-total')).toHaveTextContent('65,63 mg · 43,75 mL');
  });
});
