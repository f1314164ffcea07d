import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { expectAccessible } from './support/accessibility.ts';
import {
  firstRunSetup,
  lockNow,
  lockScreen,
  recordingAs,
  unlockAs,
  type StaffToSetUp,
} from './support/unlock.ts';

const NURSE: StaffToSetUp = { name: 'Nora Nurse', id: 'nurse.nora', role: 'Nurse' };
const ANESTHESIOLOGIST: StaffToSetUp = {
  name: 'Anna Anesthesia',
  id: 'dr.anna',
  role: 'Anesthesiologist',
  pin: '3691',
};

/** PNGs for a person to look at (git-ignored), only when E2E_SCREENSHOTS is set. */
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
  }
  await page.setViewportSize({ width: 1024, height: 768 });
}

test('a new tablet is set up, locks by itself without losing typed input, and switches users by PIN', async ({
  page,
}) => {
  await page.clock.install();
  await page.goto('/');
  // No staff yet: the tablet is open on the staff screen.
  await expect(page.getByRole('heading', { name: 'Staff on this tablet' })).toBeVisible();
  await expect(lockScreen(page)).toHaveCount(0);

  await firstRunSetup(page, [NURSE, ANESTHESIOLOGIST]);
  await expect(recordingAs(page)).toHaveText(NURSE.name);

  // Half-typed registration, then the nurse walks away.
  await page.goto('/#/patients/new');
  await page.getByLabel('Center patient number').fill('KIT-0042');
  await page.clock.fastForward('05:01');
  await expect(lockScreen(page)).toBeVisible();
  await expect(page.getByText('Locked after 5 min without use.')).toBeVisible();
  await expect(page.getByRole('heading', { name: `PIN for ${NURSE.name}` })).toBeVisible();
  await screenshots(page, 'lock-auto-locked');
  await expectAccessible(page, 'the lock screen after 5 min without use');
  await unlockAs(page, NURSE.name);
  await expect(page.getByLabel('Center patient number')).toHaveValue('KIT-0042');

  // Quick switch to the anesthesiologist; a wrong PIN first.
  await lockNow(page);
  await expect(page.getByRole('heading', { name: 'Who is using the tablet?' })).toBeVisible();
  await screenshots(page, 'lock-choose-name');
  await expectAccessible(page, 'the lock screen: who is using the tablet');
  await lockScreen(page).getByRole('button', { name: ANESTHESIOLOGIST.name, exact: true }).click();
  const keypad = page.getByRole('group', { name: 'PIN keypad' });
  for (const digit of '1111') await keypad.getByRole('button', { name: digit }).click();
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByRole('alert')).toHaveText(
    'Wrong PIN. Tries left before a 5-minute lockout: 4.',
  );
  await screenshots(page, 'lock-wrong-pin');
  await expectAccessible(page, 'the lock screen after a wrong PIN');
  await unlockAs(page, ANESTHESIOLOGIST.name, ANESTHESIOLOGIST.pin);
  await expect(page.getByLabel('Center patient number')).toHaveValue('KIT-0042');
  await screenshots(page, 'lock-unlocked-header');
});

test('a person without a PIN chooses one; five wrong PINs lock them out until a shown time', async ({
  page,
}) => {
  await page.goto('/');
  await firstRunSetup(page, [NURSE]);
  await page.getByRole('link', { name: 'Staff' }).click();
  await page.getByLabel('Name', { exact: true }).fill('Bram Claes');
  await page.getByLabel('Staff id (center code)').fill('nurse.bram');
  await page.getByRole('radio', { name: 'Nurse', exact: true }).check();
  await page.getByRole('button', { name: 'Add staff member' }).click();
  await expect(page.getByRole('region', { name: 'Staff', exact: true })).toContainText('Bram');

  await lockNow(page);
  await lockScreen(page).getByRole('button', { name: 'Bram Claes', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Choose a PIN for Bram Claes' })).toBeVisible();
  await screenshots(page, 'lock-choose-pin');
  await expectAccessible(page, 'choosing a first PIN');
  await page.getByRole('button', { name: 'Someone else' }).click();

  await lockScreen(page).getByRole('button', { name: NURSE.name, exact: true }).click();
  const pin = page.getByLabel('PIN', { exact: true });
  for (let i = 0; i < 5; i += 1) {
    await pin.fill('9999');
    await pin.press('Enter');
    await expect(pin).toHaveValue('');
  }
  await expect(page.getByRole('alert')).toHaveText(
    /^Too many wrong PINs\. Nora Nurse can try again from \d\d:\d\d:\d\d/,
  );
  await expect(pin).toBeDisabled();
  await screenshots(page, 'lock-locked-out');
  await expectAccessible(page, 'the lock screen, locked out');
});
