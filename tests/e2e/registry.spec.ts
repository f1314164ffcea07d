/**
 * The center's registry and exports on the synthetic demo center, in the built app: an
 * administrator loads the demo with the button, the registry's Table I is the paper's, and the
 * CSV and FHIR files downloaded from the exports screen hold what they should.
 * With E2E_SCREENSHOTS=1 it also saves screenshots of both screens in two orientations
 * (screenshots/, git-ignored).
 */
import { readFileSync } from 'node:fs';
import { mkdirSync } from 'node:fs';
import { expect, test, type Download, type Locator, type Page } from '@playwright/test';
import { expectAccessible } from './support/accessibility.ts';
import { firstRunSetup, isLocked, unlockAs } from './support/unlock.ts';
import { chooseLanguage } from './support/display.ts';

const ADMIN = { name: 'Els Admin', id: 'els.admin', role: 'Administrator' } as const;
const SHOTS = process.env.E2E_SCREENSHOTS ? 'screenshots' : null;

const cellTexts = async (row: Locator) =>
  (await row.getByRole('cell').allTextContents()).map((t) => t.replace(/\s+/g, ' ').trim());

async function downloadFrom(page: Page, button: Locator): Promise<{ name: string; text: string }> {
  const [download]: [Download, void] = await Promise.all([
    page.waitForEvent('download'),
    button.click(),
  ]);
  const path = await download.path();
  return { name: download.suggestedFilename(), text: readFileSync(path, 'utf8') };
}

async function shoot(page: Page, name: string): Promise<void> {
  if (SHOTS === null) return;
  mkdirSync(SHOTS, { recursive: true });
  for (const [w, h] of [
    [1024, 768],
    [768, 1024],
  ] as const) {
    await page.setViewportSize({ width: w, height: h });
    // Wait for the new layout to be painted (two frames) before the first picture.
    await page.evaluate(
      () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))),
    );
    await page.waitForTimeout(500);
    // The viewport from the top, then page by page (readable, unlike one very tall image).
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    for (let y = 0, i = 0; y < height; y += h - 150, i++) {
      await page.evaluate((top) => window.scrollTo(0, top), y);
      await page.waitForTimeout(300); // let the scrolled-in part paint
      const suffix = i === 0 ? '' : `-${i}`;
      await page.screenshot({ path: `${SHOTS}/${name}-${w}x${h}${suffix}.png` });
    }
    await page.evaluate(() => window.scrollTo(0, 0));
  }
  await page.setViewportSize({ width: 1024, height: 768 });
}

const rows = (csv: string) => csv.split('\r\n').filter((l) => l !== '');

