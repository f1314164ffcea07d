import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { recordsForSession } from '../../db/records-repo.ts';
import type { ClinicalRecord, RecordOfKind } from '../../domain/records.ts';
import { usePreferences } from '../../ui/preferences.ts';
import { makeBedside, renderWithBedside } from '../../../tests/support/render-bedside.tsx';
import { DosePlanScreen } from './dose-plan-screen.tsx';
import { seedDosePlanSession, type DosePlanSeed } from './test-seed.ts';

async function setup(seed: DosePlanSeed = {}, options: { dutch?: boolean } = {}) {
  if (options.dutch) usePreferences.setState({ locale: 'nl-BE' });
  const bedside = makeBedside();
  const seeded = await seedDosePlanSession(bedside.db, seed);
  const ui = (
    <DosePlanScreen
      patientId={seeded.patientId}
      sessionId={seeded.sessionId}
      onReadyToStart={() => {}}
    />
  );
  const view = renderWithBedside(ui, bedside);
  await screen.findByRole('heading', { name: options.dutch ? 'Dosisplan' : 'Dose plan' });
  return { ...seeded, bedside, ui, view, user: userEvent.setup() };
}

const plans = async (db: Parameters<typeof recordsForSession>[0], sessionId: string) =>
  (await recordsForSession(db, sessionId)).filter(
    (r: ClinicalRecord): r is RecordOfKind<'dose-plan'> => r.kind === 'dose-plan',
  );

const pumpCard = (name: string) => screen.getByRole('article', { name });

afterEach(() => usePreferences.setState({ locale: 'en' }));

describe('DosePlanScreen: the plan and its working', () => {
  it('shows the expected session-1 dose with its reason and the worked example for 70 kg', async () => {
    const { user } = await setup();
    const expected = screen.getByRole('region', { name: 'Protocol dose for session 1' });
    expect(expected).toHaveTextContent('75 mg');
    expect(expected).toHaveTextContent(
      'Session 1: test dose of 75 mg for tolerance, not efficacy.',
    );
    expect(screen.getByText('Pick both products to see the calculation.')).toBeInTheDocument();

    await user.click(screen.getByRole('radio', { name: 'Ketalar 50 mg/mL' }));
    await user.click(screen.getByRole('radio', { name: 'Propolipid 1 % (10 mg/mL)' }));

    expect(pumpCard('Ketamine pump')).toHaveTextContent('12.5 mL/h');
    expect(pumpCard('Ketamine pump')).toHaveTextContent(
      '75 mg in 50 mL = 1.5 mg/mL; draw up 1.5 mL of Ketalar 50 mg/mL',
    );
    expect(pumpCard('Propofol pump')).toHaveTextContent('7.0 mL/h');
    expect(pumpCard('Propofol pump')).toHaveTextContent('70 mg/h for 4 h, 280 mg = 28 mL in all');

    const steps = within(
      screen.getByRole('list', { name: 'Calculation, step by step' }),
    ).getAllByRole('listitem');
    const text = steps.map((s) => s.textContent?.replace(/\s+/g, ' '));
    expect(text).toContain('Ketamine rate: 75 mg ÷ 4 h = 18.75 mg/h');
    expect(text).toContain(
      'Prepared ketamine concentration: 75 mg ÷ 50 mL final volume = 1.5 mg/mL',
    );
    expect(text).toContain('Ketamine pump rate: 50 mL ÷ 4 h = 12.5 mL/h');
    expect(text).toContain('Propofol rate: 1 mg/kg/h × 70 kg = 70 mg/h');
    expect(text).toContain(
      'Propofol pump rate (Propolipid 1 % (10 mg/mL)): 70 mg/h ÷ 10 mg/mL = 7 mL/h',
    );

    const table = screen.getByRole('table');
    const ketamineRow = within(table).getByRole('row', { name: /Ketamine/ });
    expect(
      within(ketamineRow)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['75', '18.75', '0.268', '1.5', '12.5']);
    const propofolRow = within(table).getByRole('row', { name: /Propofol/ });
    expect(
      within(propofolRow)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['280', '70', '1', '10', '7.0']);
    expect(screen.getByText('Within limits and per protocol.')).toBeInTheDocument();

    await user.click(screen.getByRole('radio', { name: 'Propolipid 2 % (20 mg/mL)' }));
    expect(pumpCard('Propofol pump')).toHaveTextContent('3.5 mL/h');
  });

  it('saves the dose-plan record with unrounded values, pump entries and no findings', async () => {
    const { user, bedside, sessionId, weight } = await setup();
    await user.click(screen.getByRole('radio', { name: 'Ketalar 50 mg/mL' }));
    await user.click(screen.getByRole('radio', { name: 'Propolipid 1 % (10 mg/mL)' }));
    await user.click(screen.getByRole('button', { name: 'Save dose plan' }));
    await screen.findByRole('heading', { name: /Dose plan made at .* by An Peeters/ });
    const [plan] = await plans(bedside.db, sessionId);
    expect(plan?.authorStaffId).toBe('nurse-an');
    expect(plan?.protocolKey).toBe('kit-racemic@1.0.0');
    expect(plan?.supersedes).toBeNull();
    expect(plan?.payload).toMatchObject({
      sessionNumber: 1,
      expectedDoseMg: 75,
      ketamineDoseMg: 75,
      ketamineRateMgPerH: 18.75,
      ketamineStockVolumeMl: 1.5,
      ketaminePreparedConcentrationMgPerMl: 1.5,
      ketaminePumpRateMlPerH: 12.5,
      preparationFinalVolumeMl: 50,
      ketamineProductId: 'ketalar-50',
      propofolProductId: 'propolipid-1',
      propofolConcentrationMgPerMl: 10,
      propofolRateMgPerKgPerH: 1,
      propofolRateMgPerH: 70,
      propofolPumpRateMlPerH: 7,
      propofolTotalMg: 280,
      propofolTotalMl: 28,
      infusionDurationH: 4,
      weightKg: 70,
      weightRecordId: weight.id,
      pumpEntry: { ketamineMlPerH: 12.5, propofolMlPerH: 7 },
      findings: [],
      overrides: [],
      deviation: { isDeviation: false, reasons: [] },
    });
    expect(plan?.payload.ketamineRateMgPerKgPerH).toBeCloseTo(18.75 / 70, 12);
    // The saved plan is shown from the record, with the double check still to do.
    expect(pumpCard('Ketamine pump')).toHaveTextContent('12.5 mL/h');
    expect(
      screen.getByRole('button', { name: 'Start the independent double check' }),
    ).toBeEnabled();
    expect(screen.getByRole('button', { name: 'Ready to start the infusion' })).toBeDisabled();
  });

  it('keeps the chosen products across a reload (draft)', async () => {
    const { user, view, ui, bedside } = await setup();
    await user.click(screen.getByRole('radio', { name: 'Propolipid 2 % (20 mg/mL)' }));
    view.unmount();
    renderWithBedside(ui, bedside);
    await waitFor(() =>
      expect(screen.getByRole('radio', { name: 'Propolipid 2 % (20 mg/mL)' })).toBeChecked(),
    );
  });
});

