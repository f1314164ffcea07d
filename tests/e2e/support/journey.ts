/**
 * Steps of the bedside journey as a nurse does them, by role and label (English screens).
 * Shared by the journey spec and the screenshot walk. Every step waits for what the screen
 * shows once the entry is stored (controlled toggles only change after the IndexedDB commit),
 * so a step never races the next one. The lock screen and PINs: ./unlock.ts.
 */
import { expect, type Locator, type Page } from '@playwright/test';
import { firstRunSetup, lockScreen, TEST_PIN, unlockAs, type StaffToSetUp } from './unlock.ts';

export const NURSE = { name: 'Nora Nurse', id: 'nurse.nora', role: 'Nurse' } as const;
export const SECOND_NURSE = { name: 'Sam Second', id: 'nurse.sam', role: 'Nurse' } as const;
export const ANESTHESIOLOGIST = {
  name: 'Anna Anesthesia',
  id: 'dr.anna',
  role: 'Anesthesiologist',
} as const;

/** Ticks a toggle that is saved on tap, and waits until the stored state shows it ticked. */
export async function tick(box: Locator): Promise<void> {
  await box.click();
  await expect(box).toBeChecked();
}

export const saved = (scope: Page | Locator) =>
  scope.getByRole('status').filter({ hasText: 'Saved on this tablet' });

/**
 * A fresh tablet: the nurse adds themself (the tablet then locks and they choose their PIN),
 * then the second nurse and the anesthesiologist, who each choose their PIN (the
 * anesthesiologist needs it to sign); the nurse ends up recording. unlock.ts does it.
 */
export const setUpStaff = (page: Page) =>
  firstRunSetup(page, [NURSE, SECOND_NURSE, ANESTHESIOLOGIST]);

/** Hands the tablet to `person`: "Switch user / Lock", then they unlock with their PIN. */
export const recordAs = (page: Page, person: StaffToSetUp) => unlockAs(page, person.name);

/** The center default auto-lock (settings.ts DEFAULT_AUTO_LOCK_MIN), in ms. */
const AUTO_LOCK_MS = 5 * 60_000;

/** "mm:ss" or "hh:mm:ss" in ms. */
const durationMs = (d: string) =>
  d.split(':').reduce((total, part) => total * 60 + Number(part), 0) * 1000;

/**
 * Moves the tablet's clock on. Left alone that long, the tablet locks itself (auto-lock), so
 * the nurse unlocks it again with their PIN.
 */
export async function timePasses(page: Page, duration: string, who: StaffToSetUp = NURSE) {
  await page.clock.fastForward(duration);
  if (durationMs(duration) >= AUTO_LOCK_MS) {
    await expect(lockScreen(page)).toBeVisible();
    await unlockAs(page, who.name);
  }
}

const answer = (page: Page, question: string, choice: string) =>
  page
    .getByRole('group', { name: question, exact: true })
    .getByRole('radio', { name: choice, exact: true })
    .check();

/** Registers an eligible adult patient, both physicians agreeing on neuropathic pain. */
export async function registerPatient(page: Page, number: string): Promise<void> {
  await page.getByRole('link', { name: 'Patients' }).click();
  await page.getByRole('button', { name: 'Register a patient' }).click();
  await page.getByLabel('Center patient number').fill(number);
  await page.getByRole('radio', { name: 'Female' }).check();
  await page.getByRole('radio', { name: 'Full date of birth known' }).check();
  await page.getByLabel('Date of birth', { exact: true }).fill('1970-03-14');
  await page.getByRole('combobox', { name: 'Physician 1' }).selectOption(ANESTHESIOLOGIST.id);
  await answer(page, 'Pain type according to Physician 1', 'Neuropathic');
  await page.getByRole('combobox', { name: 'Physician 2' }).selectOption(SECOND_NURSE.id);
  await answer(page, 'Pain type according to Physician 2', 'Neuropathic');
  await page.getByRole('textbox', { name: 'Baseline pain score (NRS 0-10) (points)' }).fill('8');
  await answer(page, 'Is the pain oncologic (cancer-related)?', 'No');
  await answer(page, 'Has a psychologist evaluated the patient?', 'Yes');
  await answer(page, 'Did the psychologist find predominant yellow, blue or black flags?', 'No');
  await answer(page, 'Is there significant psychiatric comorbidity?', 'No');
  await answer(page, 'Did first-line treatments fail?', 'Yes');
  await answer(page, 'Did second-line treatments fail?', 'Yes');
  for (const c of [
    'Poorly controlled cardiovascular disease',
    'Pregnancy',
    'Active psychosis',
    'Severe liver disease',
    'Raised intracranial or intraocular pressure',
    'Active substance abuse',
  ]) {
    await answer(page, c, 'No');
  }
  await answer(page, 'Was KIT started at this center?', 'Yes');
  await expect(page.getByRole('status').filter({ hasText: 'Eligible for KIT.' })).toBeVisible();
  await page.getByRole('button', { name: 'Register patient and start course' }).click();
  await expect(page.getByRole('heading', { name: `Patient ${number}`, level: 1 })).toBeVisible();
}

