import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { appendRecords, recordsForSession } from '../../db/records-repo.ts';
import type { KitDatabase } from '../../db/database.ts';
import type { RecordKind, RecordOfKind } from '../../domain/records.ts';
import { usePreferences } from '../../ui/preferences.ts';
import { makeBedside, renderWithBedside } from '../../../tests/support/render-bedside.tsx';
import { seedSession, type SeededSession } from '../../../tests/support/seed-session.ts';
import { BedsideProvider } from '../../ui/bedside-context.tsx';
import { SideEffectPanel } from './side-effect-panel.tsx';

const T = (hhmm: string) => `2026-03-02T${hhmm}:00.000Z`;

const ofKind = async <K extends RecordKind>(db: KitDatabase, sessionId: string, kind: K) =>
  (await recordsForSession(db, sessionId)).filter((r): r is RecordOfKind<K> => r.kind === kind);

async function setup(openLabel = 'Side effect') {
  const bedside = makeBedside({ startIso: T('08:00') });
  const seeded = await seedSession(bedside.db, {
    then: (f, s) => [f.at(T('07:40')).infusionEvent(s, 'start')],
  });
  const ui = <SideEffectPanel patientId={seeded.patientId} sessionId={seeded.sessionId} />;
  const view = renderWithBedside(ui, bedside);
  await screen.findByRole('button', { name: openLabel });
  return { bedside, seeded, view, ui };
}

async function pick(effect: string) {
  await userEvent.click(screen.getByRole('button', { name: 'Side effect' }));
  await userEvent.click(screen.getByRole('button', { name: effect }));
  await screen.findByRole('heading', { name: effect });
}

async function fillCommon(o: { severity: string; decidedBy?: string; action: string }) {
  await userEvent.click(screen.getByRole('radio', { name: new RegExp(`^${o.severity}`) }));
  await userEvent.selectOptions(
    screen.getByLabelText('Decided by'),
    o.decidedBy ?? 'Dr. Jan Vermeulen',
  );
  await userEvent.click(screen.getByRole('radio', { name: o.action }));
}

const save = (name = 'Save side effect') => userEvent.click(screen.getByRole('button', { name }));

afterEach(() => usePreferences.setState({ locale: 'en' }));

