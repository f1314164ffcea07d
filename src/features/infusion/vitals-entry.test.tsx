import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { recordsForSession } from '../../db/records-repo.ts';
import type { KitDatabase } from '../../db/database.ts';
import { parseVitals } from '../../domain/vitals.ts';
import { usePreferences } from '../../ui/preferences.ts';
import { makeBedside, renderWithBedside } from '../../../tests/support/render-bedside.tsx';
import { seedSession } from '../../../tests/support/seed-session.ts';
import { playSoftBeep } from './alert-beep.ts';
import { InfusionScreen } from './infusion-screen.tsx';

vi.mock('./alert-beep.ts', () => ({ playSoftBeep: vi.fn() }));

const T = (hhmm: string) => `2026-03-02T${hhmm}:00.000Z`;

const observations = async (db: KitDatabase, sessionId: string) =>
  (await recordsForSession(db, sessionId)).filter((r) => r.kind === 'observation');

/** A session whose infusion started at 07:50 (baseline 130/80, HR 72, SpO2 98, RR 14). */
async function setup(extra: 'running' | 'stopped' = 'running') {
  const bedside = makeBedside({ startIso: T('08:00') });
  const seeded = await seedSession(bedside.db, {
    then: (f, s) => [
      f.at(T('07:50')).infusionEvent(s, 'start'),
      ...(extra === 'stopped'
        ? [f.at(T('07:55')).infusionEvent(s, 'stop', { reason: 'Nausea' })]
        : []),
    ],
  });
  const ui = (
    <InfusionScreen
      patientId={seeded.patientId}
      sessionId={seeded.sessionId}
      onStopped={() => {}}
    />
  );
  const view = renderWithBedside(ui, bedside);
  await screen.findByRole('button', { name: 'Save vitals' });
  return { bedside, seeded, view, ui };
}

async function typeVitals(v: {
  sbp: string;
  dbp: string;
  hr: string;
  spo2: string;
  rr?: string;
  rass?: RegExp;
}) {
  await userEvent.type(screen.getByLabelText(/^Systolic/), v.sbp);
  await userEvent.type(screen.getByLabelText(/^Diastolic/), v.dbp);
  await userEvent.type(screen.getByLabelText(/^Heart rate/), v.hr);
  await userEvent.type(screen.getByLabelText(/^SpO2/), v.spo2);
  if (v.rr) await userEvent.type(screen.getByLabelText(/^Respiratory rate/), v.rr);
  if (v.rass) await userEvent.click(screen.getByRole('radio', { name: v.rass }));
}

const wake = () => act(() => void document.dispatchEvent(new Event('visibilitychange')));

const save = () => userEvent.click(screen.getByRole('button', { name: 'Save vitals' }));

beforeEach(() => {
  vi.mocked(playSoftBeep).mockClear();
  usePreferences.setState({ alertSound: false, locale: 'en' });
});
afterEach(() => usePreferences.setState({ alertSound: false, locale: 'en' }));

