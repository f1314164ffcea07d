/**
 * What a person does on a tablet, for the browser tests: enroll with a one-time code from the
 * center's admin API, add staff, choose who records, register a patient, start a session.
 * Every step goes through the screens by role and label, as a nurse would.
 */
import { expect, type APIRequestContext, type Page } from '@playwright/test';
import { isLocked, lockScreen, recordingAs, TEST_PIN, unlockAs } from './unlock.ts';

/** The admin token scripts/serve-e2e.mjs starts the center server with. */
export const ADMIN_TOKEN = process.env.E2E_ADMIN_TOKEN ?? 'e2e-admin-token-0123456789abcdef';

/** A one-time enrollment code, as an administrator gets it from the center server. */
export async function enrollmentCode(request: APIRequestContext): Promise<string> {
  const response = await request.post('/api/admin/enrollment-codes', {
    headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
    data: {},
  });
  expect(response.status()).toBe(201);
  const body = (await response.json()) as { code: string };
  return body.code;
}

/** The header's sync badge (a link to the sync screen). */
export const syncBadge = (page: Page) => page.getByRole('link', { name: /^Sync status:/ });

/** Enrolls on the sync screen; the server address stays the page's own origin. */
export async function enroll(page: Page, code: string, tabletName: string): Promise<void> {
  await page.goto('/#/sync');
  await expect(page.getByLabel('Server address')).toHaveValue(new URL(page.url()).origin);
  await page.getByLabel('One-time code').fill(code);
  await page.getByLabel('Tablet name').fill(tabletName);
  await page.getByRole('button', { name: 'Enroll this tablet', exact: true }).click();
  await expect(page.getByText('Enrolled. Entries made from now on')).toBeVisible();
  await expect(page.getByText(`enrolled with the center as “${tabletName}”`)).toBeVisible();
}

export type Person = {
  readonly name: string;
  readonly id: string;
  readonly role: 'Nurse' | 'Anesthesiologist' | 'Administrator';
};

export { TEST_PIN };

/**
 * Once a tablet has staff, the lock screen covers the app until someone unlocks with their PIN
 * (the first time on this tablet they choose it, typed twice). Unlocks as `person` when the
 * lock is showing, whatever state it is in (unlock.ts); does nothing otherwise.
 */
export async function unlockIfLocked(page: Page, person: Person, pin = TEST_PIN): Promise<void> {
  if (await isLocked(page)) await unlockAs(page, person.name, pin);
}

/** Adds a staff member on the staff screen (authored by whoever records, or by themself first). */
export async function addStaff(page: Page, person: Person): Promise<void> {
  await page.goto('/#/staff');
  await page.getByLabel('Name', { exact: true }).fill(person.name);
  await page.getByLabel('Staff id (center code)').fill(person.id);
  await page.getByRole('group', { name: 'Role' }).getByText(person.role, { exact: true }).click();
  await page.getByRole('button', { name: 'Add staff member' }).click();
  // The first person of a tablet locks it (they choose their PIN and unlock).
  await expect(
    page.getByRole('listitem').filter({ hasText: person.name }).or(lockScreen(page)).first(),
  ).toBeVisible();
  await unlockIfLocked(page, person);
  await expect(page.getByRole('listitem').filter({ hasText: person.name })).toBeVisible();
}

/** Makes `person` the one recording: the lock's "Switch user" and their PIN, unless they already are. */
export async function recordAs(page: Page, person: Person, pin = TEST_PIN): Promise<void> {
  const current = recordingAs(page);
  if (!(await isLocked(page)) && (await current.count()) > 0) {
    if ((await current.textContent()) === person.name) return;
  }
  await unlockAs(page, person.name, pin);
}

const pick = (page: Page, group: string | RegExp, option: string) =>
  page.getByRole('group', { name: group }).getByText(option, { exact: true }).click();

const ANSWERS: readonly [string, 'Yes' | 'No'][] = [
  ['Is the pain oncologic (cancer-related)?', 'No'],
  ['Has a psychologist evaluated the patient?', 'Yes'],
  ['Did the psychologist find predominant yellow, blue or black flags?', 'No'],
  ['Is there significant psychiatric comorbidity?', 'No'],
  ['Did first-line treatments fail?', 'Yes'],
  ['Did second-line treatments fail?', 'Yes'],
  ['Poorly controlled cardiovascular disease', 'No'],
  ['Pregnancy', 'No'],
  ['Active psychosis', 'No'],
  ['Severe liver disease', 'No'],
  ['Raised intracranial or intraocular pressure', 'No'],
  ['Active substance abuse', 'No'],
];

/** Registers an eligible patient (patient, screening, course) and lands on the patient. */
export async function registerPatient(
  page: Page,
  number: string,
  physicianId: string,
): Promise<void> {
  await page.goto('/#/patients/new');
  await page.getByLabel('Center patient number').fill(number);
  await pick(page, 'Sex', 'Female');
  await pick(page, 'What is known of the birth date?', 'Full date of birth known');
  await page.getByLabel('Date of birth', { exact: true }).fill('1970-05-12');
  await page.getByLabel('Physician 1', { exact: true }).selectOption(physicianId);
  await page.getByLabel('Physician 2', { exact: true }).selectOption('__other__');
  await page.getByLabel('Staff id of Physician 2').fill('dr-pain');
  await pick(page, 'Pain type according to Physician 1', 'Neuropathic');
  await pick(page, 'Pain type according to Physician 2', 'Neuropathic');
  await page.getByLabel(/Baseline pain score/).fill('7');
  for (const [question, answer] of ANSWERS) await pick(page, question, answer);
  await pick(page, 'Was KIT started at this center?', 'Yes');
  await page.getByRole('button', { name: 'Register patient and start course' }).click();
  await expect(page.getByRole('button', { name: 'Start session 1' })).toBeVisible();
}

/** Starts session 1 of the open patient and ticks the first pre-check. */
export async function startSessionPreChecks(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Start session 1' }).click();
  await expect(page).toHaveURL(/\/sessions\/[^/]+\/pre-checks$/);
  // Checked once its record is stored (the box shows what the tablet holds, not the tap).
  const identity = page.getByRole('checkbox', { name: /Identity confirmed/ });
  await identity.click();
  await expect(identity).toBeChecked();
}