describe('SideEffectPanel', () => {
  it('opens its catalog and takes the focus when asked from elsewhere (portrait button)', async () => {
    const { seeded, view, bedside } = await setup();
    expect(screen.queryByRole('group', { name: 'Which side effect?' })).not.toBeInTheDocument();
    const ask = (n: number) =>
      view.rerender(
        <BedsideProvider value={bedside}>
          <SideEffectPanel
            patientId={seeded.patientId}
            sessionId={seeded.sessionId}
            openRequest={n}
          />
        </BedsideProvider>,
      );
    ask(1);
    expect(await screen.findByRole('group', { name: 'Which side effect?' })).toBeVisible();
    expect(screen.getByRole('heading', { name: 'Side effects' })).toHaveFocus();
    await userEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    ask(2);
    expect(await screen.findByRole('group', { name: 'Which side effect?' })).toBeVisible();
  });

  it('opens the catalog as large tiles from one button', async () => {
    await setup();
    await userEvent.click(screen.getByRole('button', { name: 'Side effect' }));
    const tiles = within(screen.getByRole('group', { name: 'Which side effect?' })).getAllByRole(
      'button',
    );
    expect(tiles.map((b) => b.textContent)).toEqual([
      'Nausea',
      'Dizziness',
      'Hallucinations',
      'Nightmares / dysphoria',
      'Delirium',
      'Hypertension',
      'Sialorrhea (drooling)',
      'Intolerance',
      'Other (describe)',
      'Cancel',
    ]);
  });

  it('captures nausea treated with ondansetron 4 mg IV as a drug-given and a side-effect record linked by id', async () => {
    const { bedside, seeded } = await setup();
    await pick('Nausea');
    const suggestions = screen.getByRole('region', {
      name: 'Suggestion — decided by the anesthesiologist',
    });
    expect(suggestions).toHaveTextContent('Ondansetron 4 mg IV [protocol]');
    await userEvent.click(
      within(suggestions).getByRole('button', { name: 'Use: Ondansetron 4 mg IV' }),
    );
    expect(screen.getByLabelText('What was done')).toHaveValue('Ondansetron 4 mg IV');
    expect(screen.getByRole('radio', { name: 'Ondansetron' })).toBeChecked();
    expect(screen.getByRole('radio', { name: 'IV' })).toBeChecked();
    await userEvent.type(screen.getByLabelText(/^Dose/), '4');
    await userEvent.selectOptions(screen.getByLabelText('Ordered by'), 'Dr. Jan Vermeulen');
    await fillCommon({ severity: 'Moderate', action: 'Continued' });
    await save();
    await screen.findByText(/Side effect saved on this tablet/);

    const [drug] = await ofKind(bedside.db, seeded.sessionId, 'drug-given');
    const [se] = await ofKind(bedside.db, seeded.sessionId, 'side-effect');
    expect(drug?.payload).toEqual({
      drug: 'ondansetron',
      drugName: 'Ondansetron',
      doseMg: 4,
      route: 'IV',
      orderedByStaffId: 'dr-jan',
      givenByStaffId: 'nurse-an',
    });
    expect(se?.payload).toEqual({
      effect: 'nausea',
      severity: 'moderate',
      responseTaken: 'Ondansetron 4 mg IV',
      suggestionFollowed: 'Ondansetron 4 mg IV',
      drugGivenRecordId: drug?.id,
      decidedByStaffId: 'dr-jan',
      infusionAction: 'continued',
    });
    expect(se?.clinicalTime).toBe(drug?.clinicalTime);
    expect(se?.authorStaffId).toBe('nurse-an');
    expect(se?.protocolKey).toBe(seeded.session.protocolKey);

    const table = screen.getByRole('table', { name: 'Side effects this session' });
    expect(table).toHaveTextContent(
      /Nausea.*Moderate.*Ondansetron 4 mg IV.*Ondansetron 4\smg IV.*Dr\. Jan Vermeulen.*Continued/,
    );
    // The form is closed and its draft cleared; the button is back.
    expect(screen.getByRole('button', { name: 'Side effect' })).toBeInTheDocument();
  });

  it('asks to confirm a dose that differs from the suggestion (10x slip) before saving it', async () => {
    const { bedside, seeded } = await setup();
    await pick('Nausea');
    await userEvent.click(screen.getByRole('button', { name: 'Use: Ondansetron 4 mg IV' }));
    await userEvent.type(screen.getByLabelText(/^Dose/), '40');
    await userEvent.selectOptions(screen.getByLabelText('Ordered by'), 'Dr. Jan Vermeulen');
    await fillCommon({ severity: 'Mild', action: 'Continued' });
    await save();
    expect(screen.getByRole('alert')).toHaveTextContent(
      'The dose 40 mg differs from the suggested 4 mg',
    );
    expect(await ofKind(bedside.db, seeded.sessionId, 'drug-given')).toHaveLength(0);
    await userEvent.clear(screen.getByLabelText(/^Dose/));
    await userEvent.type(screen.getByLabelText(/^Dose/), '8');
    await save();
    expect(screen.getByRole('alert')).toHaveTextContent('The dose 8 mg differs');
    await save('Save anyway');
    await screen.findByText(/Side effect saved on this tablet/);
    const [drug] = await ofKind(bedside.db, seeded.sessionId, 'drug-given');
    expect(drug?.payload.doseMg).toBe(8);
  });

  it('accepts a decimal comma in the dose (midazolam 2,5 mg for hallucinations)', async () => {
    const { bedside, seeded } = await setup();
    await pick('Hallucinations');
    await userEvent.click(
      screen.getByRole('button', { name: 'Use: Midazolam IV (dose set by the anesthesiologist)' }),
    );
    await userEvent.type(screen.getByLabelText(/^Dose/), '2,5');
    await userEvent.selectOptions(screen.getByLabelText('Ordered by'), 'Dr. Jan Vermeulen');
    await fillCommon({ severity: 'Moderate', action: 'Continued' });
    await save();
    await screen.findByText(/Side effect saved on this tablet/);
    const [drug] = await ofKind(bedside.db, seeded.sessionId, 'drug-given');
    expect(drug?.payload).toMatchObject({ drug: 'midazolam', doseMg: 2.5, route: 'IV' });
  });

  it('refuses an incomplete capture with messages at the fields and stores nothing', async () => {
    const { bedside, seeded } = await setup();
    await pick('Other (describe)');
    await save();
    const form = screen.getByRole('form', { name: 'Other (describe)' });
    const alerts = within(form)
      .getAllByRole('alert')
      .map((a) => a.textContent);
    expect(alerts).toContain('Say whether a drug was given for it.');
    expect(alerts.some((a) => a?.includes('Pick the severity'))).toBe(true);
    await fillCommon({ severity: 'Severe', action: 'Stopped' });
    await userEvent.type(
      screen.getByLabelText('What was done'),
      'Infusion stopped, anesthesiologist called',
    );
    await userEvent.click(screen.getByRole('radio', { name: 'No drug' }));
    await save();
    expect(within(form).getByRole('alert')).toHaveTextContent(
      'A description of the side effect is required.',
    );
    expect(await ofKind(bedside.db, seeded.sessionId, 'side-effect')).toHaveLength(0);
    await userEvent.type(screen.getByLabelText('Describe the side effect'), 'Chest tightness');
    await save();
    await screen.findByText(/Side effect saved on this tablet/);
    const [se] = await ofKind(bedside.db, seeded.sessionId, 'side-effect');
    expect(se?.payload).toMatchObject({
      effect: 'other',
      otherText: 'Chest tightness',
      severity: 'severe',
      infusionAction: 'stopped',
    });
    expect(se?.payload).not.toHaveProperty('drugGivenRecordId');
    expect(await ofKind(bedside.db, seeded.sessionId, 'drug-given')).toHaveLength(0);
  });

  it('does not write the pump event; reminds to use the infusion controls until it is recorded', async () => {
    const { bedside, seeded } = await setup();
    await pick('Delirium');
    expect(screen.getByRole('region', { name: /Suggestion/ })).toHaveTextContent(
      'Pause the infusion and call the anesthesiologist [center default]',
    );
    await userEvent.click(
      screen.getByRole('button', { name: 'Use: Pause the infusion and call the anesthesiologist' }),
    );
    await userEvent.click(screen.getByRole('radio', { name: 'No drug' }));
    await fillCommon({ severity: 'Severe', action: 'Paused' });
    await save();
    await screen.findByText(/no pause is recorded yet: use Pause on the infusion controls/);
    expect(
      (await ofKind(bedside.db, seeded.sessionId, 'infusion-event')).map((e) => e.payload.event),
    ).toEqual(['start']);
    // The nurse pauses on the infusion controls (another feature writes this record).
    await addPause(bedside.db, seeded);
    await waitFor(() =>
      expect(screen.queryByText(/no pause is recorded yet/)).not.toBeInTheDocument(),
    );
  });

  it('keeps the side effect being captured across a reload (draft)', async () => {
    const { view, ui, bedside } = await setup();
    await pick('Dizziness');
    await userEvent.type(screen.getByLabelText('What was done'), 'Observed, patient lying down');
    view.unmount();
    renderWithBedside(ui, bedside);
    await screen.findByRole('heading', { name: 'Dizziness' });
    await waitFor(() =>
      expect(screen.getByLabelText('What was done')).toHaveValue('Observed, patient lying down'),
    );
  });

  it('shows the catalog and the suggestion label in Dutch', async () => {
    usePreferences.setState({ locale: 'nl-BE' });
    await setup('Bijwerking');
    await userEvent.click(screen.getByRole('button', { name: 'Bijwerking' }));
    await userEvent.click(screen.getByRole('button', { name: 'Misselijkheid' }));
    expect(
      screen.getByRole('region', { name: 'Suggestie — de anesthesist beslist' }),
    ).toHaveTextContent('Ondansetron 4 mg IV [protocol]');
  });
});

async function addPause(db: KitDatabase, seeded: SeededSession) {
  const pause = seeded.factory
    .at(T('08:30'))
    .infusionEvent(seeded.session, 'pause', { reason: 'Delirium' }, { authorStaffId: 'nurse-an' });
  const r = await appendRecords(db, [pause]);
  if (!r.ok) throw new Error(r.error.message);
}