export const PRE_INFUSION_ITEMS = [
  'Identity confirmed',
  'Eligibility re-confirmed',
  'Contraindications checked',
  'Escort arranged',
  'Liver tests checked',
  'Urinary symptoms asked',
  'Dedicated line',
  'Anti-reflux valve fitted',
  'SpO2 monitoring attached',
  'ECG attached',
  'Non-invasive blood pressure attached',
  'Room darkened, low stimulation',
] as const;

export type Vitals = {
  readonly sbp: string;
  readonly dbp: string;
  readonly hr: string;
  readonly spo2: string;
  readonly rr?: string;
};

export async function tickPreChecks(page: Page): Promise<void> {
  for (const item of PRE_INFUSION_ITEMS) {
    await tick(page.getByRole('checkbox', { name: item, exact: true }));
  }
}

export async function enterWeight(page: Page, kg: string): Promise<void> {
  const section = page.getByRole('region', { name: 'Today’s weight' });
  await section.getByRole('textbox', { name: 'Weight measured today (kg)' }).fill(kg);
  await section.getByRole('button', { name: 'Save weight' }).click();
  await expect(section.getByText(/^Recorded: /)).toBeVisible();
}

export async function enterBaseline(page: Page, v: Vitals): Promise<void> {
  const section = page.getByRole('region', { name: 'Baseline vitals' });
  await section.getByRole('textbox', { name: 'Systolic BP (mmHg)' }).fill(v.sbp);
  await section.getByRole('textbox', { name: 'Diastolic BP (mmHg)' }).fill(v.dbp);
  await section.getByRole('textbox', { name: 'Heart rate (/min)' }).fill(v.hr);
  await section.getByRole('textbox', { name: 'SpO2 (%)' }).fill(v.spo2);
  if (v.rr) {
    await section.getByRole('textbox', { name: 'Respiratory rate (optional) (/min)' }).fill(v.rr);
  }
  await section.getByRole('button', { name: 'Save baseline vitals' }).click();
  await expect(section.getByText(/^Recorded at /)).toBeVisible();
}

const group = (scope: Page | Locator, name: string) =>
  scope.getByRole('group', { name, exact: true });

/** Picks the products of the vials in hand in the plan composer (the calculation appears). */
export async function choosePlanProducts(page: Page, propofolProduct: string): Promise<void> {
  const composer = page.getByRole('region', { name: 'Make the dose plan' });
  await group(composer, 'Ketamine product (the vial in hand)')
    .getByRole('radio', { name: 'Ketalar 50 mg/mL' })
    .check();
  await group(composer, 'Propofol product (the vial in hand)')
    .getByRole('radio', { name: propofolProduct })
    .check();
}

/**
 * The independent double check: the second nurse takes the tablet ("Recording as"), sees only
 * the order, and types both pump rates as calculated by hand.
 */
export async function doubleCheck(
  page: Page,
  rates: { readonly ketamine: string; readonly propofol: string; readonly propofolProduct: string },
): Promise<Locator> {
  await recordAs(page, SECOND_NURSE);
  await page.getByRole('button', { name: 'Start the independent double check' }).click();
  const form = page.getByRole('form', { name: 'Independent double check (plan hidden)' });
  await expect(form.getByRole('combobox', { name: 'Checked by' })).toHaveValue(SECOND_NURSE.id);
  await group(form, 'Ketamine product (the vial in hand)')
    .getByRole('radio', { name: 'Ketalar 50 mg/mL' })
    .check();
  await form.getByRole('textbox', { name: 'Ketamine pump rate (mL/h)' }).fill(rates.ketamine);
  await group(form, 'Propofol product (the vial in hand)')
    .getByRole('radio', { name: rates.propofolProduct })
    .check();
  await form.getByRole('textbox', { name: 'Propofol pump rate (mL/h)' }).fill(rates.propofol);
  return form;
}