describe('VitalsEntry', () => {
  it('refuses SpO2 "9O" with the domain message and saves nothing', async () => {
    const { bedside, seeded } = await setup();
    await typeVitals({ sbp: '130', dbp: '80', hr: '70', spo2: '9O', rass: /^0 Alert and calm/ });
    await save();
    const form = screen.getByRole('form', { name: 'Vitals and sedation' });
    expect(within(form).getByRole('alert')).toHaveTextContent('SpO2 "9O" is not a number.');
    expect(screen.getByLabelText(/^SpO2/)).toHaveAttribute('aria-invalid', 'true');
    expect(await observations(bedside.db, seeded.sessionId)).toHaveLength(0);
  });

  it('does not show the previous "Saved" next to a refused entry (decimal comma SpO2)', async () => {
    const { bedside, seeded } = await setup();
    await typeVitals({ sbp: '128', dbp: '78', hr: '70', spo2: '97', rass: /^0 Alert and calm/ });
    await save();
    const form = screen.getByRole('form', { name: 'Vitals and sedation' });
    expect(await within(form).findByText(/Saved on this tablet/)).toBeInTheDocument();
    await typeVitals({ sbp: '135', dbp: '82', hr: '76', spo2: '97,5', rass: /^-1 Drowsy/ });
    await save();
    expect(within(form).getByRole('alert')).toHaveTextContent('SpO2 must be a whole number of %.');
    expect(within(form).queryByText(/Saved on this tablet/)).toBeNull();
    expect(await observations(bedside.db, seeded.sessionId)).toHaveLength(1);
  });

  it('refuses a value a monitor cannot show (HR 720) and a missing RASS', async () => {
    const { bedside, seeded } = await setup();
    await typeVitals({ sbp: '130', dbp: '80', hr: '720', spo2: '97' });
    await save();
    const form = screen.getByRole('form', { name: 'Vitals and sedation' });
    const alerts = within(form)
      .getAllByRole('alert')
      .map((a) => a.textContent);
    expect(alerts).toEqual([
      expect.stringContaining('Heart rate 720 /min is outside what a monitor can show'),
      'Sedation score (RASS) is required: pick one from +4 to -5.',
    ]);
    expect(await observations(bedside.db, seeded.sessionId)).toHaveLength(0);
  });

  it('flags SpO2 89 as urgent, stores the findings snapshot and shows it plainly', async () => {
    const { bedside, seeded } = await setup();
    await typeVitals({ sbp: '128', dbp: '78', hr: '74', spo2: '89', rr: '12', rass: /^-1 Drowsy/ });
    await save();
    const last = await screen.findByRole('region', { name: 'Last observation' });
    expect(within(last).getByText(/SpO2 89 % is at or below 90 %/)).toBeInTheDocument();
    expect(within(last).getByText(/Urgent/)).toBeInTheDocument();
    const [obs] = await observations(bedside.db, seeded.sessionId);
    expect(obs?.payload).toEqual({
      systolicMmHg: 128,
      diastolicMmHg: 78,
      heartRatePerMin: 74,
      spo2Percent: 89,
      respiratoryRatePerMin: 12,
      rass: -1,
      phase: 'infusion',
      findings: [
        {
          level: 'urgent',
          vital: 'spo2Percent',
          code: 'absolute',
          message: 'SpO2 89 % is at or below 90 % (urgent).',
        },
      ],
    });
    expect(obs?.authorStaffId).toBe('nurse-an');
    expect(playSoftBeep).not.toHaveBeenCalled(); // the sound preference is off
    // The form is emptied for the next observation.
    expect(screen.getByLabelText(/^SpO2/)).toHaveValue('');
  });

  it("flags BP +35 % from this session's baseline (130 mmHg) as a warning", async () => {
    const { bedside, seeded } = await setup();
    await typeVitals({ sbp: '176', dbp: '90', hr: '80', spo2: '97', rass: /^0 Alert and calm/ });
    await save();
    const last = await screen.findByRole('region', { name: 'Last observation' });
    expect(last).toHaveTextContent(
      /Warning:.*Systolic blood pressure 176 mmHg is up 35 % from this session's baseline 130 mmHg/,
    );
    const [obs] = await observations(bedside.db, seeded.sessionId);
    expect(obs?.payload.findings).toEqual([
      expect.objectContaining({ level: 'warning', vital: 'systolicMmHg', code: 'baseline-change' }),
    ]);
    expect(obs?.payload.respiratoryRatePerMin).toBeNull();
  });

  it('says so when all values are within the limits', async () => {
    await setup();
    await typeVitals({ sbp: '132', dbp: '82', hr: '70', spo2: '98', rass: /^0 Alert and calm/ });
    await save();
    expect(await screen.findByText(/No alerts/)).toBeInTheDocument();
    expect(playSoftBeep).not.toHaveBeenCalled();
  });

  it('lists observations latest first with their flags', async () => {
    const { bedside } = await setup();
    await typeVitals({ sbp: '132', dbp: '82', hr: '70', spo2: '98', rass: /^0 Alert and calm/ });
    await save();
    await screen.findByText(/No alerts/);
    bedside.clock.set(T('08:15'));
    await typeVitals({ sbp: '128', dbp: '78', hr: '74', spo2: '89', rass: /^-1 Drowsy/ });
    await save();
    const table = await screen.findByRole('table', { name: 'Observations this session' });
    // The flagged observation's findings follow on a full-width row of their own.
    await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(4));
    const [, first, findings, second] = within(table).getAllByRole('row');
    expect(first).toHaveTextContent(/128\/78.*74.*89.*−?-1.*Urgent/);
    expect(findings).toHaveTextContent(/Urgent.*SpO2 89 % is at or below 90 %/);
    expect(second).toHaveTextContent(/132\/82.*70.*98.*Normal/);
  });

  it('plays one soft tone for a flagged observation only when the preference is on', async () => {
    usePreferences.setState({ alertSound: true });
    await setup();
    await typeVitals({ sbp: '128', dbp: '78', hr: '74', spo2: '89', rass: /^0 Alert and calm/ });
    await save();
    await screen.findByRole('region', { name: 'Last observation' });
    expect(playSoftBeep).toHaveBeenCalledTimes(1);
  });

  it('plays one soft tone when an observation becomes overdue, never repeated', async () => {
    usePreferences.setState({ alertSound: true });
    const { bedside } = await setup();
    expect(playSoftBeep).not.toHaveBeenCalled();
    bedside.clock.set(T('08:06'));
    wake();
    expect(screen.getByText(/Observation OVERDUE/)).toBeInTheDocument();
    bedside.clock.set(T('08:07'));
    wake();
    bedside.clock.set(T('08:20'));
    wake();
    expect(playSoftBeep).toHaveBeenCalledTimes(1);
  });

  it('records observations after the stop as recovery', async () => {
    const { bedside, seeded } = await setup('stopped');
    expect(
      screen.getByRole('heading', { name: 'Vitals and sedation (recovery)' }),
    ).toBeInTheDocument();
    await typeVitals({ sbp: '130', dbp: '80', hr: '72', spo2: '97', rass: /^0 Alert and calm/ });
    await save();
    await screen.findByText(/No alerts/);
    const [obs] = await observations(bedside.db, seeded.sessionId);
    expect(obs?.payload.phase).toBe('recovery');
  });

  it('keeps half-typed vitals across a reload (draft)', async () => {
    const { view, ui, bedside } = await setup();
    await userEvent.type(screen.getByLabelText(/^Systolic/), '141');
    await userEvent.type(screen.getByLabelText(/^SpO2/), '95');
    view.unmount();
    renderWithBedside(ui, bedside);
    await waitFor(() => expect(screen.getByLabelText(/^Systolic/)).toHaveValue('141'));
    expect(screen.getByLabelText(/^SpO2/)).toHaveValue('95');
  });
});

