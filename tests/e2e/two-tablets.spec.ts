/**
 * Issue 4 acceptance in Chromium, against the real center server (scripts/serve-e2e.mjs):
 * two tablets (two browser contexts) enroll, record offline, sync when the network is back,
 * and each shows the other's records; and an app update that arrives mid-session is offered
 * but not applied until the session is left.
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { expectAccessible } from './support/accessibility.ts';
import { chooseLanguage, headerRows } from './support/display.ts';
import { waitForActivatedServiceWorker } from './support/service-worker.ts';
import {
  addStaff,
  enroll,
  enrollmentCode,
  recordAs,
  registerPatient,
  startSessionPreChecks,
  syncBadge,
  type Person,
} from './support/tablet.ts';

const ANN: Person = { name: 'Ann Admin', id: 'ann', role: 'Administrator' };
const DIRK: Person = { name: 'Dirk Dewaele', id: 'dirk', role: 'Anesthesiologist' };
// Long on purpose: the person recording is named in the header, which must stay two rows.
const NINA: Person = {
  name: 'Nina Van den Bossche-Vanderhaeghe (verpleegkundige dagziekenhuis)',
  id: 'nina',
  role: 'Nurse',
};
const BOB: Person = { name: 'Bob Nurse', id: 'bob', role: 'Nurse' };

const SYNCED = /^Synced /;
const WAITING_OFFLINE = /^(Offline|No connection to the center) · [1-9]\d* waiting$/;

/** PNGs for a person to look at (git-ignored), only when E2E_SCREENSHOTS is set. */
async function screenshots(page: Page, name: string, fullPage = false): Promise<void> {
  if (!process.env.E2E_SCREENSHOTS) return;
  const dir = resolve('screenshots');
  mkdirSync(dir, { recursive: true });
  await page.evaluate(() => window.scrollTo(0, 0));
  for (const [width, height] of [
    [1024, 768],
    [768, 1024],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: join(dir, `${name}-${width}x${height}.png`), fullPage });
  }
  await page.setViewportSize({ width: 1024, height: 768 });
}

test('two tablets record offline, sync when back online, and each shows the other’s patient', async ({
  browser,
  request,
}) => {
  test.setTimeout(180_000);
  const tabletA = await browser.newContext();
  const tabletB = await browser.newContext();
  const a = await tabletA.newPage();
  const b = await tabletB.newPage();

  // Tablet A, the first of a new center, used before it is enrolled: the first person registers
  // themself as administrator and adds the others. Enrolling afterwards sends all of it (the
  // tablet keeps its device id; the center takes its first administrator from it).
  await a.goto('/#/staff');
  await waitForActivatedServiceWorker(a);
  await addStaff(a, ANN);
  await addStaff(a, DIRK);
  await addStaff(a, NINA);
  await recordAs(a, NINA);
  await expect(syncBadge(a)).toHaveText('Not enrolled');
  await a.goto('/#/sync');
  await expect(a.getByText('3 entries')).toBeVisible();
  await screenshots(a, 'sync-not-enrolled', true);
  await expectAccessible(a, 'the sync screen of a tablet not enrolled');
  await enroll(a, await enrollmentCode(request), 'Chair 1');
  await expect(syncBadge(a)).toHaveText(SYNCED, { timeout: 20_000 });
  await expect(a.getByText('0 entries')).toBeVisible();

  // Tablet B: the staff come from the center; an administrator adds one more nurse.
  await b.goto('/#/sync');
  await waitForActivatedServiceWorker(b);
  await enroll(b, await enrollmentCode(request), 'Chair 2');
  // The center's staff arrive with the first sync (with PINs, they lock the tablet).
  await expect(b.getByText(ANN.name).first()).toBeAttached({ timeout: 20_000 });
  await recordAs(b, ANN);
  await expect(syncBadge(b)).toHaveText(SYNCED, { timeout: 20_000 });
  await b.goto('/#/staff');
  for (const person of [ANN, DIRK, NINA])
    await expect(b.getByRole('listitem').filter({ hasText: person.name })).toBeVisible();
  await addStaff(b, BOB);
  await recordAs(b, BOB);
  await expect(syncBadge(b)).toHaveText(SYNCED, { timeout: 20_000 });

  // Both lose the network and keep working: a patient each, and a session's pre-checks.
  await tabletA.setOffline(true);
  await tabletB.setOffline(true);
  await registerPatient(a, 'KIT-A-0001', DIRK.id);
  await startSessionPreChecks(a);
  await registerPatient(b, 'KIT-B-0001', DIRK.id);
  await startSessionPreChecks(b);
  await expect(syncBadge(a)).toHaveText(WAITING_OFFLINE, { timeout: 20_000 });
  await expect(syncBadge(b)).toHaveText(WAITING_OFFLINE, { timeout: 20_000 });
  await screenshots(a, 'header-offline');

  // The network is back: each tablet sends what waits by itself.
  await tabletA.setOffline(false);
  await tabletB.setOffline(false);
  await expect(syncBadge(a)).toHaveText(SYNCED, { timeout: 30_000 });
  await expect(syncBadge(b)).toHaveText(SYNCED, { timeout: 30_000 });

  // Whichever synced first has not seen the other's entries yet: "Sync now" on its sync screen.
  for (const page of [a, b]) {
    await syncBadge(page).click();
    await expect(page.getByRole('heading', { name: 'Sync with the center' })).toBeVisible();
    await page.getByRole('button', { name: 'Sync now' }).click();
    await expect(page.getByText('0 entries')).toBeVisible();
    await expect(syncBadge(page)).toHaveText(SYNCED);
  }
  await screenshots(a, 'sync-synced', true);
  await expectAccessible(a, 'the sync screen, synced');

  // The header stays two rows high (badge, who records, lock, language and theme), in Dutch
  // too: it was four rows in portrait, a quarter of the screen above every bedside step.
  for (const locale of ['en', 'nl-BE'] as const) {
    await chooseLanguage(a, locale);
    for (const [width, height] of [
      [1024, 768],
      [768, 1024],
    ] as const) {
      await a.setViewportSize({ width, height });
      expect(await headerRows(a), `${locale} ${width}x${height}`).toBeLessThanOrEqual(2);
      // The long name gives way, not the lock button: it stays whole on the screen.
      const lock = await a.locator('.lock-button').getByRole('button').boundingBox();
      expect(lock && lock.x + lock.width, `${locale} ${width}x${height}`).toBeLessThanOrEqual(
        width,
      );
    }
  }
  await chooseLanguage(a, 'en');
  await a.setViewportSize({ width: 1024, height: 768 });
  // Switching user: the lock screen names everyone in full, the long name too.
  await a.locator('.lock-button').getByRole('button').click();
  await expect(a.getByRole('button', { name: NINA.name })).toBeVisible();
  await screenshots(a, 'lock-long-name');
  await expectAccessible(a, 'the lock screen');
  await recordAs(a, NINA);

  for (const [page, other] of [
    [a, 'KIT-B-0001'],
    [b, 'KIT-A-0001'],
  ] as const) {
    await page.goto('/#/');
    const open = page.getByRole('button', { name: `Open patient ${other}` });
    await expect(open).toBeVisible();
    await expectAccessible(page, 'the patient list');
    // The whole row is the touch target: a tap at its far end, away from the number, opens it.
    const row = await page.getByRole('listitem').filter({ has: open }).boundingBox();
    if (row === null) throw new Error(`no row for ${other}`);
    await page.mouse.click(row.x + row.width - 12, row.y + row.height - 12);
    // The other tablet's session arrived with its patient.
    await expect(page.getByRole('button', { name: 'Continue session 1' })).toBeVisible();
  }
  await tabletA.close();
  await tabletB.close();
});

