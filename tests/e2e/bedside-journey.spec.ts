/**
 * The bedside journey of issue 3 in real Chromium at tablet size: a fresh tablet, its staff, a
 * patient, session 1 (75 mg test dose) from pre-checks to the session record with a reload in
 * the middle of the infusion and after discharge, then session 2 (150 mg) 28 days later with
 * its outcome answer. Time is the browser's clock (the app reads Date through its bedside
 * clock), driven by page.clock; the tablet is in Brussels.
 *
 * Expected numbers, worked by hand from protocol.md section 3 (not read from the app):
 * - session 1, 70 kg: ketamine 75 mg / 4 h = 18.75 mg/h; 75 mg / 50 mg/mL = 1.5 mL of stock;
 *   75 mg / 50 mL = 1.5 mg/mL; pump 50 mL / 4 h = 12.5 mL/h. Propofol 1 mg/kg/h x 70 kg =
 *   70 mg/h / 10 mg/mL = 7.0 mL/h; 70 x 4 = 280 mg = 28 mL.
 * - session 2, 72,5 kg: ketamine 150 mg / 4 h = 37.5 mg/h; 3 mL of stock; 3 mg/mL; pump
 *   12.5 mL/h. Propofol 72.5 mg/h / 10 mg/mL = 7.25 mL/h, entered as 7.3 mL/h (0.1 mL/h,
 *   half away from zero); 290 mg = 29 mL.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { expectAccessible } from './support/accessibility.ts';
import { chooseLanguage } from './support/display.ts';
import {
  choosePlanProducts,
  dischargeChecks,
  doubleCheck,
  enterBaseline,
  enterWeight,
  NURSE,
  observationRows,
  recordNausea,
  registerPatient,
  saved,
  setUpStaff,
  timePasses,
  signOff,
  stopInfusion,
  tickPreChecks,
  typeObservation,
  vitalsForm,
} from './support/journey.ts';

test.use({
  timezoneId: 'Europe/Brussels',
  locale: 'en-GB',
  viewport: { width: 768, height: 1024 },
});

const PROPOLIPID_1 = 'Propolipid 1 % (10 mg/mL)';
const SESSION_1_START = new Date('2026-03-02T08:30:00+01:00');
// 28 days later, after the switch to summer time (29 March 2026).
const SESSION_2_START = new Date('2026-03-30T08:30:00+02:00');

const steps = (page: Page) => page.getByRole('navigation', { name: 'Session steps' });

const stepUrl = (step: string) => new RegExp(`#/patients/[^/]+/sessions/[^/]+/${step}$`);

async function openDosePlanFromPreChecks(page: Page) {
  const missing = page.getByRole('region', { name: 'All pre-checks are done.' });
  await expect(missing).toBeVisible();
  await missing.getByRole('button', { name: 'Continue to dose plan' }).click();
  await expect(page).toHaveURL(stepUrl('dose-plan'));
}

test('a nurse runs session 1 and session 2 of one patient, losing nothing', async ({ page }) => {
  test.setTimeout(240_000);
  await page.clock.install({ time: SESSION_1_START });
  await page.goto('/');

  // A fresh tablet: staff first.
  await expect(page.getByRole('heading', { name: 'Staff on this tablet' })).toBeVisible();
  await expectAccessible(page, 'the staff screen of a fresh tablet');
  await setUpStaff(page);
  await expect(page.getByRole('banner')).toContainText(`Recording as ${NURSE.name}`);

  // Register the patient; session 1 is the 75 mg test dose.
  await registerPatient(page, 'KIT-0001');
  const next = page.getByRole('region', { name: 'Next session' });
  await expect(next.getByRole('status', { name: 'Expected dose for session 1' })).toContainText(
    'Expected dose for session 1: 75 mg (test dose)',
  );
  await next.getByRole('button', { name: 'Start session 1' }).click();

  // ── Session 1: pre-checks ──
  await expect(page).toHaveURL(stepUrl('pre-checks'));
  await expect(page.getByRole('heading', { name: 'Pre-checks', level: 1 })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Continue to dose plan' })).toBeDisabled();
  await expectAccessible(page, 'the pre-checks');
  await tickPreChecks(page);
  await enterWeight(page, '70');
  await expect(page.getByRole('region', { name: 'Today’s weight' })).toContainText(
    'Recorded: 70 kg at 08:30',
  );
  await enterBaseline(page, { sbp: '130', dbp: '80', hr: '72', spo2: '98', rr: '14' });
  await expect(page.getByRole('region', { name: 'Baseline vitals' })).toContainText(
    'BP 130/80 mmHg · HR 72/min · SpO2 98 % · RR 14/min',
  );
  await openDosePlanFromPreChecks(page);

  // ── Dose plan: 75 mg with the calculation shown ──
  await expect(page.getByRole('region', { name: 'Protocol dose for session 1' })).toContainText(
    '75 mg',
  );
  await expect(
    page.getByRole('radio', { name: '75 mg: expected for session 1', exact: true }),
  ).toBeChecked();
  await choosePlanProducts(page, PROPOLIPID_1);
  await expectPumps(page, { ketamine: '12.5 mL/h', propofol: '7.0 mL/h' });
  const calc = page.getByRole('list', { name: 'Calculation, step by step' });
  await expect(calc).toContainText('Ketamine rate: 75 mg ÷ 4 h = 18.75 mg/h');
  await expect(calc).toContainText(
    'Ketamine to draw up (Ketalar 50 mg/mL): 75 mg ÷ 50 mg/mL = 1.5 mL',
  );
  await expect(calc).toContainText(
    'Prepared ketamine concentration: 75 mg ÷ 50 mL final volume = 1.5 mg/mL',
  );
  await expect(calc).toContainText('Ketamine pump rate: 50 mL ÷ 4 h = 12.5 mL/h');
  await expect(calc).toContainText('Propofol rate: 1 mg/kg/h × 70 kg = 70 mg/h');
  await expect(calc).toContainText('Propofol total: 70 mg/h × 4 h = 280 mg');
  await expect(calc).toContainText('Propofol total volume: 7 mL/h × 4 h = 28 mL');
  await page.getByRole('button', { name: 'Save dose plan' }).click();
  await expect(
    page.getByRole('heading', { name: /^Dose plan made at 08:30 by Nora Nurse$/ }),
  ).toBeVisible();
  await expect(page.getByRole('button', { name: 'Ready to start the infusion' })).toBeDisabled();
  await expectAccessible(page, 'the saved dose plan');

  // Blind double check by the second nurse: the plan's rates are not on screen meanwhile.
  const check = await doubleCheck(page, {
    ketamine: '12,5',
    propofol: '7',
    propofolProduct: PROPOLIPID_1,
  });
  await expect(page.getByText('12.5 mL/h')).toHaveCount(0);
  await expect(page.getByRole('article', { name: 'Ketamine pump' })).toHaveCount(0);
  await expect(check.getByRole('definition')).toContainText([
    '1',
    '75 mg',
    '70 kg',
    '50 mL',
    '1 mg/kg/h',
  ]);
  await check.getByRole('button', { name: 'Compare with the plan' }).click();
  await expect(
    page.getByRole('region', { name: 'Independent double check' }).getByRole('status'),
  ).toContainText('Independent double check matches (checked by Sam Second at 08:30)');
  await signOff(page);
  await expect(page.getByRole('region', { name: 'Anesthesiologist sign-off' })).toContainText(
    'ketamine 75 mg (Ketalar 50 mg/mL) diluted to 50 mL = 1.5 mg/mL, pump 12.5 mL/h over 4 h; propofol 1 mg/kg/h × 70 kg = 70 mg/h (Propolipid 1 % (10 mg/mL)), pump 7.0 mL/h.',
  );
  await expectAccessible(page, 'the signed dose plan');
  await page.getByRole('button', { name: 'Ready to start the infusion' }).click();

  // ── Infusion ──
  await expect(page).toHaveURL(stepUrl('infusion'));
  const events = page.getByRole('region', { name: 'Pump events' });
  await expect(events).toContainText('Set the pumps to:');
  await events.getByRole('button', { name: 'Start infusion' }).click();
  const clock = page.getByRole('region', { name: 'Infusion clock' });
  await expect(clock).toContainText('Running');
  await expect(clock.getByRole('definition').filter({ hasText: '12.5 mL/h' })).toContainText(
    '(18.75 mg/h)',
  );
  await expect(clock.getByRole('definition').filter({ hasText: '7.0 mL/h' })).toContainText(
    '(70 mg/h)',
  );

  // First observation at 15 min.
  await timePasses(page, '15:00');
  await expect(page.getByRole('region', { name: 'Observations' }).getByRole('alert')).toContainText(
    'Observation OVERDUE',
  );
  await expectAccessible(page, 'the running infusion with an overdue observation');
  let form = await typeObservation(
    page,
    { sbp: '128', dbp: '78', hr: '70', spo2: '97', rr: '14' },
    '0 Alert and calm',
  );
  await form.getByRole('button', { name: 'Save vitals' }).click();
  await expect(observationRows(page)).toHaveCount(2);
  await expect(observationRows(page).nth(1).getByRole('cell')).toHaveText([
    '08:45',
    '128/78',
    '70',
    '97',
    '14',
    '0',
    /Normal/,
  ]);

  // Nausea at 25 min, ondansetron 4 mg IV on the anesthesiologist's order.
  await timePasses(page, '10:00');
  await recordNausea(page);
  const drugs = page.getByRole('table', { name: 'Extra drugs this session' });
  await expect(drugs.getByRole('row').nth(1).getByRole('cell')).toHaveText([
    '08:55',
    'Ondansetron',
    '4 mg IV',
    'Anna Anesthesia',
    'Nora Nurse',
  ]);

  // Second observation at 30 min: the SpO2 typed with a decimal comma is refused (monitors show
  // whole %), nothing is stored, and the corrected value is saved.
  await timePasses(page, '05:00');
  form = await typeObservation(
    page,
    { sbp: '135', dbp: '82', hr: '76', spo2: '97,5', rr: '15' },
    '-1 Drowsy',
  );
  await form.getByRole('button', { name: 'Save vitals' }).click();
  await expect(form.getByRole('alert')).toHaveText('SpO2 must be a whole number of %.');
  await expect(saved(form)).toHaveCount(0);
  await expect(observationRows(page)).toHaveCount(2);
  await form.getByRole('textbox', { name: 'SpO2 (%)' }).fill('96');
  await form.getByRole('button', { name: 'Save vitals' }).click();
  await expect(observationRows(page)).toHaveCount(3);
  await expect(observationRows(page).nth(1).getByRole('cell')).toHaveText([
    '09:00',
    '135/82',
    '76',
    '96',
    '15',
    '-1',
    /Normal/,
  ]);

  // Half-typed next observation, then the page reloads in the middle of the infusion.
  await timePasses(page, '05:00');
  await vitalsForm(page).getByRole('textbox', { name: 'Systolic (mmHg)' }).fill('131');
  await page.waitForTimeout(500); // the draft is saved ~300 ms after typing stops
  await page.reload();
  await expect(page).toHaveURL(stepUrl('infusion'));
  await expect(page.getByRole('banner')).toContainText(`Recording as ${NURSE.name}`);
  await expect(clock).toContainText('Running');
  await expect(clock.getByRole('timer', { name: 'Elapsed running time' })).toHaveText(
    /^0:35:\d\d$/,
  );
  await expect(clock.getByRole('definition').filter({ hasText: '08:30' })).toBeVisible();
  await expect(observationRows(page)).toHaveCount(3);
  await expect(vitalsForm(page).getByRole('textbox', { name: 'Systolic (mmHg)' })).toHaveValue(
    '131',
  );
  await expect(drugs.getByRole('row')).toHaveCount(2);
  const effects = page.getByRole('table', { name: 'Side effects this session' });
  await expect(effects.getByRole('row').nth(1).getByRole('cell')).toHaveText([
    '08:55',
    /^Nausea · Moderate\s*Ondansetron 4 mg IV\s*Drug: Ondansetron 4\smg IV · Decided by: Anna Anesthesia · The infusion was: Continued$/,
  ]);
  await vitalsForm(page).getByRole('textbox', { name: 'Systolic (mmHg)' }).fill('');

  // Stop at the planned end (4 h), observe 30 min, take recovery vitals.
  await timePasses(page, '03:25:00');
  await stopInfusion(page);
  await expect(page).toHaveURL(stepUrl('discharge'));
  const totals = page.getByRole('region', { name: 'Totals actually delivered' });
  await expectDelivered(totals, 'Ketamine', { mg: 75, ml: 50 });
  await expect(totals).toContainText('(planned 75 mg)');
  await expectDelivered(totals, 'Propofol', { mg: 280, ml: 28 });
  await timePasses(page, '30:00');
  // The discharge screen says the last vitals predate the stop, and leads to where they are taken.
  await expect(page.getByRole('list', { name: 'Not ready for discharge:' })).toContainText(
    'The last vitals were taken before the infusion ended.',
  );
  await expectAccessible(page, 'the discharge screen, not ready');
  await page.getByRole('button', { name: 'Take a new set of vitals' }).click();
  await expect(page).toHaveURL(stepUrl('infusion'));
  await expect(page.getByRole('heading', { name: 'Vitals and sedation (recovery)' })).toBeVisible();
  form = await typeObservation(
    page,
    { sbp: '126', dbp: '79', hr: '68', spo2: '98', rr: '14' },
    '0 Alert and calm',
  );
  await form.getByRole('button', { name: 'Save vitals' }).click();
  await expect(observationRows(page)).toHaveCount(4);
  await steps(page).getByRole('link', { name: 'Discharge' }).click();

  // ── Discharge ──
  await dischargeChecks(page);
  await expect(
    page
      .getByRole('region', { name: 'Next appointment' })
      .getByRole('textbox', { name: 'Next session on' }),
  ).toHaveValue('2026-03-30');
  await expect(page.getByRole('region', { name: 'Next appointment' })).toContainText(
    '28 days after today’s session.',
  );
  await page.getByRole('button', { name: 'Discharge patient' }).click();

  // ── Session record ──
  await expect(page).toHaveURL(stepUrl('record'));
  await expectSession1Record(page);
  await page.reload();
  await expect(page).toHaveURL(stepUrl('record'));
  await expectSession1Record(page);
  await expectAccessible(page, 'the session record');

  // ── 28 days later: session 2 at 150 mg ──
  await page.clock.setSystemTime(SESSION_2_START);
  await page.getByRole('link', { name: '← Back to patient' }).click();
  const sessions = page.getByRole('region', { name: 'Sessions' });
  await expect(sessions.getByRole('row').nth(1).getByRole('cell').nth(1)).toHaveText(
    '2 March 2026',
  );
  await expect(sessions.getByRole('row').nth(1).getByRole('cell').nth(2)).toHaveText('75 mg');
  await expect(sessions.getByRole('row').nth(1).getByRole('cell').nth(3)).toHaveText('Yes');
  await expectAccessible(page, 'the patient after session 1');
  await expect(next).toContainText(
    'Proposed date (suggestion): 30 March 2026 (as agreed at the last discharge)',
  );
  await expect(next.getByRole('status', { name: 'Expected dose for session 2' })).toContainText(
    'Expected dose for session 2: 150 mg (full dose)',
  );
  await next.getByRole('button', { name: 'Start session 2' }).click();
  await expect(page.getByText('Patient KIT-0001 · session 2', { exact: true })).toBeVisible();
  await tickPreChecks(page);
  await enterWeight(page, '72,5');
  await expect(page.getByRole('region', { name: 'Today’s weight' })).toContainText(
    'Recorded: 72.5 kg at 08:30',
  );
  await enterBaseline(page, { sbp: '124', dbp: '76', hr: '70', spo2: '99' });
  await openDosePlanFromPreChecks(page);
  await expect(page.getByRole('region', { name: 'Protocol dose for session 2' })).toContainText(
    '150 mg',
  );
  await expect(
    page.getByRole('radio', { name: '150 mg: expected for session 2', exact: true }),
  ).toBeChecked();
  await choosePlanProducts(page, PROPOLIPID_1);
  await expectPumps(page, { ketamine: '12.5 mL/h', propofol: '7.3 mL/h' });
  await expect(calc).toContainText('Ketamine rate: 150 mg ÷ 4 h = 37.5 mg/h');
  await expect(calc).toContainText(
    'Prepared ketamine concentration: 150 mg ÷ 50 mL final volume = 3 mg/mL',
  );
  await expect(calc).toContainText('Propofol rate: 1 mg/kg/h × 72.5 kg = 72.5 mg/h');
  await expect(calc).toContainText('= 7.25 mL/h');
  await page.getByRole('button', { name: 'Save dose plan' }).click();
  const check2 = await doubleCheck(page, {
    ketamine: '12,5',
    propofol: '7,3',
    propofolProduct: PROPOLIPID_1,
  });
  await check2.getByRole('button', { name: 'Compare with the plan' }).click();
  await expect(page.getByRole('region', { name: 'Independent double check' })).toContainText(
    'Independent double check matches',
  );
  await signOff(page);
  await page.getByRole('button', { name: 'Ready to start the infusion' }).click();
  await events.getByRole('button', { name: 'Start infusion' }).click();
  await expect(clock.getByRole('definition').filter({ hasText: '12.5 mL/h' })).toContainText(
    '(37.5 mg/h)',
  );
  await timePasses(page, '15:00');
  form = await typeObservation(
    page,
    { sbp: '122', dbp: '75', hr: '68', spo2: '98' },
    '0 Alert and calm',
  );
  await form.getByRole('button', { name: 'Save vitals' }).click();
  await expect(observationRows(page)).toHaveCount(2);
  await timePasses(page, '03:45:00');
  await stopInfusion(page);
  await expectDelivered(
    page.getByRole('region', { name: 'Totals actually delivered' }),
    'Ketamine',
    { mg: 150, ml: 50 },
  );
  await timePasses(page, '30:00');
  await steps(page).getByRole('link', { name: 'Infusion' }).click();
  form = await typeObservation(
    page,
    { sbp: '120', dbp: '74', hr: '66', spo2: '98' },
    '0 Alert and calm',
  );
  await form.getByRole('button', { name: 'Save vitals' }).click();
  await expect(observationRows(page)).toHaveCount(3);
  await steps(page).getByRole('link', { name: 'Discharge' }).click();
  await dischargeChecks(page);
  await expect(page.getByRole('textbox', { name: 'Next session on' })).toHaveValue('2026-04-27');
  await page.getByRole('button', { name: 'Discharge patient' }).click();

  // ── Outcome (session 2 on) ──
  await expect(page).toHaveURL(stepUrl('outcome'));
  await page.getByRole('textbox', { name: 'Pain improvement (%)' }).fill('60');
  await page.getByRole('radio', { name: 'Continue therapy' }).check();
  await expect(
    page.getByRole('region', { name: 'Favorable outcome (registry definition)' }),
  ).toContainText('Favorable under the registry definition.');
  await page.getByRole('button', { name: 'Save the answer' }).click();

  // ── Session 2 record, and the answer still there after a reload ──
  await expect(page).toHaveURL(stepUrl('record'));
  const timeline = page.getByRole('list', { name: 'Timeline' });
  await expect(timeline).toContainText('Ketamine 150 mg over 4 h = 37.5 mg/h');
  await expect(timeline).toContainText('72.5 kg');
  await expect(timeline).toContainText('pump 7.3 mL/h');
  await expect(timeline.getByRole('listitem', { name: 'Outcome 13:00' })).toContainText(
    'Pain improvement 60 % · continue',
  );
  await page.reload();
  await steps(page).getByRole('link', { name: 'Outcome' }).click();
  const answer = page.getByRole('region', { name: 'Answer recorded' });
  await expect(answer).toContainText(/Pain improvement\s*60 %/);
  await expect(answer).toContainText(/Decision\s*Continue therapy/);
});

/**
 * Delivered totals come from the stored start and stop times; the test's own steps take a few
 * real seconds on top of the 4 h, so they are compared within 0.5 %.
 */
