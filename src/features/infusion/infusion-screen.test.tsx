import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { recordsForSession } from '../../db/records-repo.ts';
import type { KitDatabase } from '../../db/database.ts';
import { makeBedside, renderWithBedside } from '../../../tests/support/render-bedside.tsx';
import { seedSession } from '../../../tests/support/seed-session.ts';
import { InfusionScreen } from './infusion-screen.tsx';

const T = (hhmm: string) => `2026-03-02T${hhmm}:00.000Z`;

/** The tablet wakes (or a tick passes): useNow reads the bedside clock again. */
const wake = () => act(() => void document.dispatchEvent(new Event('visibilitychange')));

const events = async (db: KitDatabase, sessionId: string) =>
  (await recordsForSession(db, sessionId)).filter((r) => r.kind === 'infusion-event');

const timer = (name: RegExp) => screen.getByRole('timer', { name });

/**
 * The test clock advances 1 s per reading (render-bedside.tsx), so stored event times sit a
 * few seconds after the set time: compare a shown h:mm:ss or m:ss within 10 s.
 */
function expectClock(el: HTMLElement | ChildNode | null | undefined, expected: string) {
  const seconds = (text: string) =>
    text.split(':').reduce((sum, part) => sum * 60 + Number(part), 0);
  const shown = el?.textContent ?? '';
  expect(shown).toMatch(/^\d+:\d\d(:\d\d)?$/);
  expect(Math.abs(seconds(shown) - seconds(expected))).toBeLessThanOrEqual(10);
}

async function setup(options: Parameters<typeof seedSession>[1] = {}) {
  const bedside = makeBedside({ startIso: T('08:00') });
  const seeded = await seedSession(bedside.db, options);
  const onStopped = vi.fn();
  const view = renderWithBedside(
    <InfusionScreen
      patientId={seeded.patientId}
      sessionId={seeded.sessionId}
      onStopped={onStopped}
    />,
    bedside,
  );
  await screen.findByRole('heading', { name: 'Infusion clock' });
  return { bedside, seeded, onStopped, view };
}

async function startAt(bedside: ReturnType<typeof makeBedside>, hhmm: string) {
  bedside.clock.set(T(hhmm));
  await userEvent.click(screen.getByRole('button', { name: 'Start infusion' }));
  await screen.findByRole('button', { name: /Pause/ });
}

