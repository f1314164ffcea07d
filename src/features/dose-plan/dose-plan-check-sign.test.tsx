import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { recordsForSession } from '../../db/records-repo.ts';
import { compareDoubleCheck } from '../../domain/double-check.ts';
import type { ClinicalRecord, RecordOfKind } from '../../domain/records.ts';
import { BedsideProvider, type Bedside } from '../../ui/bedside-context.tsx';
import type { ErrorTexts } from '../../ui/i18n.ts';
import { usePreferences } from '../../ui/preferences.ts';
import {
  ANESTHESIOLOGIST,
  makeBedside,
  renderWithBedside,
  SECOND_NURSE,
  seedPin,
} from '../../../tests/support/render-bedside.tsx';
import { DosePlanScreen } from './dose-plan-screen.tsx';
import { recomputePlan } from './plan-model.ts';
import { seedDosePlanSession, type DosePlanSeed } from './test-seed.ts';

type Seeded = Awaited<ReturnType<typeof seedDosePlanSession>>;

/** A session 1 plan (70 kg, Ketalar, Propolipid 1 %) made by the nurse An Peeters. */
async function setup(
  extra: (f: Seeded['f'], plan: RecordOfKind<'dose-plan'>) => ClinicalRecord[] = () => [],
  options: { actor?: Bedside['actor'] } & DosePlanSeed = {},
) {
  const bedside = makeBedside(options.actor === undefined ? {} : { actor: options.actor });
  let planRecord: RecordOfKind<'dose-plan'> | null = null;
  const seeded = await seedDosePlanSession(bedside.db, {
    ...options,
    extra: (f, { session, weight }) => {
      planRecord = f.dosePlan(session, weight);
      return [planRecord, ...extra(f, planRecord)];
    },
  });
  const onReadyToStart = vi.fn();
  const screenEl = (
    <DosePlanScreen
      patientId={seeded.patientId}
      sessionId={seeded.sessionId}
      onReadyToStart={onReadyToStart}
    />
  );
  renderWithBedside(screenEl, bedside);
  await screen.findByRole('heading', { name: /Dose plan made at/ });
  return {
    ...seeded,
    bedside,
    plan: planRecord!,
    onReadyToStart,
    user: userEvent.setup(),
  };
}

const ofKind = async <K extends ClinicalRecord['kind']>(
  bedside: Bedside,
  sessionId: string,
  kind: K,
) =>
  (await recordsForSession(bedside.db, sessionId)).filter(
    (r): r is RecordOfKind<K> => r.kind === kind,
  );

/** Fills the check form as the second person would. */
async function fillCheck(
  user: ReturnType<typeof userEvent.setup>,
  entry: { checker: string; ketamine: string; propofol: string; propofolProduct?: string },
) {
  await user.selectOptions(screen.getByLabelText('Checked by'), entry.checker);
  await user.click(screen.getByRole('radio', { name: 'Ketalar 50 mg/mL' }));
  await user.type(screen.getByLabelText(/Ketamine pump rate/), entry.ketamine);
  await user.click(
    screen.getByRole('radio', { name: entry.propofolProduct ?? 'Propolipid 1 % (10 mg/mL)' }),
  );
  await user.type(screen.getByLabelText(/Propofol pump rate/), entry.propofol);
  await user.click(screen.getByRole('button', { name: 'Compare with the plan' }));
}