describe('DosePlanScreen: limits and deviations', () => {
  it('a 154 kg weight is a soft limit: no save without a named override, then saved with it', async () => {
    const { user, bedside, sessionId } = await setup({ weightKg: 154 });
    await user.click(screen.getByRole('radio', { name: 'Ketalar 50 mg/mL' }));
    await user.click(screen.getByRole('radio', { name: 'Propolipid 1 % (10 mg/mL)' }));
    expect(screen.getByText(/Weight 154 kg is above 150 kg/)).toHaveTextContent(
      'Soft limit: needs a named override',
    );
    await user.click(screen.getByRole('button', { name: 'Save dose plan' }));
    expect(
      await screen.findByText('Complete the overrides and reasons above before saving.'),
    ).toBeInTheDocument();
    expect(screen.getByText('Give a reason of at least 10 characters.')).toBeInTheDocument();
    expect(await plans(bedside.db, sessionId)).toHaveLength(0);

    await user.type(
      screen.getByLabelText('Override reason (An Peeters, recording)'),
      'Weighed twice on the kg scale, confirmed.',
    );
    await user.click(screen.getByRole('button', { name: 'Save dose plan' }));
    await screen.findByText(/Override by An Peeters: Weighed twice/);
    const [plan] = await plans(bedside.db, sessionId);
    expect(plan?.payload.findings.map((f) => [f.severity, f.code])).toEqual([
      ['soft', 'weight-high'],
    ]);
    expect(plan?.payload.overrides).toEqual([
      {
        findingCode: 'weight-high',
        byStaffId: 'nurse-an',
        reason: 'Weighed twice on the kg scale, confirmed.',
      },
    ]);
    expect(plan?.payload.deviation.isDeviation).toBe(false);
  });

  it('staying at 75 mg in session 2 is a PROTOCOL DEVIATION that needs the anesthesiologist’s reason', async () => {
    const { user, bedside, sessionId } = await setup({ sessionNumber: 2 });
    expect(screen.getByRole('region', { name: 'Protocol dose for session 2' })).toHaveTextContent(
      'Session 2: full dose of 150 mg (session 1 was well tolerated).',
    );
    expect(screen.getByRole('radio', { name: /^150\smg: expected for session 2$/ })).toBeChecked();
    await user.click(screen.getByRole('radio', { name: /^75\smg: protocol deviation$/ }));
    await user.click(screen.getByRole('radio', { name: 'Ketalar 50 mg/mL' }));
    await user.click(screen.getByRole('radio', { name: 'Propolipid 1 % (10 mg/mL)' }));
    expect(screen.getByText('PROTOCOL DEVIATION: flagged for the registry')).toBeInTheDocument();
    expect(
      screen.getByText(/Ketamine 75 mg is not the protocol dose for session 2 \(150 mg\)/),
    ).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Save dose plan' }));
    expect(await screen.findByText('Choose the anesthesiologist who decided.')).toBeInTheDocument();
    expect(screen.getByText('Give a reason of at least 10 characters.')).toBeInTheDocument();
    expect(await plans(bedside.db, sessionId)).toHaveLength(0);

    await user.click(screen.getByRole('radio', { name: 'Dr. Jan Vermeulen' }));
    await user.type(screen.getByLabelText('Anesthesiologist’s reason for the deviation'), 'short');
    await user.click(screen.getByRole('button', { name: 'Save dose plan' }));
    expect(await screen.findByText('Give a reason of at least 10 characters.')).toBeInTheDocument();
    expect(await plans(bedside.db, sessionId)).toHaveLength(0);

    await user.type(
      screen.getByLabelText('Anesthesiologist’s reason for the deviation'),
      ': marked dizziness in session 1',
    );
    await user.click(screen.getByRole('button', { name: 'Save dose plan' }));
    await screen.findByText(/Decided by Dr. Jan Vermeulen/);
    const [plan] = await plans(bedside.db, sessionId);
    expect(plan?.payload.expectedDoseMg).toBe(150);
    expect(plan?.payload.ketamineDoseMg).toBe(75);
    expect(plan?.payload.deviation).toEqual({
      isDeviation: true,
      reasons: [
        {
          findingCode: 'ketamine-dose-deviation',
          byStaffId: 'dr-jan',
          role: 'anesthesiologist',
          reason: 'short: marked dizziness in session 1',
        },
      ],
    });
    expect(screen.getByText('PROTOCOL DEVIATION: flagged for the registry')).toBeInTheDocument();
  });

  it('when session 1 tolerance is not recorded the anesthesiologist decides, with a reason', async () => {
    const { user } = await setup({ sessionNumber: 2, firstTolerated: null });
    const expected = screen.getByRole('region', { name: 'Protocol dose for session 2' });
    expect(expected).toHaveTextContent('Needs the anesthesiologist’s decision');
    expect(expected).toHaveTextContent('Tolerance of session 1 not recorded.');
    await user.click(screen.getByRole('radio', { name: 'Ketalar 50 mg/mL' }));
    await user.click(screen.getByRole('radio', { name: 'Propolipid 1 % (10 mg/mL)' }));
    expect(screen.getByText('PROTOCOL DEVIATION: flagged for the registry')).toBeInTheDocument();
    expect(
      screen.getByLabelText('Anesthesiologist’s reason for the deviation'),
    ).toBeInTheDocument();
  });

  it('a dose above the hard maximum cannot be saved', async () => {
    const { user, bedside, sessionId } = await setup({ sessionNumber: 2 });
    await user.click(screen.getByRole('radio', { name: 'Another dose: protocol deviation' }));
    await user.type(screen.getByLabelText(/Other ketamine dose/), '200');
    await user.click(screen.getByRole('radio', { name: 'Ketalar 50 mg/mL' }));
    await user.click(screen.getByRole('radio', { name: 'Propolipid 1 % (10 mg/mL)' }));
    expect(
      screen.getByText(/Ketamine 200 mg is above the hard maximum of 150 mg/),
    ).toHaveTextContent('HARD LIMIT: cannot proceed');
    await user.click(screen.getByRole('radio', { name: 'Dr. Jan Vermeulen' }));
    await user.type(
      screen.getByLabelText('Anesthesiologist’s reason for the deviation'),
      'Trying a higher dose today',
    );
    await user.click(screen.getByRole('button', { name: 'Save dose plan' }));
    expect(await screen.findByText(/This plan cannot be used \(hard limit\)/)).toBeInTheDocument();
    expect(await plans(bedside.db, sessionId)).toHaveLength(0);
  });

  it('refuses a typed dose that is not a number, next to the field', async () => {
    const { user } = await setup();
    await user.click(screen.getByRole('radio', { name: 'Another dose: protocol deviation' }));
    await user.click(screen.getByRole('radio', { name: 'Ketalar 50 mg/mL' }));
    await user.click(screen.getByRole('radio', { name: 'Propolipid 1 % (10 mg/mL)' }));
    await user.type(screen.getByLabelText(/Other ketamine dose/), '75mg');
    expect(screen.getByRole('alert')).toHaveTextContent('Ketamine dose "75mg" is not a number.');
    expect(screen.getByRole('button', { name: 'Save dose plan' })).toBeDisabled();
  });
});

