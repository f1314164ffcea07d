import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { recordsForSession } from '../../db/records-repo.ts';
import type { ClinicalRecord, RecordOfKind } from '../../domain/records.ts';
import { CONTRAINDICATIONS, type Contraindication } from '../../domain/records/patient.ts';
import { PRE_INFUSION_CHECKLIST } from '../../domain/records/session.ts';
import { validateWeightKg } from '../../domain/weight.ts';
import { usePreferences } from '../../ui/preferences.ts';
import { makeBedside, renderWithBedside } from '../../../tests/support/render-bedside.tsx';
import { PreChecksScreen } from './pre-checks-screen.tsx';
import { seedSession, type SeedOptions } from './test-seed.ts';

// Stored keys (camelCase), read through CONTRAINDICATION_KEY_BY_ID by the screen.
const NO_CONTRAINDICATIONS = Object.fromEntries(CONTRAINDICATIONS.map((c) => [c, false])) as Record<
  Contraindication,
  boolean
>;

async function setup(options: SeedOptions & { actor?: null } = {}) {
  const bedside = makeBedside(options.actor === null ? { actor: null } : {});
  const seeded = await seedSession(bedside.db, options);
  const onDone = vi.fn();
  const ui = (
    <PreChecksScreen patientId={seeded.patientId} sessionId={seeded.sessionId} onDone={onDone} />
  );
  const view = renderWithBedside(ui, bedside);
  await screen.findByRole('heading', { name: 'Pre-checks' });
  return { ...seeded, bedside, onDone, view, ui, user: userEvent.setup() };
}

const ofKind = <K extends ClinicalRecord['kind']>(records: readonly ClinicalRecord[], kind: K) =>
  records.filter((r): r is RecordOfKind<K> => r.kind === kind);

afterEach(() => usePreferences.setState({ locale: 'en' }));