describe('DosePlanScreen: independent double check', () => {
  it('the check form replaces the plan: none of the plan’s computed numbers is in the document', async () => {
    const { user } = await setup();
    expect(document.body.textContent).toContain('12.5');
    await user.click(screen.getByRole('button', { name: 'Start the independent double check' }));
    expect(
      screen.getByRole('heading', { name: 'Independent double check (plan hidden)' }),
    ).toBeInTheDocument();
    const text = document.body.textContent ?? '';
    for (const planNumber of [
      '12.5',
      '12,5',
      '7.0',
      '7,0',
      '18.75',
      '18,75',
      '1.5',
      '1,5',
      '280',
      '28 ',
      '3.5',
    ]) {
      expect(text).not.toContain(planNumber);
    }
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
    expect(screen.queryByRole('article', { name: 'Ketamine pump' })).not.toBeInTheDocument();
    // The order the checker calculates from is there.
    expect(text).toMatch(/75\smg/);
    expect(text).toMatch(/70\skg/);
  });

  it('the author of the plan cannot double-check it; nothing is stored', async () => {
    const { user, bedside, sessionId } = await setup();
    await user.click(screen.getByRole('button', { name: 'Start the independent double check' }));
    await fillCheck(user, {
      checker: 'An Peeters (made the plan)',
      ketamine: '12.5',
      propofol: '7.0',
    });
    expect(
      await screen.findByText(
        'An Peeters made this plan: the double check must be made by a different person.',
      ),
    ).toBeInTheDocument();
    expect(await ofKind(bedside, sessionId, 'double-check')).toHaveLength(0);
    expect(
      screen.getByRole('heading', { name: 'Independent double check (plan hidden)' }),
    ).toBeInTheDocument();
  });

  it('a 10x entry is stored as a mismatch and reported as a suspected decimal error only after submitting', async () => {
    const { user, bedside, sessionId, plan } = await setup();
    await user.click(screen.getByRole('button', { name: 'Start the independent double check' }));
    await user.selectOptions(screen.getByLabelText('Checked by'), 'Bram Claes');
    await user.type(screen.getByLabelText(/Ketamine pump rate/), '125');
    expect(screen.queryByText(/decimal error/)).not.toBeInTheDocument();
    await user.click(screen.getByRole('radio', { name: 'Ketalar 50 mg/mL' }));
    await user.click(screen.getByRole('radio', { name: 'Propolipid 1 % (10 mg/mL)' }));
    await user.type(screen.getByLabelText(/Propofol pump rate/), '7');
    await user.click(screen.getByRole('button', { name: 'Compare with the plan' }));

    const alert = await screen.findByText(/does NOT match the plan/);
    const result = alert.closest('[role="alert"]') as HTMLElement;
    expect(result).toHaveTextContent(
      /Ketamine pump rate: plan 12.5\smL\/h, second check 125.0\smL\/h: suspected 10x decimal error/,
    );
    expect(result).toHaveTextContent('Second check by Bram Claes');
    const [check] = await ofKind(bedside, sessionId, 'double-check');
    expect(check?.payload).toEqual({
      dosePlanId: plan.id,
      checkerStaffId: 'nurse-bram',
      enteredKetamineMlPerH: 125,
      enteredPropofolMlPerH: 7,
      enteredKetamineProductId: 'ketalar-50',
      enteredPropofolProductId: 'propolipid-1',
      matches: false,
      mismatches: [
        {
          field: 'ketaminePumpRateMlPerH',
          expected: 12.5,
          entered: 125,
          suspectedError: 'decimal-10x',
        },
      ],
    });
    expect(check?.authorStaffId).toBe('nurse-an');
    // A mismatch: no sign-off, check again offered.
    expect(screen.getByRole('button', { name: 'Check again' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Sign off this dose plan' })).toBeDisabled();
  });

  it('a propofol rate calculated for the 2 % product is a suspected wrong concentration', async () => {
    const { user, bedside, sessionId } = await setup();
    await user.click(screen.getByRole('button', { name: 'Start the independent double check' }));
    await fillCheck(user, { checker: 'Bram Claes', ketamine: '12,5', propofol: '3.5' });
    const alert = await screen.findByText(/does NOT match the plan/);
    expect(alert.closest('[role="alert"]')).toHaveTextContent(
      /Propofol pump rate: plan 7.0\smL\/h, second check 3.5\smL\/h: suspected wrong concentration/,
    );
    const [check] = await ofKind(bedside, sessionId, 'double-check');
    expect(check?.payload.mismatches).toEqual([
      {
        field: 'propofolPumpRateMlPerH',
        expected: 7,
        entered: 3.5,
        suspectedError: 'wrong-concentration',
      },
    ]);
  });

  it('refuses an entry that is not a pump rate, next to the field, and stores nothing', async () => {
    const { user, bedside, sessionId } = await setup();
    await user.click(screen.getByRole('button', { name: 'Start the independent double check' }));
    await fillCheck(user, { checker: 'Bram Claes', ketamine: '12.55', propofol: '7' });
    expect(await screen.findByRole('alert')).toHaveTextContent('The pump takes 0.1 mL/h steps.');
    expect(await ofKind(bedside, sessionId, 'double-check')).toHaveLength(0);
  });

  it('a matching check by a second nurse is stored and shown', async () => {
    const { user, bedside, sessionId, plan } = await setup();
    await user.click(screen.getByRole('button', { name: 'Start the independent double check' }));
    await fillCheck(user, { checker: 'Bram Claes', ketamine: '12.5', propofol: '7.0' });
    expect(
      await screen.findByText(/Independent double check matches \(checked by Bram Claes at/),
    ).toBeInTheDocument();
    const [check] = await ofKind(bedside, sessionId, 'double-check');
    expect(check?.payload).toMatchObject({
      dosePlanId: plan.id,
      checkerStaffId: 'nurse-bram',
      matches: true,
      mismatches: [],
    });
  });
});

describe('DosePlanScreen: sign-off and ready to start', () => {
  it('sign-off is impossible before a matching double check', async () => {
    await setup(() => [], { actor: ANESTHESIOLOGIST });
    expect(
      screen.getByRole('list', { name: 'The sign-off becomes possible once:' }),
    ).toHaveTextContent('a second person’s independent double check matches this plan');
    expect(screen.getByRole('button', { name: 'Sign off this dose plan' })).toBeDisabled();
  });

  it('sign-off is impossible after a mismatching double check', async () => {
    await setup(
      (f, plan) => [
        f.doubleCheck(plan, {
          checkerStaffId: 'nurse-bram',
          enteredKetamineMlPerH: 125,
          matches: false,
          mismatches: [
            {
              field: 'ketaminePumpRateMlPerH',
              expected: 12.5,
              entered: 125,
              suspectedError: 'decimal-10x',
            },
          ],
        }),
      ],
      { actor: ANESTHESIOLOGIST },
    );
    expect(screen.getByText(/suspected 10x decimal error/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Sign off this dose plan' })).toBeDisabled();
  });

  it('only anesthesiologists can sign: the choice lists no nurse', async () => {
    await setup((f, p) => [f.doubleCheck(p, { checkerStaffId: 'nurse-bram' })]);
    expect(screen.getByRole('radio', { name: 'Dr. Jan Vermeulen' })).toBeInTheDocument();
    expect(screen.queryByRole('radio', { name: 'An Peeters' })).not.toBeInTheDocument();
    expect(screen.queryByRole('radio', { name: 'Bram Claes' })).not.toBeInTheDocument();
    // Nobody picked yet (a nurse is recording): nothing can be signed.
    expect(screen.getByRole('button', { name: 'Sign off this dose plan' })).toBeDisabled();
  });

  it('while a nurse records, the anesthesiologist signs with their own PIN; a wrong PIN signs nothing', async () => {
    const { user, bedside, sessionId, plan, onReadyToStart } = await setup((f, p) => [
      f.doubleCheck(p, { checkerStaffId: 'nurse-bram' }),
    ]);
    await seedPin(bedside.db, 'dr-jan', '2580');
    await user.click(screen.getByRole('radio', { name: 'Dr. Jan Vermeulen' }));
    const pin = screen.getByLabelText('PIN of Dr. Jan Vermeulen');
    const sign = screen.getByRole('button', { name: 'Sign off this dose plan' });
    await waitFor(() => expect(pin).toBeEnabled());
    expect(sign).toBeEnabled();

    await user.type(pin, '2581');
    await user.click(sign);
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Wrong PIN. Tries left before a 5-minute lockout: 4.',
    );
    expect(await ofKind(bedside, sessionId, 'sign-off')).toHaveLength(0);
    expect((await bedside.db.staffPins.get('dr-jan'))?.failedAttempts).toBe(1);
    expect(pin).toHaveValue('');

    expect(screen.getByRole('button', { name: 'Ready to start the infusion' })).toBeDisabled();
    await user.type(pin, '2580');
    await user.click(sign);
    await screen.findByText(/Signed off by Dr. Jan Vermeulen at/);

    const [signOff] = await ofKind(bedside, sessionId, 'sign-off');
    expect(signOff?.authorStaffId).toBe('dr-jan');
    expect(signOff?.payload.covers).toEqual({ kind: 'dose-plan', recordId: plan.id });
    expect(signOff?.payload.signedByStaffId).toBe('dr-jan');
    expect(signOff?.payload.role).toBe('anesthesiologist');
    const statement = signOff?.payload.statement.replace(/\s/g, ' ');
    expect(statement).toBe(
      `I, Dr. Jan Vermeulen, anesthesiologist, sign off dose plan ${plan.id} for session 1: ` +
        'ketamine 75 mg (Ketalar 50 mg/mL) diluted to 50 mL = 1.5 mg/mL, pump 12.5 mL/h over 4 h; ' +
        'propofol 1 mg/kg/h × 70 kg = 70 mg/h (Propolipid 1 % (10 mg/mL)), pump 7.0 mL/h.',
    );
    expect((await bedside.db.staffPins.get('dr-jan'))?.failedAttempts).toBe(0);
    const ready = screen.getByRole('button', { name: 'Ready to start the infusion' });
    await waitFor(() => expect(ready).toBeEnabled());
    await user.click(ready);
    expect(onReadyToStart).toHaveBeenCalledTimes(1);
  });

  it('an anesthesiologist without a PIN on this tablet cannot sign yet', async () => {
    await setup((f, p) => [f.doubleCheck(p, { checkerStaffId: 'nurse-bram' })], {
      actor: ANESTHESIOLOGIST,
    });
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Dr. Jan Vermeulen has no PIN on this tablet yet',
    );
    expect(screen.getByRole('button', { name: 'Sign off this dose plan' })).toBeDisabled();
  });

  it('after 5 wrong PINs the anesthesiologist is locked out until a shown time; nothing is signed', async () => {
    const { user, bedside, sessionId } = await setup(
      (f, p) => [f.doubleCheck(p, { checkerStaffId: 'nurse-bram' })],
      { actor: ANESTHESIOLOGIST },
    );
    await seedPin(bedside.db, 'dr-jan', '2580');
    const pin = screen.getByLabelText('PIN of Dr. Jan Vermeulen');
    const sign = screen.getByRole('button', { name: 'Sign off this dose plan' });
    await waitFor(() => expect(pin).toBeEnabled());
    expect(sign).toBeEnabled();
    for (let i = 0; i < 5; i += 1) {
      await user.type(pin, '9999');
      await user.click(sign);
      await waitFor(() => expect(pin).toHaveValue(''));
    }
    expect(await screen.findByRole('alert')).toHaveTextContent(
      /Too many wrong PINs\. Dr\. Jan Vermeulen can try again from \d\d:\d\d:\d\d/,
    );
    expect(sign).toBeDisabled();
    expect(pin).toBeDisabled();
    const row = await bedside.db.staffPins.get('dr-jan');
    expect(row?.lockedUntil).not.toBeNull();
    expect(await ofKind(bedside, sessionId, 'sign-off')).toHaveLength(0);
  });

  it('ready to start stays disabled while a pre-check is missing, even when signed off', async () => {
    await setup(
      (f, p) => [
        f.doubleCheck(p, { checkerStaffId: 'nurse-bram' }),
        f.signOff(p, { signedByStaffId: 'dr-jan' }),
      ],
      { withoutPreChecks: true },
    );
    expect(screen.getByText(/Signed off by Dr. Jan Vermeulen/)).toBeInTheDocument();
    expect(screen.getByText(/Pre-checks are not complete/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Ready to start the infusion' })).toBeDisabled();
  });
});

describe('DosePlanScreen: the whole step through the screen', () => {
  it('plan by the nurse, check by the second nurse, sign-off by the anesthesiologist, then ready', async () => {
    const bedside = makeBedside();
    const seeded = await seedDosePlanSession(bedside.db);
    await seedPin(bedside.db, 'dr-jan', '2580');
    const onReadyToStart = vi.fn();
    const el = (
      <DosePlanScreen
        patientId={seeded.patientId}
        sessionId={seeded.sessionId}
        onReadyToStart={onReadyToStart}
      />
    );
    const view = renderWithBedside(el, bedside);
    const user = userEvent.setup();
    await screen.findByRole('heading', { name: 'Dose plan' });
    await user.click(screen.getByRole('radio', { name: 'Ketalar 50 mg/mL' }));
    await user.click(screen.getByRole('radio', { name: 'Propolipid 1 % (10 mg/mL)' }));
    await user.click(screen.getByRole('button', { name: 'Save dose plan' }));
    await screen.findByRole('heading', { name: /Dose plan made at/ });

    view.rerender(
      <BedsideProvider value={{ ...bedside, actor: SECOND_NURSE }}>{el}</BedsideProvider>,
    );
    await user.click(screen.getByRole('button', { name: 'Start the independent double check' }));
    expect(screen.getByLabelText('Checked by')).toHaveValue('nurse-bram');
    await user.click(screen.getByRole('radio', { name: 'Ketalar 50 mg/mL' }));
    await user.type(screen.getByLabelText(/Ketamine pump rate/), '12.5');
    await user.click(screen.getByRole('radio', { name: 'Propolipid 1 % (10 mg/mL)' }));
    await user.type(screen.getByLabelText(/Propofol pump rate/), '7');
    await user.click(screen.getByRole('button', { name: 'Compare with the plan' }));
    await screen.findByText(/Independent double check matches/);

    view.rerender(
      <BedsideProvider value={{ ...bedside, actor: ANESTHESIOLOGIST }}>{el}</BedsideProvider>,
    );
    await waitFor(() => expect(screen.getByLabelText('PIN of Dr. Jan Vermeulen')).toBeEnabled());
    await user.type(screen.getByLabelText('PIN of Dr. Jan Vermeulen'), '2580');
    await user.click(screen.getByRole('button', { name: 'Sign off this dose plan' }));
    await screen.findByText(/Signed off by Dr. Jan Vermeulen/);
    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'Ready to start the infusion' })).toBeEnabled(),
    );
    await user.click(screen.getByRole('button', { name: 'Ready to start the infusion' }));
    expect(onReadyToStart).toHaveBeenCalledTimes(1);

    const kinds = (await recordsForSession(bedside.db, seeded.sessionId)).map((r) => [
      r.kind,
      r.authorStaffId,
    ]);
    expect(kinds.slice(-3)).toEqual([
      ['dose-plan', 'nurse-an'],
      ['double-check', 'nurse-bram'],
      ['sign-off', 'dr-jan'],
    ]);
  });
});

describe('DosePlanScreen: double check in Dutch', () => {
  afterEach(() => usePreferences.setState({ locale: 'en' }));

  it('refuses a rate that is not a pump rate with the domain’s Dutch text next to the field', async () => {
    usePreferences.setState({ locale: 'nl-BE' });
    const bedside = makeBedside();
    let planRecord: RecordOfKind<'dose-plan'> | null = null;
    const seeded = await seedDosePlanSession(bedside.db, {
      extra: (f, { session, weight }) => [(planRecord = f.dosePlan(session, weight))],
    });
    renderWithBedside(
      <DosePlanScreen
        patientId={seeded.patientId}
        sessionId={seeded.sessionId}
        onReadyToStart={() => {}}
      />,
      bedside,
    );
    const user = userEvent.setup();
    await user.click(
      await screen.findByRole('button', { name: 'Onafhankelijke dubbele controle starten' }),
    );

    // What the domain says about 12,55 mL/h for this plan, in both languages.
    const protocol = seeded.session.payload.protocolSnapshot;
    const plan = recomputePlan(planRecord!, protocol);
    if (!plan.ok) throw new Error(plan.error.message);
    const entry = {
      ketaminePumpRateMlPerH: '12,55',
      propofolPumpRateMlPerH: '7',
      ketamineProductId: planRecord!.payload.ketamineProductId,
      propofolProductId: planRecord!.payload.propofolProductId,
    };
    const report = compareDoubleCheck(plan.value, entry, protocol);
    if (!report.ok) throw new Error(report.error.message);
    const field = report.value.fields.find((f) => f.field === 'ketaminePumpRateMlPerH');
    expect(field?.status).toBe('invalid');
    const refusal = field?.error;
    if (!refusal) throw new Error('12,55 mL/h must be refused');
    expect(refusal.messageNl, 'units.ts gives no Dutch text for this refusal yet').toBeDefined();
    expect(refusal.messageNl).not.toBe(refusal.message);
    // The form shows the field's own text (the refusal and the pump's 0.1 mL/h step).
    const texts: ErrorTexts = field;
    const { message: english, messageNl: dutch } = texts;
    expect(dutch, 'double-check.ts gives the invalid field no Dutch text yet').toBeDefined();
    expect(dutch).not.toBe(english);
    expect(dutch).toContain(refusal.messageNl);

    await user.selectOptions(screen.getByLabelText('Gecontroleerd door'), 'Bram Claes');
    await user.click(screen.getByRole('radio', { name: 'Ketalar 50 mg/mL' }));
    await user.type(screen.getByLabelText(/Pompdebiet ketamine/), entry.ketaminePumpRateMlPerH);
    await user.click(screen.getByRole('radio', { name: 'Propolipid 1 % (10 mg/mL)' }));
    await user.type(screen.getByLabelText(/Pompdebiet propofol/), entry.propofolPumpRateMlPerH);
    await user.click(screen.getByRole('button', { name: 'Vergelijken met het plan' }));

    const ketamine = screen.getByLabelText(/Pompdebiet ketamine/);
    await waitFor(() => expect(ketamine).toHaveAttribute('aria-invalid', 'true'));
    expect(ketamine).toHaveAccessibleDescription(dutch!);
    expect(screen.getAllByRole('alert').map((a) => a.textContent)).toEqual([dutch]);
    expect(screen.queryByText(english)).not.toBeInTheDocument();
    expect(await ofKind(bedside, seeded.sessionId, 'double-check')).toHaveLength(0);
  });
});