test('registry and exports on the synthetic demo center', async ({ page }) => {
  test.setTimeout(600_000);
  await page.goto('/');
  await firstRunSetup(page, [ADMIN]);

  await page.getByRole('link', { name: 'Center', exact: true }).click();
  const centerNav = page.getByRole('navigation', { name: 'Center views' });
  await centerNav.getByRole('link', { name: 'Registry' }).click();
  await expect(page.getByRole('heading', { name: 'Registry', level: 1 })).toBeVisible();
  await expect(page.getByText('No treated patients in this selection yet.')).toBeVisible();
  await shoot(page, 'registry-empty');
  await expectAccessible(page, 'the empty registry');

  // Load the demo through the admin button; the message says how long it took.
  await page.getByRole('button', { name: 'Load the synthetic demo center' }).click();
  const done = page.getByText(/^Loaded 74 synthetic patients/);
  // Minutes on a loaded CI machine (about 30,000 records, 8 indexes each).
  await expect(done).toBeVisible({ timeout: 300_000 });
  console.log(`demo load on the tablet: ${await done.textContent()}`);
  if (await isLocked(page)) await unlockAs(page, ADMIN.name);

  // Table I as in the paper, with Fisher's p.
  const table = page.getByRole('table', { name: /Table I/ });
  await expect(table).toBeVisible({ timeout: 30_000 });
  expect(await cellTexts(table.getByRole('row', { name: /^Unsuccessful/ }))).toEqual([
    '7 (38.9 %)',
    '2 (100.0 %)',
    '13 (52.0 %)',
    '22 (48.9 %)',
  ]);
  expect(await cellTexts(table.getByRole('row', { name: /^Successful/ }))).toEqual([
    '11 (61.1 %)',
    '0 (0.0 %)',
    '12 (48.0 %)',
    '23 (51.1 %)',
  ]);
  expect(await cellTexts(table.getByRole('row', { name: /^Total/ }))).toEqual([
    '18',
    '2',
    '25',
    '45',
  ]);
  expect(await cellTexts(table.getByRole('row', { name: /Fisher/ }))).toEqual(['0.280']);
  await expect(page.getByRole('note')).toContainText('SYNTHETIC DEMO DATA');
  await shoot(page, 'registry');
  await expectAccessible(page, 'the registry of the demo center');

  // Exports, from the tablet's own data.
  await centerNav.getByRole('link', { name: 'Exports' }).click();
  const csv = page.getByRole('region', { name: /CSV/ });
  await expect(csv).toContainText('One row per patient; rows: 74');
  await shoot(page, 'exports');
  await expectAccessible(page, 'the exports screen');

  const patients = await downloadFrom(
    page,
    csv.getByRole('button', { name: 'Download patients.csv' }),
  );
  expect(patients.name).toBe('patients.csv');
  const patientRows = rows(patients.text);
  expect(patientRows[0]).toMatch(/^patient_number,synthetic,sex,/);
  expect(patientRows).toHaveLength(1 + 74);
  expect(patientRows.slice(1).every((r) => /^DEMO-\d{4},1,/.test(r))).toBe(true);

  const sessions = await downloadFrom(
    page,
    csv.getByRole('button', { name: 'Download sessions.csv' }),
  );
  expect(rows(sessions.text)).toHaveLength(1 + 691);
  const codebook = await downloadFrom(
    page,
    csv.getByRole('button', { name: 'Download codebook.csv' }),
  );
  expect(rows(codebook.text)[0]).toBe('file,variable,label,type,unit,allowed_values');

  // The center's FHIR bundle: prepared in the background, checked, then downloaded.
  const center = page.getByRole('region', { name: 'FHIR R4 bundle of the center' });
  await center.getByRole('button', { name: 'Prepare the center bundle' }).click();
  await expect(center.getByText(/^Structure check passed/)).toBeVisible({ timeout: 180_000 });
  if (await isLocked(page)) await unlockAs(page, ADMIN.name);
  const centerFile = await downloadFrom(
    page,
    center.getByRole('button', { name: /^Download fhir-center-synthetic-/ }),
  );
  type Bundle = {
    resourceType: string;
    type: string;
    entry: {
      fullUrl: string;
      resource: {
        resourceType: string;
        meta?: { security?: { code: string }[] };
        identifier?: { value: string }[];
      };
    }[];
  };
  const bundle = JSON.parse(centerFile.text) as Bundle;
  expect(bundle.resourceType).toBe('Bundle');
  expect(bundle.type).toBe('collection');
  const patientsInBundle = bundle.entry.filter((e) => e.resource.resourceType === 'Patient');
  expect(patientsInBundle).toHaveLength(74);
  expect(
    patientsInBundle.every((e) => e.resource.meta?.security?.some((s) => s.code === 'HTEST')),
  ).toBe(true);
  expect(bundle.entry.filter((e) => e.resource.resourceType === 'Encounter')).toHaveLength(691);

  // One patient's bundle.
  const one = page.getByRole('region', { name: 'FHIR R4 bundle of one patient' });
  await one.getByLabel('Patient (center number)').selectOption({ label: 'DEMO-0001' });
  await expect(one.getByText(/^Structure check passed/)).toBeVisible();
  const patientFile = await downloadFrom(
    page,
    one.getByRole('button', { name: /^Download fhir-patient-DEMO-0001-/ }),
  );
  await shoot(page, 'exports-fhir');
  const single = JSON.parse(patientFile.text) as Bundle;
  const only = single.entry.filter((e) => e.resource.resourceType === 'Patient');
  expect(only.map((e) => e.resource.identifier?.[0]?.value)).toEqual(['DEMO-0001']);
  const urls = new Set(single.entry.map((e) => e.fullUrl));
  expect(
    JSON.stringify(single)
      .match(/"reference":"[^"]+"/g)
      ?.every((r) => urls.has(r.slice(13, -1))),
  ).toBe(true);

  // The registry in Dutch (decimal comma), for the screenshots.
  if (SHOTS !== null) {
    await chooseLanguage(page, 'nl-BE');
    await page
      .getByRole('navigation', { name: 'Centrumoverzichten' })
      .getByRole('link', { name: 'Register' })
      .click();
    await expect(page.getByRole('table', { name: /Tabel I/ })).toContainText('0,280');
    await shoot(page, 'registry-nl');
  }
});