describe('VitalsEntry in Dutch', () => {
  it('refuses HR 720 with the domain’s Dutch text next to the field, and follows a language switch', async () => {
    usePreferences.setState({ locale: 'nl-BE' });
    const bedside = makeBedside({ startIso: T('08:00') });
    const seeded = await seedSession(bedside.db, {
      then: (f, s) => [f.at(T('07:50')).infusionEvent(s, 'start')],
    });
    renderWithBedside(
      <InfusionScreen
        patientId={seeded.patientId}
        sessionId={seeded.sessionId}
        onStopped={() => {}}
      />,
      bedside,
    );
    await screen.findByRole('button', { name: 'Parameters bewaren' });
    const typed = {
      systolicMmHg: '130',
      diastolicMmHg: '80',
      heartRatePerMin: '720',
      spo2Percent: '97',
      respiratoryRatePerMin: '',
    };
    // What the domain says about these values, in both languages.
    const refused = parseVitals(typed);
    if (refused.ok) throw new Error('HR 720 must be refused');
    expect(refused.error.field).toBe('heartRatePerMin');
    const { message: english, messageNl: dutch } = refused.error;
    expect(dutch, 'vitals.ts gives no Dutch text for this refusal yet').toBeDefined();
    expect(dutch).not.toBe(english);

    await userEvent.type(screen.getByLabelText(/^Systolisch/), typed.systolicMmHg);
    await userEvent.type(screen.getByLabelText(/^Diastolisch/), typed.diastolicMmHg);
    await userEvent.type(screen.getByLabelText(/^Hartslag/), typed.heartRatePerMin);
    await userEvent.type(screen.getByLabelText(/^SpO2/), typed.spo2Percent);
    await userEvent.click(screen.getByRole('radio', { name: /^0 Alert en kalm/ }));
    await userEvent.click(screen.getByRole('button', { name: 'Parameters bewaren' }));

    const form = screen.getByRole('form', { name: 'Vitale parameters en sedatie' });
    const heartRate = screen.getByLabelText(/^Hartslag/);
    expect(heartRate).toHaveAttribute('aria-invalid', 'true');
    expect(heartRate).toHaveAccessibleDescription(dutch!);
    expect(
      within(form)
        .getAllByRole('alert')
        .map((a) => a.textContent),
    ).toEqual([dutch]);
    expect(within(form).queryByText(english)).not.toBeInTheDocument();
    expect(await observations(bedside.db, seeded.sessionId)).toHaveLength(0);

    // The refusal is kept as the domain's error, so it is said again in the new language.
    await act(() => usePreferences.setState({ locale: 'en' }));
    expect(screen.getByLabelText(/^Heart rate/)).toHaveAccessibleDescription(english);
  });

  it('says a new finding in Dutch on the Dutch screen; the record keeps the English words', async () => {
    const { bedside, seeded } = await setup();
    await act(() => usePreferences.setState({ locale: 'nl-BE' }));
    await userEvent.type(screen.getByLabelText(/^Systolisch/), '128');
    await userEvent.type(screen.getByLabelText(/^Diastolisch/), '78');
    await userEvent.type(screen.getByLabelText(/^Hartslag/), '74');
    await userEvent.type(screen.getByLabelText(/^SpO2/), '89');
    await userEvent.click(screen.getByRole('radio', { name: /^0 Alert en kalm/ }));
    await userEvent.click(screen.getByRole('button', { name: 'Parameters bewaren' }));

    const last = await screen.findByRole('region', { name: 'Laatste observatie' });
    expect(last).toHaveTextContent(
      'Dringend: SpO2 89 % is gelijk aan of lager dan 90 % (dringend).',
    );
    expect(last).not.toHaveTextContent('at or below');
    const [obs] = await observations(bedside.db, seeded.sessionId);
    expect(obs?.payload.findings).toEqual([
      {
        level: 'urgent',
        vital: 'spo2Percent',
        code: 'absolute',
        message: 'SpO2 89 % is at or below 90 % (urgent).',
      },
    ]);
  });
});