/** The nurse takes the tablet back; the anesthesiologist signs with their own PIN. */
export async function signOff(page: Page): Promise<void> {
  await recordAs(page, NURSE);
  const section = page.getByRole('region', { name: 'Anesthesiologist sign-off' });
  await group(section, 'Signed by').getByRole('radio', { name: ANESTHESIOLOGIST.name }).check();
  await section.getByLabel(`PIN of ${ANESTHESIOLOGIST.name}`).fill(TEST_PIN);
  await section.getByRole('button', { name: 'Sign off this dose plan' }).click();
  await expect(
    section.getByRole('status').filter({ hasText: `Signed off by ${ANESTHESIOLOGIST.name}` }),
  ).toBeVisible();
}

export const vitalsForm = (page: Page) => page.getByRole('form', { name: /^Vitals and sedation/ });

/** Types one observation into the infusion screen's vitals form (does not save). */
export async function typeObservation(page: Page, v: Vitals, rass: string): Promise<Locator> {
  const form = vitalsForm(page);
  await form.getByRole('textbox', { name: 'Systolic (mmHg)' }).fill(v.sbp);
  await form.getByRole('textbox', { name: 'Diastolic (mmHg)' }).fill(v.dbp);
  await form.getByRole('textbox', { name: 'Heart rate (/min)' }).fill(v.hr);
  await form.getByRole('textbox', { name: 'SpO2 (%)' }).fill(v.spo2);
  if (v.rr) await form.getByRole('textbox', { name: 'Respiratory rate (/min)' }).fill(v.rr);
  await form.getByRole('radio', { name: rass, exact: true }).check();
  return form;
}

export const observationRows = (page: Page) =>
  page.getByRole('table', { name: 'Observations this session' }).getByRole('row');

/** Nausea from the side-effect catalog, treated with ondansetron 4 mg IV on the anesthesiologist's order. */
export async function recordNausea(page: Page): Promise<void> {
  const panel = page.getByRole('region', { name: 'Side effects', exact: true });
  await panel.getByRole('button', { name: 'Side effect', exact: true }).click();
  await panel.getByRole('button', { name: 'Nausea', exact: true }).click();
  const form = panel.getByRole('form', { name: 'Nausea' });
  await expect(
    form.getByRole('region', { name: 'Suggestion — decided by the anesthesiologist' }),
  ).toContainText('Ondansetron 4 mg IV');
  await form.getByRole('button', { name: 'Use: Ondansetron 4 mg IV' }).click();
  await form.getByRole('radio', { name: /^Moderate/ }).check();
  await expect(group(form, 'Drug').getByRole('radio', { name: 'Ondansetron' })).toBeChecked();
  await form.getByRole('textbox', { name: 'Dose (mg)' }).fill('4');
  await form.getByRole('combobox', { name: 'Ordered by' }).selectOption(ANESTHESIOLOGIST.id);
  await form.getByRole('combobox', { name: 'Given by' }).selectOption(NURSE.id);
  await form.getByRole('combobox', { name: 'Decided by' }).selectOption(ANESTHESIOLOGIST.id);
  await form.getByRole('radio', { name: 'Continued' }).check();
  await form.getByRole('button', { name: 'Save side effect' }).click();
  await expect(
    panel.getByRole('status').filter({ hasText: 'Side effect saved on this tablet' }),
  ).toBeVisible();
}

/** Stops the infusion at (or after) its planned end: no reason needed. */
export async function stopInfusion(page: Page): Promise<void> {
  const events = page.getByRole('region', { name: 'Pump events' });
  await events.getByRole('button', { name: 'Stop infusion' }).click();
  await events.getByRole('button', { name: 'Yes, stop the infusion' }).click();
  await expect(page.getByRole('heading', { name: 'End of infusion and discharge' })).toBeVisible();
}

/** Scores a full modified Aldrete (10/10), escort and no-driving advice, tolerated = yes. */
export async function dischargeChecks(page: Page): Promise<void> {
  const aldrete = page.getByRole('region', { name: 'Modified Aldrete score' });
  for (const item of ['Activity', 'Respiration', 'Circulation', 'Consciousness']) {
    await group(aldrete, item).getByRole('radio', { name: /^2 — / }).check();
  }
  await group(aldrete, 'Is the patient on extra oxygen now?')
    .getByRole('radio', { name: 'No' })
    .check();
  await group(aldrete, 'Oxygen saturation').getByRole('radio', { name: /^2 — / }).check();
  await expect(aldrete).toContainText('Total 10 / 10');
  const home = page.getByRole('region', { name: 'Going home' });
  await tick(home.getByRole('checkbox', { name: /^Escort present/ }));
  await tick(home.getByRole('checkbox', { name: /^No-driving advice given/ }));
  const tolerated = group(page, 'Was this session well tolerated?').getByRole('radio', {
    name: 'Yes, well tolerated',
  });
  await tolerated.check();
  await expect(tolerated).toBeChecked();
}
