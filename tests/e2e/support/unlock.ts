/**
 * The tablet lock in browser tests (src/features/lock). Once a tablet has active staff, a lock
 * screen covers the app until someone unlocks with their PIN; a tablet with no staff is open
 * (the staff screen shows so the first people can be added). The first time a person unlocks
 * on a tablet they choose their PIN (typed twice).
 *
 * API (English screens):
 * - `TEST_PIN` ('2580'): the PIN used when none is given (1234-like PINs are refused).
 * - `firstRunSetup(page, staff)`: on a fresh tablet, adds every person on the staff screen and
 *   gives each their PIN (`person.pin` or TEST_PIN); ends unlocked as the FIRST person, who is
 *   then the one "Recording as". Call it after `page.goto('/')`-ing a fresh context.
 * - `unlockAs(page, name, pin?)`: makes `name` the one recording. Works from any state: locks
 *   first if the tablet is open ("Switch user / Lock"), leaves another person's PIN pad
 *   ("Someone else"), chooses the name, and types the PIN, or chooses it (twice) if this
 *   person has none on this tablet yet. Waits until the lock screen is gone.
 * - `lockNow(page)`: "Switch user / Lock" (the app stays as it was under the lock screen).
 * - `isLocked(page)`, `lockScreen(page)`: the lock screen's dialog ("Tablet locked").
 * - `recordingAs(page)`: the header's name of the person recording (a Locator).
 *
 * A reload of the same page within the auto-lock time (center setting, default 5 min) stays
 * unlocked; a new page or context starts locked, so call `unlockAs` after opening one.
 * Auto-lock counts real time: in long tests call `unlockAs` again when the lock shows up
 * (it is a no-op-then-unlock: it never fails because the tablet happened to lock).
 */
import { expect, type Page } from '@playwright/test';

export const TEST_PIN = '2580';

export type StaffToSetUp = {
  readonly name: string;
  /** Center staff id ("Staff id (center code)"). */
  readonly id: string;
  readonly role: 'Nurse' | 'Anesthesiologist' | 'Administrator';
  readonly pin?: string;
};

export const lockScreen = (page: Page) => page.getByRole('dialog', { name: 'Tablet locked' });
export const recordingAs = (page: Page) => page.locator('.lock-button strong');

export async function isLocked(page: Page): Promise<boolean> {
  return lockScreen(page).isVisible();
}

export async function lockNow(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Switch user / Lock' }).click();
  await expect(lockScreen(page)).toBeVisible();
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export async function unlockAs(page: Page, name: string, pin: string = TEST_PIN): Promise<void> {
  if (!(await isLocked(page))) await lockNow(page);
  const dialog = lockScreen(page);
  const nameButton = dialog.getByRole('button', { name, exact: true });
  const ownPad = dialog.getByRole('heading', {
    name: new RegExp(`^(PIN for|Choose a PIN for|Type the same PIN again for) ${escape(name)}$`),
  });
  // The lock screen shows either the list of names or one person's PIN pad.
  await expect(nameButton.or(dialog.getByRole('button', { name: 'Someone else' }))).toBeVisible();
  if (!(await ownPad.isVisible())) {
    if (!(await nameButton.isVisible()))
      await dialog.getByRole('button', { name: 'Someone else' }).click();
    await nameButton.click();
  }
  const pinField = dialog.getByLabel('PIN', { exact: true });
  const newPin = dialog.getByLabel('New PIN', { exact: true });
  const again = dialog.getByLabel('New PIN again', { exact: true });
  await expect(pinField.or(newPin).or(again)).toBeVisible();
  if (await pinField.isVisible()) {
    await pinField.fill(pin);
    await dialog.getByRole('button', { name: 'Unlock' }).click();
  } else {
    if (await newPin.isVisible()) {
      await newPin.fill(pin);
      await dialog.getByRole('button', { name: 'Next' }).click();
    }
    await again.fill(pin);
    await dialog.getByRole('button', { name: 'Save PIN and unlock' }).click();
  }
  await expect(dialog).toHaveCount(0);
  await expect(recordingAs(page)).toHaveText(name);
}

/** Adds one person on the staff screen (the tablet must be open: no staff yet, or unlocked). */
async function addStaffMember(page: Page, person: StaffToSetUp): Promise<void> {
  await page.goto('/#/staff');
  await page.getByLabel('Name', { exact: true }).fill(person.name);
  await page.getByLabel('Staff id (center code)').fill(person.id);
  await page.getByRole('radio', { name: person.role, exact: true }).check();
  await page.getByRole('button', { name: 'Add staff member' }).click();
}

export async function firstRunSetup(page: Page, staff: readonly StaffToSetUp[]): Promise<void> {
  const [first, ...others] = staff;
  if (!first) throw new Error('firstRunSetup needs at least one person');
  // The first person added locks the tablet; they choose their PIN and unlock.
  await addStaffMember(page, first);
  await expect(lockScreen(page)).toBeVisible();
  await unlockAs(page, first.name, first.pin);
  for (const person of others) {
    await addStaffMember(page, person);
    await expect(page.getByRole('region', { name: 'Staff', exact: true })).toContainText(
      person.name,
    );
  }
  // Everyone chooses their PIN now, so later unlocks only type it.
  for (const person of others) await unlockAs(page, person.name, person.pin);
  if (others.length > 0) await unlockAs(page, first.name, first.pin);
}