describe('DosePlanScreen: re-plan', () => {
  it('a weight corrected after the plan makes it stale; the new plan supersedes it with a reason', async () => {
    const { user, bedside, sessionId } = await setup({
      extra: (f, { session, weight }) => {
        const plan = f.dosePlan(session, weight);
        const corrected = f.correction(weight, { weightKg: 80 }, 'Re-weighed on the kg scale');
        return [
          plan,
          f.doubleCheck(plan, { checkerStaffId: 'nurse-bram' }),
          f.signOff(plan, { signedByStaffId: 'dr-jan' }),
          corrected,
        ];
      },
    });
    expect(
      await screen.findByText(/The weight was changed after this plan was made \(70 kg → 80 kg\)/),
    ).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /double check/ })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Ready to start the infusion' })).toBeDisabled();

    await user.click(screen.getByRole('button', { name: 'Make a new plan' }));
    expect(screen.getByRole('heading', { name: 'Make a new plan' })).toBeInTheDocument();
    await user.click(screen.getByRole('radio', { name: 'Ketalar 50 mg/mL' }));
    await user.click(screen.getByRole('radio', { name: 'Propolipid 1 % (10 mg/mL)' }));
    expect(pumpCard('Propofol pump')).toHaveTextContent('8.0 mL/h');
    await user.click(screen.getByRole('button', { name: 'Save dose plan' }));
    expect(
      await screen.findByText('Say why the plan is made again (at least 3 characters).'),
    ).toBeInTheDocument();
    await user.type(
      screen.getByLabelText('Why is the plan made again?'),
      'Weight corrected to 80 kg',
    );
    await user.click(screen.getByRole('button', { name: 'Save dose plan' }));
    await screen.findByText('Replaces an earlier plan: Weight corrected to 80 kg');

    const all = await plans(bedside.db, sessionId);
    expect(all).toHaveLength(2);
    expect(all[1]?.supersedes).toEqual({
      recordId: all[0]?.id,
      reason: 'Weight corrected to 80 kg',
    });
    expect(all[1]?.payload.weightKg).toBe(80);
    expect(all[1]?.payload.pumpEntry.propofolMlPerH).toBe(8);
    // The old plan's double check and sign-off do not carry over.
    expect(
      screen.getByRole('button', { name: 'Start the independent double check' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Ready to start the infusion' })).toBeDisabled();
  });
});

describe('DosePlanScreen in Dutch', () => {
  it('shows the pump rates with a decimal comma', async () => {
    const { user } = await setup({}, { dutch: true });
    await user.click(screen.getByRole('radio', { name: 'Ketalar 50 mg/mL' }));
    await user.click(screen.getByRole('radio', { name: 'Propolipid 2 % (20 mg/mL)' }));
    expect(screen.getByRole('article', { name: 'Ketaminepomp' })).toHaveTextContent('12,5 mL/h');
    expect(screen.getByRole('article', { name: 'Propofolpomp' })).toHaveTextContent('3,5 mL/h');
    expect(screen.getByRole('article', { name: 'Ketaminepomp' })).toHaveTextContent('1,5 mg/mL');
  });

  it('says the limit findings and the reason for a decision in Dutch', async () => {
    const { user } = await setup(
      { weightKg: 154, sessionNumber: 2, firstTolerated: null },
      { dutch: true },
    );
    expect(
      screen.getByText(/De verdraagzaamheid van sessie 1 is niet geregistreerd\./),
    ).toBeInTheDocument();
    await user.click(screen.getByRole('radio', { name: 'Ketalar 50 mg/mL' }));
    await user.click(screen.getByRole('radio', { name: 'Propolipid 1 % (10 mg/mL)' }));
    expect(
      screen.getByText(
        /Gewicht 154 kg ligt boven 150 kg: controleer dat de weegschaal in kg staat/,
      ),
    ).toBeInTheDocument();
    expect(screen.queryByText(/Weight 154 kg/)).not.toBeInTheDocument();
    expect(screen.queryByText(/Tolerance of session 1/)).not.toBeInTheDocument();
  });
});
