/**
 * The screenshot walk: the bedside journey of bedside-journey.spec.ts, one picture of every
 * screen at both tablet orientations (1024x768, 768x1024, full page), the printed session
 * record as PDF, and a plain report of layout problems found by measuring the page: controls
 * smaller than 48 px, text wider than the screen. Run with `node scripts/screenshots.mjs`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { TEST_PIN, unlockAs } from '../support/unlock.ts';
import { accessibilityViolations } from '../support/accessibility.ts';
import { chooseDarkTheme, chooseLanguage } from '../support/display.ts';
import {
  ANESTHESIOLOGIST,
  choosePlanProducts,
  dischargeChecks,
  doubleCheck,
  enterBaseline,
  enterWeight,
  NURSE,
  recordAs,
  recordNausea,
  registerPatient,
  SECOND_NURSE,
  signOff,
  stopInfusion,
  tickPreChecks,
  timePasses,
  typeObservation,
} from '../support/journey.ts';

const DIR = resolve(import.meta.dirname, '../../../screenshots/bedside');
const SIZES = [
  { width: 1024, height: 768 },
  { width: 768, height: 1024 },
] as const;
const PROPOLIPID_1 = 'Propolipid 1 % (10 mg/mL)';
const report: string[] = [];

/** Interactive things smaller than 48 px, and anything wider than the screen. */
async function measure(page: Page, name: string, size: string) {
  const problems = await page.evaluate(() => {
    const out: string[] = [];
    const visible = (el: Element) => {
      const r = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      return r.width > 0 && r.height > 0 && style.visibility !== 'hidden';
    };
    const describe = (el: Element) => {
      const text = (el.getAttribute('aria-label') ?? (el as HTMLElement).innerText ?? '')
        .replace(/\s+/g, ' ')
        .trim()
        .slice(0, 50);
      const cls =
        typeof el.className === 'string' && el.className ? `.${el.className.split(' ')[0]}` : '';
      return `${el.tagName.toLowerCase()}${cls} "${text}"`;
    };
    const targets = document.querySelectorAll(
      'button, a[href], select, input, textarea, label.choice',
    );
    for (const el of targets) {
      if (!visible(el) || el.closest('[inert]')) continue;
      // A check box or radio inside a label: the label is what a finger taps.
      const target = el.matches('input') ? (el.closest('label') ?? el) : el;
      const r = target.getBoundingClientRect();
      // Links inside running text are not touch targets of their own.
      if (el.tagName === 'A' && el.closest('p, li, td, dd')) continue;
      if (r.height < 47.5 || r.width < 47.5)
        out.push(`small target ${Math.round(r.width)}x${Math.round(r.height)}: ${describe(el)}`);
    }
    const width = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth > width)
      out.push(`page scrolls sideways: ${document.documentElement.scrollWidth} > ${width}`);
    // Only the outermost element that sticks out (its parent fits).
    for (const el of document.querySelectorAll('main *, header *, [role=dialog] *')) {
      const r = el.getBoundingClientRect();
      const parent = el.parentElement?.getBoundingClientRect();
      if (!visible(el) || el.closest('[inert]') || r.right <= width + 1) continue;
      if (parent && parent.right > width + 1) continue;
      out.push(`sticks out on the right (${Math.round(r.right)} > ${width}): ${describe(el)}`);
    }
    return [...new Set(out)].slice(0, 30);
  });
  for (const p of problems) report.push(`${name} ${size}: ${p}`);
}

async function shoot(page: Page, name: string) {
  for (const size of SIZES) {
    await page.setViewportSize(size);
    // From the top, so the sticky header is where a nurse sees it.
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.waitForTimeout(200);
    const label = `${size.width}x${size.height}`;
    await measure(page, name, label);
    for (const v of await accessibilityViolations(page)) report.push(`${name} ${label}: ${v}`);
    await page.screenshot({ path: `${DIR}/${name}-${label}.png`, fullPage: true });
  }
}

/** Runs `then` with the app in Dutch, and switches back to English afterwards. */
async function inDutch(page: Page, then: () => Promise<void>) {
  await chooseLanguage(page, 'nl-BE');
  await then();
  await chooseLanguage(page, 'en');
}

test.beforeAll(() => mkdirSync(DIR, { recursive: true }));
test.afterAll(() => {
  writeFileSync(`${DIR}/report.txt`, report.length ? `${report.join('\n')}\n` : 'No problems.\n');
});