async function expectDelivered(totals: Locator, drug: string, planned: { mg: number; ml: number }) {
  const term = totals.getByRole('term').filter({ hasText: `${drug} delivered` });
  await expect(term).toBeVisible();
  const text = (await term.locator('xpath=following-sibling::dd[1]').textContent()) ?? '';
  const match = /^([\d.]+)\s+mg · ([\d.]+)\s+mL/.exec(text);
  expect(match, `${drug} delivered: "${text}"`).not.toBeNull();
  expect(Math.abs(Number(match?.[1]) - planned.mg) / planned.mg).toBeLessThan(0.005);
  expect(Math.abs(Number(match?.[2]) - planned.ml) / planned.ml).toBeLessThan(0.005);
}

async function expectPumps(page: Page, rates: { ketamine: string; propofol: string }) {
  await expect(page.getByRole('article', { name: 'Ketamine pump' })).toContainText(rates.ketamine);
  await expect(page.getByRole('article', { name: 'Propofol pump' })).toContainText(rates.propofol);
}

async function expectSession1Record(page: Page) {
  const record = page.getByRole('region', { name: 'Session record' });
  await expect(record.getByRole('definition').first()).toHaveText('KIT-0001');
  await expect(record).toContainText(/Date\s*2 March 2026/);
  const timeline = record.getByRole('list', { name: 'Timeline' });
  const entry = (label: string) => timeline.getByRole('listitem', { name: label });
  await expect(entry('Weight 08:30')).toContainText('70 kg, weighed at 08:30');
  await expect(entry('Baseline vitals 08:30')).toContainText(
    'BP 130/80 mmHg · HR 72 /min · SpO2 98 % · RR 14 /min',
  );
  await expect(entry('Dose plan 08:30')).toContainText('Ketamine 75 mg over 4 h = 18.75 mg/h');
  await expect(entry('Dose plan 08:30')).toContainText('pump 12.5 mL/h');
  await expect(entry('Dose plan 08:30')).toContainText('pump 7.0 mL/h');
  await expect(entry('Double check 08:30')).toContainText('Checked by Sam Second');
  await expect(entry('Double check 08:30')).toContainText('matches the plan');
  await expect(entry('Sign-off 08:30')).toContainText('Signed by Anna Anesthesia');
  await expect(entry('Observation 08:45')).toContainText('BP 128/78 mmHg · HR 70 /min · SpO2 97 %');
  await expect(entry('Observation 09:00')).toContainText('BP 135/82 mmHg · HR 76 /min · SpO2 96 %');
  await expect(timeline).toContainText('Nausea');
  await expect(timeline).toContainText('Ondansetron');
  await expect(timeline).toContainText('4 mg');
  await expect(entry('Infusion 12:30')).toContainText('Stopped');
  await expect(
    timeline.getByRole('listitem').filter({ hasText: /^\s*13:00\s*Discharge/ }),
  ).toContainText(/Aldrete 10\/10 .*well tolerated: yes .*Next appointment 30 March 2026/);
}

