/**
 * Center settings administration (issue 5) in real Chromium: an administrator changes the
 * observation interval (a new version with a reason), enters the S-ketamine doses and makes it
 * the protocol for new courses; a nurse then sees the screen read-only and the new values on
 * "settings in force". Screenshots (git-ignored) when E2E_SCREENSHOTS is set.
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { expectAccessible } from './support/accessibility.ts';
import { firstRunSetup, unlockAs, type StaffToSetUp } from './support/unlock.ts';

const ADMIN: StaffToSetUp = { name: 'Els Admin', id: 'admin.els', role: 'Administrator' };
const NURSE: StaffToSetUp = { name: 'Nora Nurse', id: 'nurse.nora', role: 'Nurse', pin: '3691' };

async function screenshots(page: Page, name: string): Promise<void> {
  if (!process.env.E2E_SCREENSHOTS) return;
  const dir = resolve('screenshots');
  mkdirSync(dir, { recursive: true });
  for (const [width, height] of [
    [1024, 768],
    [768, 1024],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: join(dir, `${name}-${width}x${height}.png`) });
    await page.screenshot({
      path: join(dir, `${name}-${width}x${height}-full.png`),
      fullPage: true,
    });
    // The lower half at readable size: the protocol cards and the version history.
    const parts = [
      ['protocols', page.locator('.center-settings__pair')],
      ['history', page.getByRole('region', { name: 'Version history' })],
    ] as const;
    for (const [part, region] of parts)
      await region.screenshot({ path: join(dir, `${name}-${width}x${height}-${part}.png`) });
  }
  await page.setViewportSize({ width: 1024, height: 768 });
}

test('an administrator changes settings as new versions; a nurse sees them read-only', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.goto('/');
  await firstRunSetup(page, [ADMIN, NURSE]);
  await page.goto('/#/center/settings');
  await expect(page.getByRole('heading', { name: 'Center settings', level: 1 })).toBeVisible();
  await expect(page.getByText('Version 1 in force')).toBeVisible();

  const values = page.getByRole('form', { name: 'Values' });
  await values.getByLabel('Observation every (min)').fill('45');
  await values.getByLabel('Reason for this change').fill('Anesthesia team decision');
  await values.getByRole('button', { name: 'Save as version 2' }).click();
  await expect(values.getByText(/45 min is above the allowed 5–30 min/)).toBeVisible();
  await screenshots(page, 'center-settings-refused');
  await expectAccessible(page, 'center settings with a refused value');

  await values.getByLabel('Observation every (min)').fill('10');
  await values.getByRole('button', { name: 'Save as version 2' }).click();
  await expect(page.getByText('Version 2 in force')).toBeVisible();

  const sKet = page.getByRole('form', { name: 'S-ketamine protocol' });
  await sKet.getByLabel('Test dose (session 1) (mg)').fill('25');
  await sKet.getByLabel('Full dose (session 2 onward) (mg)').fill('50');
  await sKet.getByLabel('Vial as printed on the label').fill('Esketamine 25 mg/mL');
  await sKet.getByLabel('Vial concentration (mg/mL)').fill('25');
  await sKet.getByLabel('Reason for this change').fill('S-ketamine doses agreed');
  await sKet.getByRole('button', { name: 'Save S-ketamine doses' }).click();
  await expect(page.getByText('Version 3 in force')).toBeVisible();

  const active = page.getByRole('form', { name: 'Protocol for new courses' });
  await active.getByRole('radio', { name: /S-ketamine/ }).check();
  await active.getByLabel('Reason for this change').fill('Switch for new courses');
  await active.getByRole('button', { name: 'Make active for new courses' }).click();
  await expect(page.getByText('Version 4 in force')).toBeVisible();
  const history = page.getByRole('list', { name: 'Version history' });
  await expect(history.getByRole('listitem', { name: 'Version 2' })).toContainText(
    'Observation every: 15 min → 10 min',
  );
  await screenshots(page, 'center-settings-admin');
  await expectAccessible(page, 'center settings for an administrator');

  await unlockAs(page, NURSE.name, NURSE.pin);
  await page.goto('/#/center/settings');
  await expect(page.getByText(/Read only: only an administrator/)).toBeVisible();
  await expect(page.getByLabel('Observation every (min)')).toBeDisabled();
  await expect(page.getByRole('button', { name: /Save/ })).toHaveCount(0);
  await screenshots(page, 'center-settings-nurse');
  await expectAccessible(page, 'center settings read-only for a nurse');

  await page.goto('/#/settings');
  await expect(page.getByRole('heading', { name: 'Center settings version 4' })).toBeVisible();
});