test('every bedside screen at both tablet orientations', async ({ page }) => {
  await page.clock.install({ time: new Date('2026-03-02T08:30:00+01:00') });
  await page.setViewportSize(SIZES[0]);
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Staff on this tablet' })).toBeVisible();
  await shoot(page, '01-staff-fresh-tablet');
  await page.getByLabel('Name', { exact: true }).fill(NURSE.name);
  await page.getByLabel('Staff id (center code)').fill(NURSE.id);
  await page.getByRole('radio', { name: 'Nurse', exact: true }).check();
  await page.getByRole('button', { name: 'Add staff member' }).click();
  const lock = page.getByRole('dialog', { name: 'Tablet locked' });
  await expect(lock.getByRole('region', { name: 'Who is using the tablet?' })).toBeVisible();
  await shoot(page, '02-lock-who');
  await lock.getByRole('button', { name: NURSE.name }).click();
  await lock.getByLabel('New PIN', { exact: true }).fill(TEST_PIN);
  await shoot(page, '02b-lock-choose-pin');
  await lock.getByRole('button', { name: 'Next' }).click();
  await lock.getByLabel('New PIN again').fill(TEST_PIN);
  await lock.getByRole('button', { name: 'Save PIN and unlock' }).click();
  await expect(lock).toHaveCount(0);
  for (const person of [SECOND_NURSE, ANESTHESIOLOGIST]) {
    await page.getByLabel('Name', { exact: true }).fill(person.name);
    await page.getByLabel('Staff id (center code)').fill(person.id);
    await page.getByRole('radio', { name: person.role, exact: true }).check();
    await page.getByRole('button', { name: 'Add staff member' }).click();
    await expect(page.getByRole('region', { name: 'Staff', exact: true })).toContainText(
      person.name,
    );
  }
  for (const person of [SECOND_NURSE, ANESTHESIOLOGIST, NURSE]) await recordAs(page, person);
  await shoot(page, '03-staff-list');
  await page.getByRole('link', { name: 'Patients' }).click();
  await shoot(page, '04-patients-empty');
  await registerPatient(page, 'KIT-0001');
  await shoot(page, '06-patient-before-session-1');
  await page.getByRole('button', { name: 'Start session 1' }).click();
  await expect(page.getByRole('heading', { name: 'Pre-checks', level: 1 })).toBeVisible();
  await shoot(page, '07-pre-checks-empty');
  await tickPreChecks(page);
  await enterWeight(page, '70');
  await enterBaseline(page, { sbp: '130', dbp: '80', hr: '72', spo2: '98', rr: '14' });
  await shoot(page, '08-pre-checks-done');
  await page.getByRole('button', { name: 'Continue to dose plan' }).click();
  await choosePlanProducts(page, PROPOLIPID_1);
  await shoot(page, '09-dose-plan-composer');
  await page.getByRole('button', { name: 'Save dose plan' }).click();
  await expect(page.getByRole('heading', { name: /^Dose plan made at/ })).toBeVisible();
  await shoot(page, '10-dose-plan-saved');
  const check = await doubleCheck(page, {
    ketamine: '12,5',
    propofol: '7',
    propofolProduct: PROPOLIPID_1,
  });
  await shoot(page, '11-double-check-blind');
  await check.getByRole('button', { name: 'Compare with the plan' }).click();
  await recordAs(page, NURSE);
  await page.getByRole('radio', { name: 'Anna Anesthesia' }).check();
  await shoot(page, '12-sign-off-pin');
  await signOff(page);
  await shoot(page, '13-dose-plan-signed');
  await page.getByRole('button', { name: 'Ready to start the infusion' }).click();
  await shoot(page, '14-infusion-ready');
  await page.getByRole('button', { name: 'Start infusion' }).click();
  await timePasses(page, '16:00');
  await shoot(page, '15-infusion-overdue');
  let form = await typeObservation(
    page,
    { sbp: '128', dbp: '78', hr: '70', spo2: '97', rr: '14' },
    '0 Alert and calm',
  );
  await form.getByRole('button', { name: 'Save vitals' }).click();
  await timePasses(page, '09:00');
  const panel = page.getByRole('region', { name: 'Side effects', exact: true });
  await panel.getByRole('button', { name: 'Side effect', exact: true }).click();
  await shoot(page, '16-side-effect-catalog');
  await panel.getByRole('button', { name: 'Cancel' }).click();
  await recordNausea(page);
  await timePasses(page, '05:00');
  form = await typeObservation(
    page,
    { sbp: '185', dbp: '82', hr: '76', spo2: '97,5', rr: '15' },
    '-1 Drowsy',
  );
  await form.getByRole('button', { name: 'Save vitals' }).click();
  await shoot(page, '17-infusion-refused-value');
  await form.getByRole('textbox', { name: 'SpO2 (%)' }).fill('91');
  await form.getByRole('button', { name: 'Save vitals' }).click();
  await expect(page.getByRole('region', { name: 'Last observation' })).toBeVisible();
  await shoot(page, '18-infusion-running-alerts');
  await inDutch(page, () => shoot(page, '18b-infusion-running-alerts-dutch'));
  await page
    .getByRole('region', { name: 'Pump events' })
    .getByRole('button', { name: 'Pause' })
    .click();
  await shoot(page, '19-infusion-pause-form');
  await page
    .getByRole('region', { name: 'Pump events' })
    .getByRole('button', { name: 'Cancel' })
    .click();
  await page.clock.fastForward('06:00');
  await expect(page.getByRole('dialog', { name: 'Tablet locked' })).toBeVisible();
  await shoot(page, '20-lock-after-idle');
  await unlockAs(page, NURSE.name);
  await chooseDarkTheme(page, false);
  await shoot(page, '21-infusion-light-theme');
  await chooseDarkTheme(page, true);
  await timePasses(page, '03:25:00');
  await stopInfusion(page);
  await timePasses(page, '30:00');
  await shoot(page, '22-discharge-needs-vitals');
  await page.getByRole('button', { name: 'Take a new set of vitals' }).click();
  await shoot(page, '23-infusion-stopped-recovery');
  form = await typeObservation(
    page,
    { sbp: '126', dbp: '79', hr: '68', spo2: '98', rr: '14' },
    '0 Alert and calm',
  );
  await form.getByRole('button', { name: 'Save vitals' }).click();
  await page
    .getByRole('navigation', { name: 'Session steps' })
    .getByRole('link', { name: 'Discharge' })
    .click();
  await shoot(page, '24-discharge-open');
  await inDutch(page, () => shoot(page, '24b-discharge-open-dutch'));
  await dischargeChecks(page);
  await shoot(page, '25-discharge-ready');
  await page.getByRole('button', { name: 'Discharge patient' }).click();
  await expect(page.getByRole('heading', { name: 'Session record' })).toBeVisible();
  await shoot(page, '26-session-record');

  // The printed record: one A4 page.
  await page.emulateMedia({ media: 'print' });
  await page.setViewportSize({ width: 794, height: 1123 });
  await page.screenshot({ path: `${DIR}/27-session-record-print.png`, fullPage: true });
  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  writeFileSync(`${DIR}/27-session-record-print.pdf`, pdf);
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
  report.push(`print: the session record prints on ${pages} A4 page(s)`);
  expect(pages).toBe(1);
  await page.emulateMedia({ media: 'screen' });

  // Session 2, 28 days later.
  await page.clock.setSystemTime(new Date('2026-03-30T08:30:00+02:00'));
  await page.getByRole('link', { name: '← Back to patient' }).click();
  await shoot(page, '28-patient-before-session-2');
  await page.getByRole('button', { name: 'Start session 2' }).click();
  await tickPreChecks(page);
  await enterWeight(page, '72,5');
  await enterBaseline(page, { sbp: '124', dbp: '76', hr: '70', spo2: '99' });
  await page.getByRole('button', { name: 'Continue to dose plan' }).click();
  await choosePlanProducts(page, PROPOLIPID_1);
  await shoot(page, '29-dose-plan-session-2');
  await page.getByRole('button', { name: 'Save dose plan' }).click();
  const check2 = await doubleCheck(page, {
    ketamine: '12,5',
    propofol: '7,3',
    propofolProduct: PROPOLIPID_1,
  });
  await check2.getByRole('button', { name: 'Compare with the plan' }).click();
  await signOff(page);
  await page.getByRole('button', { name: 'Ready to start the infusion' }).click();
  await page.getByRole('button', { name: 'Start infusion' }).click();
  await timePasses(page, '04:00:00');
  await stopInfusion(page);
  await timePasses(page, '30:00');
  await page
    .getByRole('navigation', { name: 'Session steps' })
    .getByRole('link', { name: 'Infusion' })
    .click();
  form = await typeObservation(
    page,
    { sbp: '120', dbp: '74', hr: '66', spo2: '98' },
    '0 Alert and calm',
  );
  await form.getByRole('button', { name: 'Save vitals' }).click();
  await page
    .getByRole('navigation', { name: 'Session steps' })
    .getByRole('link', { name: 'Discharge' })
    .click();
  await dischargeChecks(page);
  await page.getByRole('button', { name: 'Discharge patient' }).click();
  await expect(page.getByRole('heading', { name: 'Outcome questions' })).toBeVisible();
  await page.getByRole('textbox', { name: 'Pain improvement (%)' }).fill('60');
  await page.getByRole('radio', { name: 'Continue therapy' }).check();
  await shoot(page, '30-outcome');
  await page.getByRole('button', { name: 'Save the answer' }).click();
  await expect(page.getByRole('heading', { name: 'Session record' })).toBeVisible();
  await page.getByRole('link', { name: '← Back to patient' }).click();
  await shoot(page, '31-patient-after-session-2');
  await page.getByRole('link', { name: 'Patients' }).click();
  await shoot(page, '05-patients-list');
  await chooseLanguage(page, 'nl-BE');
  await page.getByRole('button', { name: 'Patiënt KIT-0001 openen' }).click();
  await shoot(page, '32-patient-dutch');
});