describe('InfusionScreen: start', () => {
  it('cannot start without a valid sign-off, and says why', async () => {
    const { bedside, seeded } = await setup({ signed: false });
    expect(screen.getByRole('button', { name: 'Start infusion' })).toBeDisabled();
    expect(
      screen.getByText('The dose plan has no anesthesiologist sign-off yet.'),
    ).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Start infusion' }));
    expect(await events(bedside.db, seeded.sessionId)).toHaveLength(0);
  });

  it('cannot start while a pre-infusion check is unticked, even with a signed plan', async () => {
    const { bedside, seeded } = await setup({
      then: (f, s) => [f.checklistItem(s, 'anti-reflux-valve', false)],
    });
    expect(screen.getByRole('button', { name: 'Start infusion' })).toBeDisabled();
    expect(
      screen.getByText(/The pre-checks are not complete \(pre-infusion items not ticked: 1;/),
    ).toBeInTheDocument();
    expect(await events(bedside.db, seeded.sessionId)).toHaveLength(0);
  });

  it('shows the pump settings from the signed plan and records them with the start', async () => {
    const { bedside, seeded } = await setup();
    // 50 mL over 4 h = 12.5 mL/h; propofol 1 mg/kg/h x 70 kg / 10 mg/mL = 7.0 mL/h.
    expect(screen.getByText('Set the pumps to:').parentElement).toHaveTextContent(
      /Ketamine: 12\.5\smL\/h.*Propofol: 7\.0\smL\/h/,
    );
    await startAt(bedside, '08:00');
    const [start] = await events(bedside.db, seeded.sessionId);
    expect(start?.payload).toEqual({
      event: 'start',
      ketamineRateMlPerH: 12.5,
      propofolRateMlPerH: 7,
    });
    expect(start?.authorStaffId).toBe('nurse-an');
    expect(start?.protocolKey).toBe(seeded.session.protocolKey);
    expect(screen.getByText('Running')).toBeInTheDocument();
  });

  it('saves nothing when nobody is recording', async () => {
    const bedside = makeBedside({ startIso: T('08:00'), actor: null });
    const seeded = await seedSession(bedside.db);
    renderWithBedside(
      <InfusionScreen
        patientId={seeded.patientId}
        sessionId={seeded.sessionId}
        onStopped={() => {}}
      />,
      bedside,
    );
    expect(await screen.findByText(/Nobody is signed in/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Start infusion' })).toBeDisabled();
  });
});

describe('InfusionScreen: clock from stored events', () => {
  it('excludes the pause from elapsed time and survives an hour of sleep', async () => {
    const { bedside, seeded } = await setup();
    await startAt(bedside, '08:00');
    bedside.clock.set(T('08:30'));
    await userEvent.click(screen.getByRole('button', { name: /Pause/ }));
    await userEvent.click(screen.getByRole('button', { name: 'Confirm pause' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Say why the infusion is paused');
    expect(await events(bedside.db, seeded.sessionId)).toHaveLength(1);
    await userEvent.type(screen.getByLabelText('Reason for the pause'), 'Patient to the toilet');
    await userEvent.click(screen.getByRole('button', { name: 'Confirm pause' }));
    await screen.findByRole('button', { name: /Resume/ });
    expect(screen.getByText('not known while paused')).toBeInTheDocument();

    bedside.clock.set(T('08:40'));
    await userEvent.click(screen.getByRole('button', { name: /Resume/ }));
    await screen.findByRole('button', { name: /Pause/ });
    const stored = await events(bedside.db, seeded.sessionId);
    expect(stored.map((e) => e.payload.event)).toEqual(['start', 'pause', 'resume']);
    expect(stored[1]?.payload.reason).toBe('Patient to the toilet');

    bedside.clock.set(T('09:00'));
    wake();
    expectClock(timer(/Elapsed running time/), '0:50:00');
    expectClock(screen.getByText('Paused in total').nextSibling, '0:10:00');

    // The tablet sleeps for an hour: nothing counted, the next reading is simply right.
    bedside.clock.set(T('10:00'));
    wake();
    expectClock(timer(/Elapsed running time/), '1:50:00');
    expectClock(timer(/Remaining of the planned time/), '2:10:00');
    // Expected end = now + remaining: 10:00 + 2:10 = 12:10 (local time).
    expect(screen.getByText('Expected end').nextSibling?.textContent).toMatch(/\d/);
  });

  it('reads a running infusion back from the database after a reload', async () => {
    const { bedside, seeded } = await setup({
      then: (f, s) => [
        f
          .at(T('07:30'))
          .infusionEvent(s, 'start', { ketamineRateMlPerH: 12.5, propofolRateMlPerH: 7 }),
      ],
    });
    bedside.clock.set(T('08:15'));
    wake();
    expectClock(timer(/Elapsed running time/), '0:45:00');
    expect(screen.getByText('Ketamine pump').nextSibling).toHaveTextContent(
      /12\.5\smL\/h.*18\.75\smg\/h/,
    );
    expect(seeded.plan.payload.ketaminePreparedConcentrationMgPerMl).toBe(1.5);
  });
});

describe('InfusionScreen: rate change and stop', () => {
  it('warns about a rate above the plan, needs a reason, accepts a decimal comma', async () => {
    const { bedside, seeded } = await setup();
    await startAt(bedside, '08:00');
    await userEvent.click(screen.getByRole('button', { name: 'Change rate' }));
    const ketamine = screen.getByLabelText(/New ketamine rate/);
    await userEvent.type(ketamine, '12,55');
    await userEvent.click(screen.getByRole('button', { name: 'Save rate change' }));
    expect(screen.getByText(/has more than 1 decimal/)).toBeInTheDocument();
    await userEvent.clear(ketamine);
    await userEvent.type(ketamine, '13,5');
    expect(
      screen.getByText(/Ketamine 13\.5\smL\/h is above the signed plan \(12\.5\smL\/h\)/),
    ).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Save rate change' }));
    expect(
      screen.getByText('A rate above the plan needs a reason: say who ordered it and why.'),
    ).toBeInTheDocument();
    expect(await events(bedside.db, seeded.sessionId)).toHaveLength(1);
    await userEvent.type(
      screen.getByLabelText('Reason for the rate change'),
      'Ordered by Dr. Vermeulen: more analgesia',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Save rate change' }));
    await waitFor(async () => expect(await events(bedside.db, seeded.sessionId)).toHaveLength(2));
    const change = (await events(bedside.db, seeded.sessionId))[1];
    expect(change?.payload).toEqual({
      event: 'rate-change',
      ketamineRateMlPerH: 13.5,
      reason: 'Ordered by Dr. Vermeulen: more analgesia',
    });
    expect(await screen.findByText('Ketamine pump')).toBeInTheDocument();
    expect(screen.getByText('Ketamine pump').nextSibling).toHaveTextContent(/13\.5\smL\/h/);
    expect(screen.getByText('Propofol pump').nextSibling).toHaveTextContent(/7\.0\smL\/h/);
  });

  it('asks for confirmation and a reason before the planned end, then writes the stop', async () => {
    const { bedside, seeded, onStopped } = await setup();
    await startAt(bedside, '08:00');
    bedside.clock.set(T('09:00'));
    wake();
    await userEvent.click(screen.getByRole('button', { name: /Stop infusion/ }));
    const dialog = screen.getByRole('group', { name: 'Stop the infusion?' });
    expect(dialog).toHaveTextContent(/before the planned end: a reason is required/);
    expect(await events(bedside.db, seeded.sessionId)).toHaveLength(1);
    await userEvent.click(within(dialog).getByRole('button', { name: 'Yes, stop the infusion' }));
    expect(within(dialog).getByRole('alert')).toHaveTextContent('say why');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('group', { name: 'Stop the infusion?' })).not.toBeInTheDocument();
    expect(await events(bedside.db, seeded.sessionId)).toHaveLength(1);

    await userEvent.click(screen.getByRole('button', { name: /Stop infusion/ }));
    await userEvent.type(
      screen.getByLabelText('Reason for stopping'),
      'Intolerance, decided by the anesthesiologist',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Yes, stop the infusion' }));
    await waitFor(() => expect(onStopped).toHaveBeenCalledTimes(1));
    const stored = await events(bedside.db, seeded.sessionId);
    expect(stored.map((e) => e.payload)).toEqual([
      { event: 'start', ketamineRateMlPerH: 12.5, propofolRateMlPerH: 7 },
      { event: 'stop', reason: 'Intolerance, decided by the anesthesiologist' },
    ]);
    expect(await screen.findByText('Stopped')).toBeInTheDocument();
  });

  it('needs no reason to stop at the planned end', async () => {
    const { bedside, seeded, onStopped } = await setup({
      then: (f, s) => [f.at(T('03:55')).infusionEvent(s, 'start')],
    });
    wake();
    await userEvent.click(screen.getByRole('button', { name: /Stop infusion/ }));
    expect(screen.queryByText(/a reason is required/)).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Yes, stop the infusion' }));
    await waitFor(() => expect(onStopped).toHaveBeenCalled());
    expect((await events(bedside.db, seeded.sessionId)).at(-1)?.payload).toEqual({ event: 'stop' });
  });
});

describe('InfusionScreen: observation schedule', () => {
  it('counts down to the next observation and shows a plain overdue state after the interval', async () => {
    const { bedside } = await setup();
    await startAt(bedside, '08:00');
    bedside.clock.set(T('08:05'));
    wake();
    expectClock(timer(/Next observation due in/), '10:00');
    expect(screen.queryByText('Observation OVERDUE')).not.toBeInTheDocument();
    bedside.clock.set(T('08:16'));
    wake();
    const overdue = screen.getByRole('alert');
    expect(overdue).toHaveTextContent('Observation OVERDUE');
    expectClock(timer(/Overdue by/), '1:00');
  });

  it('shows an overdue of an hour or more in hours, not as "75:00" minutes', async () => {
    const { bedside } = await setup();
    await startAt(bedside, '08:00');
    bedside.clock.set(T('09:30'));
    wake();
    const shown = timer(/Overdue by/)?.textContent ?? '';
    expect(shown).toMatch(/^1:1[45]:\d\d$/);
  });
});
