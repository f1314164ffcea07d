import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { recordsOfKind } from '../../db/records-repo.ts';
import type { KitDatabase } from '../../db/database.ts';
import type { StaffMember } from '../../ui/bedside-context.tsx';
import {
  ANESTHESIOLOGIST,
  makeBedside,
  NURSE,
  renderWithBedside,
} from '../../../tests/support/render-bedside.tsx';
import { CenterSettingsScreen } from './center-settings-screen.tsx';

const ADMIN: StaffMember = {
  staffId: 'admin-els',
  displayName: 'Els Maes',
  role: 'admin',
  active: true,
};

async function renderAs(actor: StaffMember | null) {
  const bedside = { ...makeBedside({ actor }), staff: [NURSE, ANESTHESIOLOGIST, ADMIN] };
  renderWithBedside(<CenterSettingsScreen />, bedside);
  await screen.findByRole('heading', { name: 'Center settings' });
  return bedside;
}

const versionsIn = (db: KitDatabase) => recordsOfKind(db, 'settings-version');
const form = (name: string) => within(screen.getByRole('form', { name }));

async function replace(input: HTMLElement, text: string) {
  await userEvent.clear(input);
  if (text !== '') await userEvent.type(input, text);
}

describe('CenterSettingsScreen', () => {
  it('saves a changed observation interval as a new version with author and reason, keeping the old one', async () => {
    const { db } = await renderAs(ADMIN);
    const values = form('Values');
    await replace(await values.findByLabelText('Observation every (min)'), '10');
    await userEvent.type(values.getByLabelText('Reason for this change'), 'Team decision 2 March');
    await userEvent.click(values.getByRole('button', { name: 'Save as version 2' }));

    await waitFor(async () => expect(await versionsIn(db)).toHaveLength(2));
    const [v1, v2] = await versionsIn(db);
    // The built-in defaults are stored as version 1, so the change has a version to supersede.
    expect(v1?.payload.settings.version).toBe(1);
    expect(v1?.payload.settings.observationIntervalMin).toBe(15);
    expect(v2?.payload.settings.version).toBe(2);
    expect(v2?.payload.settings.observationIntervalMin).toBe(10);
    expect(v2?.payload.settings.thresholds).toEqual(v1?.payload.settings.thresholds);
    expect(v2?.authorStaffId).toBe('admin-els');
    expect(v2?.settingsVersion).toBe(2);
    expect(v2?.supersedes).toEqual({ recordId: v1?.id, reason: 'Team decision 2 March' });
    expect(await screen.findByText(/Saved on this tablet as a new version/)).toBeInTheDocument();

    // A second change builds on version 2; versions 1 and 2 stay exactly as stored.
    const again = form('Values');
    await replace(await again.findByLabelText('Observation every (min)'), '12');
    await userEvent.type(again.getByLabelText('Reason for this change'), 'Night staffing');
    await userEvent.click(again.getByRole('button', { name: 'Save as version 3' }));
    await waitFor(async () => expect(await versionsIn(db)).toHaveLength(3));
    const all = await versionsIn(db);
    expect(all[0]).toEqual(v1);
    expect(all[1]).toEqual(v2);
    expect(all[2]?.payload.settings.observationIntervalMin).toBe(12);
    expect(all[2]?.supersedes?.recordId).toBe(v2?.id);

    const history = within(screen.getByRole('list', { name: 'Version history' }));
    const v3Entry = within(await history.findByRole('listitem', { name: 'Version 3' }));
    expect(v3Entry.getByText(/by Els Maes/)).toBeInTheDocument();
    expect(v3Entry.getByText('Night staffing')).toBeInTheDocument();
    expect(v3Entry.getByText('Observation every: 10 min → 12 min')).toBeInTheDocument();
    expect(screen.getByText('Version 3 in force')).toBeInTheDocument();
  });

  it('refuses an out-of-range value with its message and stores nothing', async () => {
    const { db } = await renderAs(ADMIN);
    const values = form('Values');
    await replace(await values.findByLabelText('Observation every (min)'), '45');
    await replace(values.getByLabelText('Systolic BP above (mmHg)'), '1800');
    await userEvent.type(values.getByLabelText('Reason for this change'), 'Typo test');
    await userEvent.click(values.getByRole('button', { name: 'Save as version 2' }));

    const alerts = values.getAllByRole('alert').map((a) => a.textContent);
    expect(alerts).toContain(
      'Observation interval: 45 min is above the allowed 5–30 min. Enter a value from 5 to 30 min.',
    );
    expect(alerts).toContain(
      'Systolic BP above: 1800 mmHg is above the allowed 140–220 mmHg. Enter a value from 140 to 220 mmHg.',
    );
    expect(alerts).toContain('Not saved: correct the fields marked above.');
    // The first refused field (far above the button) gets the focus.
    await waitFor(() => expect(values.getByLabelText('Observation every (min)')).toHaveFocus());
    expect(await versionsIn(db)).toHaveLength(0);
  });

  it('lists every administrable value with its unit, protocol default and range, auto-lock included', async () => {
    await renderAs(ADMIN);
    const values = form('Values');
    for (const [label, hint] of [
      ['Observation every (min)', 'Protocol default 15 min · allowed 5–30 min'],
      ['Ketamine final volume (syringe or bag) (mL)', 'Protocol default 50 mL · allowed 10–500 mL'],
      [
        'Warn when the next session is sooner than (days)',
        'Protocol default 21 days · allowed 7–84 days',
      ],
      ['Lost to follow-up after (weeks)', 'Protocol default 12 weeks · allowed 4–52 weeks'],
      [
        'Modified Aldrete score at least (points)',
        'Protocol default 9 points · allowed 7–10 points',
      ],
      ['Liver enzyme urgent flag at (× ULN)', 'Protocol default 3 × ULN · allowed 2–10 × ULN'],
      ['Lock the tablet after no use for (min)', 'Protocol default 5 min · allowed 1–60 min'],
    ] as const) {
      expect(values.getByLabelText(label)).toHaveAccessibleDescription(hint);
    }
    expect(values.getAllByRole('textbox')).toHaveLength(28); // 27 values + the reason
  });

  it('refuses a save without a reason or without any change', async () => {
    const { db } = await renderAs(ADMIN);
    const values = form('Values');
    await replace(await values.findByLabelText('Lost to follow-up after (weeks)'), '16');
    await userEvent.click(values.getByRole('button', { name: 'Save as version 2' }));
    expect(
      values.getByText('Give the reason for this change (at least 3 characters).'),
    ).toHaveAttribute('role', 'alert');
    await replace(values.getByLabelText('Lost to follow-up after (weeks)'), '12');
    await userEvent.type(values.getByLabelText('Reason for this change'), 'No change');
    await userEvent.click(values.getByRole('button', { name: 'Save as version 2' }));
    expect(values.getByRole('alert')).toHaveTextContent(
      'Nothing changed: no new version was saved.',
    );
    expect(await versionsIn(db)).toHaveLength(0);
  });

  it.each([
    ['a nurse', NURSE],
    ['an anesthesiologist', ANESTHESIOLOGIST],
    ['nobody chosen', null],
  ])('is read-only for %s: nothing can be saved', async (_who, actor) => {
    const { db } = await renderAs(actor);
    expect(await screen.findByText(/Read only/)).toBeInTheDocument();
    expect(form('Values').getByLabelText('Observation every (min)')).toBeDisabled();
    expect(screen.queryByRole('button', { name: /Save/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Make active for new courses' })).toBeNull();
    expect(screen.getByRole('radio', { name: /KIT racemic|racemic/i })).toBeDisabled();
    expect(await versionsIn(db)).toHaveLength(0);
  });

  it('lets S-ketamine become the active protocol only after its doses and concentration are entered', async () => {
    const { db } = await renderAs(ADMIN);
    const sKetRadio = () => screen.getByRole('radio', { name: /S-ketamine/ });
    expect(
      await screen.findByText('Not configured yet: S-ketamine cannot be used.'),
    ).toBeInTheDocument();
    expect(sKetRadio()).toBeDisabled();
    expect(sKetRadio()).not.toBeChecked();

    // Doses refused by the domain (test dose above the full dose): nothing stored.
    const sKet = form('S-ketamine protocol');
    await userEvent.type(sKet.getByLabelText('Test dose (session 1) (mg)'), '60');
    await userEvent.type(sKet.getByLabelText('Full dose (session 2 onward) (mg)'), '50');
    await userEvent.type(
      sKet.getByLabelText('Vial as printed on the label'),
      'Esketamine 25 mg/mL',
    );
    await userEvent.type(sKet.getByLabelText('Vial concentration (mg/mL)'), '25');
    await userEvent.type(sKet.getByLabelText('Reason for this change'), 'Switch to S-ketamine');
    await userEvent.click(sKet.getByRole('button', { name: 'Save S-ketamine doses' }));
    expect(sKet.getByRole('alert')).toHaveTextContent(
      'The test dose (60 mg) is larger than the full dose (50 mg); check both doses.',
    );
    expect(await versionsIn(db)).toHaveLength(0);

    await replace(sKet.getByLabelText('Test dose (session 1) (mg)'), '25');
    await userEvent.click(sKet.getByRole('button', { name: 'Save S-ketamine doses' }));
    await waitFor(async () => expect(await versionsIn(db)).toHaveLength(2));
    const configured = (await versionsIn(db))[1]?.payload;
    expect(configured?.settings.activeProtocolKey).toBe('kit-racemic@1.0.0');
    expect(configured?.protocols?.[0]?.version).toBe('1.0.0');
    expect(configured?.protocols?.[0]?.ketamine.sessionDoses).toEqual({
      testDoseMg: 25,
      fullDoseMg: 50,
    });
    expect(configured?.protocols?.[0]?.ketamine.products[0]?.concentrationMgPerMl).toBe(25);
    expect(configured?.protocols?.[0]?.title).toBe(
      'KIT S-ketamine 25 mg then 50 mg over 4 h with propofol 1 mg/kg/h (center-configured)',
    );
    expect(await screen.findByText('Configured as version 1.0.0')).toBeInTheDocument();

    await waitFor(() => expect(sKetRadio()).toBeEnabled());
    const active = form('Protocol for new courses');
    await userEvent.click(sKetRadio());
    await userEvent.type(active.getByLabelText('Reason for this change'), 'Doses agreed');
    await userEvent.click(active.getByRole('button', { name: 'Make active for new courses' }));
    await waitFor(async () => expect(await versionsIn(db)).toHaveLength(3));
    const latest = (await versionsIn(db))[2];
    expect(latest?.payload.settings.activeProtocolKey).toBe('kit-s-ketamine@1.0.0');
    expect(latest?.protocolKey).toBe('kit-s-ketamine@1.0.0');
    expect(latest?.payload.protocols?.map((p) => p.version)).toEqual(['1.0.0']);
    expect(latest?.supersedes?.reason).toBe('Doses agreed');
    const v3 = within(await screen.findByRole('listitem', { name: 'Version 3' }));
    expect(
      v3.getByText(/Protocol for new courses: KIT racemic .* · 1\.0\.0 → KIT S-ketamine 25 mg/),
    ).toBeInTheDocument();
  });
});