test('the first screens in Dutch: Dutch labels, decimal comma accepted', async ({ page }) => {
  test.setTimeout(120_000);
  await page.clock.install({ time: SESSION_1_START });
  await page.goto('/');
  await chooseLanguage(page, 'nl-BE');
  await expect(page.locator('html')).toHaveAttribute('lang', 'nl-BE');

  // Staff, and the lock screen of the first person, in Dutch.
  await expect(page.getByRole('heading', { name: 'Personeel op deze tablet' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Taal en thema' })).toBeVisible();
  await page.getByLabel('Naam', { exact: true }).fill(NURSE.name);
  await page.getByLabel('Personeelscode (centrum)').fill(NURSE.id);
  await page.getByRole('radio', { name: 'Verpleegkundige', exact: true }).check();
  await page.getByRole('button', { name: 'Personeelslid toevoegen' }).click();
  const lock = page.getByRole('dialog', { name: 'Tablet vergrendeld' });
  await lock
    .getByRole('region', { name: 'Wie gebruikt de tablet?' })
    .getByRole('button', { name: NURSE.name })
    .click();
  await lock.getByLabel('Nieuwe pincode', { exact: true }).fill('2580');
  await lock.getByRole('button', { name: 'Volgende' }).click();
  await lock.getByLabel('Nieuwe pincode opnieuw').fill('2580');
  await lock.getByRole('button', { name: 'Pincode bewaren en ontgrendelen' }).click();
  await expect(lock).toHaveCount(0);
  await expect(page.getByRole('banner')).toContainText(`Registreert als ${NURSE.name}`);

  // Registration in Dutch.
  await page.getByRole('link', { name: 'Patiënten' }).click();
  await page.getByRole('button', { name: 'Patiënt registreren' }).click();
  await expect(page.getByRole('heading', { name: 'Patiënt registreren', level: 1 })).toBeVisible();
  await page.getByLabel('Patiëntnummer centrum').fill('KIT-0002');
  await page.getByRole('radio', { name: 'Vrouw' }).check();
  await page.getByRole('radio', { name: 'Volledige geboortedatum gekend' }).check();
  await page.getByLabel('Geboortedatum', { exact: true }).fill('1981-11-02');
  await page.getByRole('combobox', { name: 'Arts 1' }).selectOption(NURSE.id);
  await dutch(page, 'Pijntype volgens Arts 1', 'Nociplastisch');
  // A physician who is not on this tablet's staff list: typed by their center staff id.
  await page.getByRole('combobox', { name: 'Arts 2' }).selectOption({
    label: 'Iemand anders (typ de personeelscode)',
  });
  await page.getByLabel('Personeelscode van Arts 2').fill('dr.pain');
  await dutch(page, 'Pijntype volgens Arts 2', 'Nociplastisch');
  await expect(page.getByText('De artsen zijn het eens: Nociplastisch.')).toBeVisible();
  await page.getByRole('textbox', { name: 'Pijnscore bij aanvang (NRS 0-10) (punten)' }).fill('7');
  for (const [question, answer] of DUTCH_SCREENING) await dutch(page, question, answer);
  await expect(page.getByRole('status').filter({ hasText: 'Geschikt voor KIT.' })).toBeVisible();
  await page.getByRole('button', { name: 'Patiënt registreren en behandeling starten' }).click();
  await expect(page.getByRole('heading', { name: 'Patiënt KIT-0002', level: 1 })).toBeVisible();
  await expect(page.getByRole('status', { name: 'Verwachte dosis voor sessie 1' })).toContainText(
    '75 mg (testdosis)',
  );
  await page.getByRole('button', { name: 'Sessie 1 starten' }).click();

  // Pre-checks: Dutch labels, weight typed with a decimal comma and shown with one.
  await expect(page.getByRole('heading', { name: 'Voorafgaande controles' })).toBeVisible();
  for (const item of DUTCH_CHECKLIST) {
    const box = page.getByRole('checkbox', { name: item, exact: true });
    await box.click();
    await expect(box).toBeChecked();
  }
  const weight = page.getByRole('region', { name: 'Gewicht van vandaag' });
  await weight.getByRole('textbox', { name: 'Gewicht vandaag gemeten (kg)' }).fill('72,5');
  await weight.getByRole('button', { name: 'Gewicht bewaren' }).click();
  await expect(weight).toContainText('Geregistreerd: 72,5 kg om 08:30');
  const baseline = page.getByRole('region', { name: 'Basiswaarden vitale parameters' });
  await baseline.getByRole('textbox', { name: 'Systolische bloeddruk (mmHg)' }).fill('125');
  await baseline.getByRole('textbox', { name: 'Diastolische bloeddruk (mmHg)' }).fill('75');
  await baseline.getByRole('textbox', { name: 'Hartslag (/min)' }).fill('64');
  await baseline.getByRole('textbox', { name: 'SpO2 (%)' }).fill('99');
  await baseline.getByRole('button', { name: 'Basiswaarden bewaren' }).click();
  await expect(baseline).toContainText('BD 125/75 mmHg · HF 64/min · SpO2 99 %');
  await page.getByRole('button', { name: 'Verder naar het dosisplan' }).click();

  // Dose plan: Dutch, numbers with a decimal comma (72.5 mg/h / 10 mg/mL = 7.25 -> 7,3 mL/h).
  await expect(page.getByRole('heading', { name: 'Dosisplan', level: 1 })).toBeVisible();
  const composer = page.getByRole('region', { name: 'Dosisplan maken' });
  await expect(composer.getByRole('definition').first()).toHaveText('72,5 kg');
  await composer
    .getByRole('group', { name: 'Ketamineproduct (de flacon in de hand)' })
    .getByRole('radio', { name: 'Ketalar 50 mg/mL' })
    .check();
  await composer
    .getByRole('group', { name: 'Propofolproduct (de flacon in de hand)' })
    .getByRole('radio', { name: 'Propolipid 1 % (10 mg/mL)' })
    .check();
  await expect(page.getByRole('article', { name: 'Ketaminepomp' })).toContainText('12,5 mL/h');
  await expect(page.getByRole('article', { name: 'Propofolpomp' })).toContainText('7,3 mL/h');
  await expect(page.getByRole('list', { name: 'Berekening, stap voor stap' })).toContainText(
    '18,75 mg/h',
  );
});

const dutch = (page: Page, question: string, answer: string) =>
  page
    .getByRole('group', { name: question, exact: true })
    .getByRole('radio', { name: answer, exact: true })
    .check();

const DUTCH_SCREENING: readonly (readonly [string, 'Ja' | 'Nee'])[] = [
  ['Is de pijn oncologisch (kankergerelateerd)?', 'Nee'],
  ['Heeft een psycholoog de patiënt geëvalueerd?', 'Ja'],
  ['Vond de psycholoog overheersende gele, blauwe of zwarte vlaggen?', 'Nee'],
  ['Is er belangrijke psychiatrische comorbiditeit?', 'Nee'],
  ['Hebben eerstelijnsbehandelingen gefaald?', 'Ja'],
  ['Hebben tweedelijnsbehandelingen gefaald?', 'Ja'],
  ['Slecht gecontroleerde cardiovasculaire aandoening', 'Nee'],
  ['Zwangerschap', 'Nee'],
  ['Actieve psychose', 'Nee'],
  ['Ernstige leverziekte', 'Nee'],
  ['Verhoogde intracraniële of intraoculaire druk', 'Nee'],
  ['Actief middelenmisbruik', 'Nee'],
  ['Werd KIT in dit centrum gestart?', 'Ja'],
];

const DUTCH_CHECKLIST = [
  'Identiteit bevestigd',
  'Geschiktheid opnieuw bevestigd',
  'Contra-indicaties nagekeken',
  'Begeleiding geregeld',
  'Levertesten nagekeken',
  'Plasklachten bevraagd',
  'Aparte lijn',
  'Antirefluxklep geplaatst',
  'SpO2-monitoring aangesloten',
  'ECG aangesloten',
  'Niet-invasieve bloeddruk aangesloten',
  'Kamer verduisterd, weinig prikkels',
] as const;