describe('PreChecksScreen checklist', () => {
  it('writes a checklist-item record the moment a toggle is tapped, and shows what is stored', async () => {
    const { user, bedside, sessionId } = await setup();
    const toggle = screen.getByRole('checkbox', { name: 'Identity confirmed' });
    expect(toggle).not.toBeChecked();
    await user.click(toggle);
    await waitFor(() =>
      expect(screen.getByRole('checkbox', { name: 'Identity confirmed' })).toBeChecked(),
    );
    const items = ofKind(await recordsForSession(bedside.db, sessionId), 'checklist-item');
    expect(items).toHaveLength(1);
    expect(items[0]?.payload).toEqual({ item: 'identity-confirmed', checked: true });
    expect(items[0]?.authorStaffId).toBe('nurse-an');
    expect(items[0]?.protocolKey).toBe('kit-racemic@1.0.0');

    await user.click(screen.getByRole('checkbox', { name: 'Identity confirmed' }));
    await waitFor(() =>
      expect(screen.getByRole('checkbox', { name: 'Identity confirmed' })).not.toBeChecked(),
    );
    const again = ofKind(await recordsForSession(bedside.db, sessionId), 'checklist-item');
    expect(again.map((r) => r.payload.checked)).toEqual([true, false]);
  });

  it('lists what is missing and enables "Continue" only when everything required is done', async () => {
    const { user, onDone } = await setup({
      extra: (f, s) => [
        ...PRE_INFUSION_CHECKLIST.filter((i) => i !== 'room-darkened').map((i) =>
          f.checklistItem(s, i),
        ),
        f.weight(s, { weightKg: 70, measuredAt: '2026-03-02T07:30:00.000Z' }),
        f.baselineVitals(s),
      ],
    });
    const missing = screen.getByRole('list', { name: 'Still missing' });
    expect(
      within(missing)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['Room darkened, low stimulation']);
    const next = screen.getByRole('button', { name: 'Continue to dose plan' });
    expect(next).toBeDisabled();
    await user.click(screen.getByRole('checkbox', { name: 'Room darkened, low stimulation' }));
    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'Continue to dose plan' })).toBeEnabled(),
    );
    expect(screen.getByText('All pre-checks are done.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Continue to dose plan' }));
    expect(onDone).toHaveBeenCalledTimes(1);
  });

  it('lists weight and baseline as missing when they are not stored', async () => {
    await setup();
    const missing = screen.getByRole('list', { name: 'Still missing' });
    expect(within(missing).getByText('Today’s weight')).toBeInTheDocument();
    expect(within(missing).getByText('Baseline vitals')).toBeInTheDocument();
    expect(within(missing).getAllByRole('listitem')).toHaveLength(
      PRE_INFUSION_CHECKLIST.length + 2,
    );
  });

  it('shows a contraindication that needs an anesthesiologist decision and refuses the tick', async () => {
    await setup({ screening: { contraindications: { ...NO_CONTRAINDICATIONS, pregnancy: true } } });
    expect(screen.getByText(/Needs an anesthesiologist’s documented decision/)).toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: 'Contraindications checked' })).toBeDisabled();
  });

  it('shows the anesthesiologist decision to proceed and allows the tick', async () => {
    await setup({
      screening: {
        contraindications: { ...NO_CONTRAINDICATIONS, activeSubstanceAbuse: true },
        anesthesiologistDecision: {
          staffId: 'dr-jan',
          proceed: true,
          reason: 'Cannabis only, stopped two months ago.',
        },
      },
    });
    expect(
      screen.getByText(
        'Anesthesiologist Dr. Jan Vermeulen decided to proceed: Cannabis only, stopped two months ago.',
      ),
    ).toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: 'Contraindications checked' })).toBeEnabled();
  });

  it('refuses eligibility re-confirmation when no screening is recorded', async () => {
    await setup({ screening: null });
    expect(screen.getAllByText(/No eligibility screening is recorded/)).toHaveLength(2);
    expect(screen.getByRole('checkbox', { name: 'Eligibility re-confirmed' })).toBeDisabled();
  });

  it('warns with the date when the liver tests are overdue, without blocking the tick', async () => {
    await setup({ courseStartedOn: '2025-01-10', liverSampledOn: '2025-08-20' });
    const alert = screen.getByText(/Liver tests OVERDUE since/);
    expect(alert).toHaveTextContent('20 February 2026');
    expect(screen.getByRole('checkbox', { name: 'Liver tests checked' })).toBeEnabled();
  });

  it('saves nothing and says why when nobody is recording', async () => {
    const { bedside, sessionId } = await setup({ actor: null });
    expect(screen.getByRole('alert', { name: '' })).toHaveTextContent(/Nobody is signed in/);
    expect(screen.getByRole('checkbox', { name: 'Identity confirmed' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Save weight' })).toBeDisabled();
    expect(ofKind(await recordsForSession(bedside.db, sessionId), 'checklist-item')).toHaveLength(
      0,
    );
  });
});

describe('PreChecksScreen weight', () => {
  it('stores a weight in kg with measuredAt = now', async () => {
    const { user, bedside, sessionId } = await setup();
    await user.type(screen.getByLabelText(/Weight measured today/), '70,5');
    await user.click(screen.getByRole('button', { name: 'Save weight' }));
    await screen.findByText(/Recorded: 70.5\skg/);
    const [w] = ofKind(await recordsForSession(bedside.db, sessionId), 'weight');
    expect(w?.payload.weightKg).toBe(70.5);
    expect(Date.parse(w!.payload.measuredAt)).toBeGreaterThanOrEqual(
      Date.parse('2026-03-02T08:00:00.000Z'),
    );
    expect(Date.parse(w!.payload.measuredAt)).toBeLessThan(Date.parse('2026-03-02T08:05:00.000Z'));
  });

  it('stores 154 kg and shows the soft limit that needs a named override at the dose plan', async () => {
    const { user, bedside, sessionId } = await setup();
    await user.type(screen.getByLabelText(/Weight measured today/), '154');
    await user.click(screen.getByRole('button', { name: 'Save weight' }));
    const notice = await screen.findByText(/Weight 154 kg is above 150 kg/);
    expect(notice).toHaveTextContent('Needs a named override with a reason at the dose plan.');
    expect(notice).toHaveTextContent('154 lb would be 69.9 kg');
    const weights = ofKind(await recordsForSession(bedside.db, sessionId), 'weight');
    expect(weights.map((w) => w.payload.weightKg)).toEqual([154]);
  });

  it('refuses 70000 as grams with the conversion and stores nothing', async () => {
    const { user, bedside, sessionId } = await setup();
    await user.type(screen.getByLabelText(/Weight measured today/), '70000');
    await user.click(screen.getByRole('button', { name: 'Save weight' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(
      'Weight 70000 looks like grams: 70000 g is 70.0 kg. Enter the weight in kg.',
    );
    expect(screen.getByLabelText(/Weight measured today/)).toHaveValue('70000');
    expect(ofKind(await recordsForSession(bedside.db, sessionId), 'weight')).toHaveLength(0);
  });

  it('refuses a weight that looks like pounds and one below the hard limit', async () => {
    const { user, bedside, sessionId } = await setup();
    const field = screen.getByLabelText(/Weight measured today/);
    await user.type(field, '400');
    await user.click(screen.getByRole('button', { name: 'Save weight' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('400 lb is 181.4 kg');
    await user.clear(field);
    await user.type(field, '29.9');
    await user.click(screen.getByRole('button', { name: 'Save weight' }));
    await waitFor(() =>
      expect(screen.getByRole('alert')).toHaveTextContent('below the hard limit of 30 kg'),
    );
    expect(ofKind(await recordsForSession(bedside.db, sessionId), 'weight')).toHaveLength(0);
  });

  it('corrects a stored weight only with a reason, as a record superseding the old one', async () => {
    const { user, bedside, sessionId } = await setup({
      extra: (f, s) => [f.weight(s, { weightKg: 154, measuredAt: '2026-03-02T07:30:00.000Z' })],
    });
    await user.click(screen.getByRole('button', { name: 'Correct the weight' }));
    await user.type(screen.getByLabelText(/Weight measured today/), '70');
    await user.click(screen.getByRole('button', { name: 'Save weight' }));
    expect(
      await screen.findByText('Say why the weight is corrected (at least 3 characters).'),
    ).toBeInTheDocument();
    expect(ofKind(await recordsForSession(bedside.db, sessionId), 'weight')).toHaveLength(1);
    await user.type(
      screen.getByLabelText('Reason for the correction'),
      'Scale was in lb, re-weighed in kg',
    );
    await user.click(screen.getByRole('button', { name: 'Save weight' }));
    await screen.findByText(/Recorded: 70\skg/);
    const weights = ofKind(await recordsForSession(bedside.db, sessionId), 'weight');
    expect(weights).toHaveLength(2);
    expect(weights[1]?.payload.weightKg).toBe(70);
    expect(weights[1]?.supersedes).toEqual({
      recordId: weights[0]?.id,
      reason: 'Scale was in lb, re-weighed in kg',
    });
  });

  it('keeps a half-typed weight across a reload (draft)', async () => {
    const { user, view, ui, bedside } = await setup();
    await user.type(screen.getByLabelText(/Weight measured today/), '72,5');
    view.unmount();
    renderWithBedside(ui, bedside);
    await waitFor(() => expect(screen.getByLabelText(/Weight measured today/)).toHaveValue('72,5'));
  });
});

describe('PreChecksScreen baseline vitals', () => {
  it('refuses an implausible value next to its field and stores nothing', async () => {
    const { user, bedside, sessionId } = await setup();
    await user.type(screen.getByLabelText(/Systolic BP/), '130');
    await user.type(screen.getByLabelText(/Diastolic BP/), '80');
    await user.type(screen.getByLabelText(/Heart rate/), '72');
    await user.type(screen.getByRole('textbox', { name: /^SpO2/ }), '980');
    await user.click(screen.getByRole('button', { name: 'Save baseline vitals' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('SpO2 980 % is outside what a monitor can show');
    expect(screen.getByRole('textbox', { name: /^SpO2/ })).toHaveAttribute('aria-invalid', 'true');
    expect(ofKind(await recordsForSession(bedside.db, sessionId), 'baseline-vitals')).toHaveLength(
      0,
    );
  });

  it('stores BP, HR and SpO2 with RR left empty, and shows them', async () => {
    const { user, bedside, sessionId } = await setup();
    await user.type(screen.getByLabelText(/Systolic BP/), '132');
    await user.type(screen.getByLabelText(/Diastolic BP/), '84');
    await user.type(screen.getByLabelText(/Heart rate/), '71');
    await user.type(screen.getByRole('textbox', { name: /^SpO2/ }), '97');
    await user.click(screen.getByRole('button', { name: 'Save baseline vitals' }));
    await screen.findByText(/BP 132\/84 mmHg · HR 71\/min · SpO2 97 %/);
    const [b] = ofKind(await recordsForSession(bedside.db, sessionId), 'baseline-vitals');
    expect(b?.payload).toEqual({
      systolicMmHg: 132,
      diastolicMmHg: 84,
      heartRatePerMin: 71,
      spo2Percent: 97,
      respiratoryRatePerMin: null,
    });
  });
});

describe('PreChecksScreen in Dutch', () => {
  it('shows the checklist and the weight with a decimal comma', async () => {
    usePreferences.setState({ locale: 'nl-BE' });
    const bedside = makeBedside();
    const seeded = await seedSession(bedside.db, {
      extra: (f, s) => [f.weight(s, { weightKg: 70.5, measuredAt: '2026-03-02T07:30:00.000Z' })],
    });
    renderWithBedside(
      <PreChecksScreen
        patientId={seeded.patientId}
        sessionId={seeded.sessionId}
        onDone={() => {}}
      />,
      bedside,
    );
    expect(
      await screen.findByRole('heading', { name: 'Voorafgaande controles' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: 'Identiteit bevestigd' })).toBeInTheDocument();
    expect(screen.getByText(/Geregistreerd: 70,5\skg/)).toBeInTheDocument();
  });

  it('refuses a weight that looks like pounds with the domain’s Dutch text, and follows a language switch', async () => {
    usePreferences.setState({ locale: 'nl-BE' });
    const bedside = makeBedside();
    const seeded = await seedSession(bedside.db);
    renderWithBedside(
      <PreChecksScreen
        patientId={seeded.patientId}
        sessionId={seeded.sessionId}
        onDone={() => {}}
      />,
      bedside,
    );
    await screen.findByRole('heading', { name: 'Voorafgaande controles' });
    // What the domain says about 400 with this session's limits, in both languages.
    const at = bedside.clock.now();
    const refused = validateWeightKg('400', seeded.session.payload.settingsSnapshot.limits, at, at);
    if (refused.ok) throw new Error('400 kg must be refused');
    expect(refused.error.code).toBe('looks-like-pounds');
    const { message: english, messageNl: dutch } = refused.error;
    expect(dutch, 'weight.ts gives no Dutch text for this refusal yet').toBeDefined();
    expect(dutch).not.toBe(english);

    const user = userEvent.setup();
    const field = screen.getByLabelText(/Gewicht vandaag gemeten/);
    await user.type(field, '400');
    await user.click(screen.getByRole('button', { name: 'Gewicht bewaren' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe(dutch);
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(field).toHaveAccessibleDescription(expect.stringContaining(dutch!));
    expect(screen.queryByText(english)).not.toBeInTheDocument();
    expect(ofKind(await recordsForSession(bedside.db, seeded.sessionId), 'weight')).toHaveLength(0);

    // The refusal is kept as the domain's error, so it is said again in the new language.
    await act(() => usePreferences.setState({ locale: 'en' }));
    expect(screen.getByRole('alert').textContent).toBe(english);
  });
});