test('an update arriving mid-session is not applied until the session is left', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const distDir = process.env.DIST_DIR;
  expect(distDir, 'scripts/e2e.mjs sets DIST_DIR to the build the server serves').toBeTruthy();
  const swPath = join(distDir ?? '', 'sw.js');
  const original = readFileSync(swPath);
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    await page.goto('/#/staff');
    await waitForActivatedServiceWorker(page);
    // A tablet on its own (not enrolled): its staff and a session stay on it.
    await addStaff(page, { name: 'Uma Nurse', id: 'uma', role: 'Nurse' });
    await addStaff(page, { name: 'Dr. Vera', id: 'vera', role: 'Anesthesiologist' });
    await recordAs(page, { name: 'Uma Nurse', id: 'uma', role: 'Nurse' });
    await registerPatient(page, 'KIT-U-0001', 'vera');
    await startSessionPreChecks(page);
    await page.evaluate(() => {
      (window as { sameDocument?: boolean }).sameDocument = true;
    });

    // A new version is deployed: a changed service worker, as a new build would give.
    writeFileSync(swPath, Buffer.concat([original, Buffer.from(`\n// v${Date.now()}\n`)]));
    await page.evaluate(async () => {
      await (await navigator.serviceWorker.getRegistration())?.update();
    });
    await page.waitForFunction(async () =>
      Boolean((await navigator.serviceWorker.getRegistration())?.waiting),
    );

    // Offered, but not applicable while the session is on screen.
    const offer = page
      .getByRole('status')
      .filter({ hasText: 'A new version of the app is ready.' });
    await expect(offer).toContainText('offered again when no session is running');
    await expect(page.getByRole('button', { name: 'Update now' })).toHaveCount(0);
    await page.waitForTimeout(3_000);
    expect(await page.evaluate(() => (window as { sameDocument?: boolean }).sameDocument)).toBe(
      true,
    );
    expect(
      await page.evaluate(async () =>
        Boolean((await navigator.serviceWorker.getRegistration())?.waiting),
      ),
    ).toBe(true);
    await expect(page).toHaveURL(/\/pre-checks$/);

    // Leaving the session: now it can be applied, and it reloads into the new version.
    await page.getByRole('link', { name: 'Back to patient' }).click();
    await expect(page.getByRole('button', { name: 'Continue session 1' })).toBeVisible();
    await Promise.all([
      page.waitForEvent('load'),
      page.getByRole('button', { name: 'Update now' }).click(),
    ]);
    expect(await page.evaluate(() => (window as { sameDocument?: boolean }).sameDocument)).toBe(
      undefined,
    );
    await page.waitForFunction(async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      return registration?.waiting === null && Boolean(navigator.serviceWorker.controller);
    });
    // Nothing was lost: the session is still there to continue.
    await expect(page.getByRole('button', { name: 'Continue session 1' })).toBeVisible();
    await expect(page.getByText('A new version of the app is ready.')).toHaveCount(0);
  } finally {
    writeFileSync(swPath, original);
    await context.close();
  }
});
