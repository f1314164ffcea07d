/**
 * The center's follow-up lists and a patient's history in the built app. Records are built in
 * Node with the record factory, dated relative to today, and put straight into the tablet's
 * IndexedDB (as a sync pull would store them), then the app is reloaded. Checks what the lists
 * and the history show, that the charts draw on a canvas, and saves screenshots in both
 * orientations to screenshots/ (git-ignored).
 */
import { mkdirSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { createRecordFactory, type RecordFactory } from '../../src/domain/records/builders.ts';
import type { ClinicalRecord, RecordOfKind } from '../../src/domain/records.ts';
import { expectAccessible } from './support/accessibility.ts';
import { firstRunSetup, isLocked, unlockAs } from './support/unlock.ts';

const DOCTOR = { name: 'Dr. Lies Maes', id: 'lies.maes', role: 'Anesthesiologist' } as const;
const SHOTS = 'screenshots';
const DAY = 86_400_000;
const today = new Date();
today.setUTCHours(9, 0, 0, 0);
const daysAgo = (n: number) => new Date(today.getTime() - n * DAY);
const iso = (d: Date) => d.toISOString();
const ymd = (d: Date) => d.toISOString().slice(0, 10);

/** A full session at `start` with observations every 15 min for 4 h and 30 min of recovery. */
function detailedSession(f: RecordFactory, course: RecordOfKind<'course'>, n: number, start: Date) {
  const t = (min: number) => iso(new Date(start.getTime() + min * 60_000));
  f.at(t(-40));
  const session = f.session(course, { sessionNumber: n });
  const weight = f.weight(session, { weightKg: 72 });
  const out: ClinicalRecord[] = [session, ...f.preChecks(session), weight];
  out.push(
    f.baselineVitals(session, { systolicMmHg: 128, diastolicMmHg: 78, heartRatePerMin: 70 }),
  );
  const plan = f.dosePlan(session, weight);
  out.push(plan, f.doubleCheck(plan), f.signOff(plan));
  f.at(t(0));
  out.push(f.infusionEvent(session, 'start'));
  for (let m = 15; m <= 240; m += 15) {
    f.at(t(m));
    const wave = Math.round(12 * Math.sin(m / 40));
    out.push(
      f.observation(session, {
        systolicMmHg: 136 + wave + (m === 90 ? 48 : 0),
        diastolicMmHg: 82 + Math.round(wave / 2),
        heartRatePerMin: 78 + Math.round(wave / 2),
        spo2Percent: m === 150 ? 92 : 97,
      }),
    );
    if (m === 90) out.push(f.sideEffect(session, { effect: 'hypertension', severity: 'moderate' }));
  }
  f.at(t(240));
  out.push(f.infusionEvent(session, 'stop'));
  for (const m of [255, 270]) {
    f.at(t(m));
    out.push(f.observation(session, { phase: 'recovery', systolicMmHg: 130, heartRatePerMin: 72 }));
  }
  f.at(t(280));
  out.push(
    f.checklistItem(session, 'no-driving-advice'),
    f.checklistItem(session, 'escort-present'),
    f.discharge(session, { nextAppointmentOn: ymd(new Date(start.getTime() + 28 * DAY)) }),
  );
  return { session, records: out };
}

type Seeded = { records: ClinicalRecord[]; historyPatientId: string; longPatientId: string };

function seed(): Seeded {
  const f = createRecordFactory({ seed: 5, authorStaffId: DOCTOR.id });
  const records: ClinicalRecord[] = [];
  const patient = (number: string, startedDaysAgo: number) => {
    f.at(iso(daysAgo(startedDaysAgo)));
    const p = f.patient({ centerPatientNumber: number, isSynthetic: true, baselineNrs: 8 });
    const c = f.course(p);
    records.push(p, f.eligibility(p), c);
    return { p, c };
  };
  const session = (c: RecordOfKind<'course'>, n: number, ago: number) => {
    f.at(iso(daysAgo(ago)));
    const s = f.completedSession(c, { sessionNumber: n });
    records.push(...s.records);
    return s.session;
  };
  const liver = (p: ClinicalRecord, ago: number, over = {}) => {
    f.at(iso(daysAgo(ago)));
    records.push(f.liverTest(p, { sampledOn: ymd(daysAgo(ago)), labName: 'AZ Labo', ...over }));
  };

  // The history patient: five sessions, pain answers, a rising liver trend ending >= 3x ULN.
  const a = patient('KIT-0101', 200);
  const answers = [null, 20, 35, 55, 60];
  for (const [i, pct] of answers.entries()) {
    const ago = 140 - i * 28;
    const s = i === 4 ? null : session(a.c, i + 1, ago);
    if (i === 4) records.push(...detailedSession(f, a.c, 5, daysAgo(ago)).records);
    if (s && i === 1) records.push(f.drugGiven(s), f.sideEffect(s, { effect: 'nausea' }));
    if (pct !== null) {
      f.at(iso(new Date(daysAgo(ago).getTime() + 6 * 3_600_000)));
      records.push(f.outcomeAnswer(a.p, { painImprovementPercent: pct }));
    }
  }
  liver(a.p, 190, { altUPerL: 30, ggtUPerL: 28 });
  liver(a.p, 100, { altUPerL: 62, altUlnUPerL: 45, ggtUPerL: 40, ggtUlnUPerL: 36 });
  liver(a.p, 10, { altUPerL: 148, altUlnUPerL: 45, astUPerL: 61, ggtUPerL: 95, ggtUlnUPerL: 36 });

  const b = patient('KIT-0102', 160); // overdue by 2 days; liver never tested: due soon
  session(b.c, 1, 58);
  session(b.c, 2, 30);
  const c = patient('KIT-0103', 300); // lost to follow-up; liver overdue
  session(c.c, 1, 130);
  liver(c.p, 220);
  const d = patient('KIT-0104', 90); // due later this week or next
  session(d.c, 1, 24);
  liver(d.p, 80);
  const e = patient('KIT-0105', 220); // overdue 17 days; liver never tested: overdue
  session(e.c, 1, 45);
  const g = patient('KIT-0106', 260); // discontinued: on no list
  session(g.c, 1, 120);
  f.at(iso(daysAgo(118)));
  records.push(
    f.courseStatus(g.c, {
      status: 'discontinued',
      reason: 'side-effects',
      afterAdministrations: 1,
    }),
  );
  const h = patient('KIT-0107', 400); // due today; liver due in about two weeks
  session(h.c, 3, 28);
  liver(h.p, 170);
  // A long course: 16 weekly sessions, the latest 3 days ago (on no list); liver tested lately.
  const long = patient('KIT-0108', 120);
  for (let n = 1; n <= 16; n++) session(long.c, n, 3 + (16 - n) * 7);
  liver(long.p, 20);
  return { records, historyPatientId: a.p.id, longPatientId: long.p.id };
}

/** Puts records and patient-list rows into the app's IndexedDB, as a sync pull would. */
async function store(page: Page, records: readonly ClinicalRecord[]) {
  const rows = new Map<string, { number: string; last: string }>();
  for (const r of records) {
    if (r.patientId === null) continue;
    const row = rows.get(r.patientId) ?? { number: '', last: '' };
    if (r.kind === 'patient') row.number = r.payload.centerPatientNumber;
    if (r.clinicalTime > row.last) row.last = r.clinicalTime;
    rows.set(r.patientId, row);
  }
  const index = [...rows].map(([patientId, row]) => ({
    patientId,
    centerPatientNumber: row.number,
    numberLower: row.number.toLowerCase(),
    isSynthetic: true,
    lastActivityAt: row.last,
  }));
  await page.evaluate(
    ({ records, index }) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('kit-bedside');
        open.onerror = () => reject(new Error(String(open.error)));
        open.onsuccess = () => {
          const tx = open.result.transaction(['records', 'patientIndex'], 'readwrite');
          for (const r of records) tx.objectStore('records').put(r);
          for (const row of index) tx.objectStore('patientIndex').put(row);
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(new Error(String(tx.error)));
        };
      }),
    { records, index },
  );
}

async function shoot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  for (const [w, h] of [
    [1024, 768],
    [768, 1024],
  ] as const) {
    await page.setViewportSize({ width: w, height: h });
    // Charts are drawn when they scroll near: pass each one, so the full-page shot shows them.
    for (const chart of await page.locator('.history-chart').all()) {
      await chart.scrollIntoViewIfNeeded();
      await expect(chart).toHaveAttribute('data-chart', 'drawn');
    }
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.waitForTimeout(300); // let the charts follow the new width
    await page.screenshot({ path: `${SHOTS}/${name}-${w}x${h}.png` });
    await page.screenshot({ path: `${SHOTS}/${name}-${w}x${h}-full.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1024, height: 768 });
}

test('follow-up lists and a patient history with charts', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto('/');
  await firstRunSetup(page, [DOCTOR]);
  const { records, historyPatientId, longPatientId } = seed();
  await store(page, records);
  await page.goto('/#/center/follow-up');
  await page.reload();
  if (await isLocked(page)) await unlockAs(page, DOCTOR.name);

  await expect(page.getByRole('heading', { name: 'Follow-up', level: 1 })).toBeVisible();
  const lost = page.getByRole('table', { name: /Lost to follow-up/ });
  await expect(lost).toContainText('KIT-0103');
  await expect(page.getByRole('table', { name: /Sessions overdue/ })).toContainText('KIT-0102');
  await expect(page.getByRole('table', { name: /Sessions overdue/ })).toContainText('KIT-0105');
  await expect(page.getByRole('table', { name: /Sessions due this week/ })).toContainText(
    'KIT-0107',
  );
  const liver = page.getByRole('table', { name: /Liver tests due or overdue/ });
  await expect(liver).toContainText('KIT-0103');
  await expect(liver).toContainText('KIT-0105');
  await expect(page.getByText('KIT-0106')).toHaveCount(0);
  await expect(page.getByText('KIT-0108')).toHaveCount(0);
  await shoot(page, 'follow-up');
  await expectAccessible(page, 'the follow-up lists');

  await lost.getByRole('button', { name: 'Open patient KIT-0103' }).click();
  await expect(page.getByRole('heading', { name: /Patient KIT-0103/ })).toBeVisible();

  await page.goto(`/#/patients/${historyPatientId}`);
  await page.getByRole('button', { name: /History & follow-up/ }).click();
  await expect(
    page.getByRole('heading', { name: 'History & follow-up — patient KIT-0101' }),
  ).toBeVisible();
  // Answers recorded by phone (patient level) show with the administration they follow.
  await expect(
    page.getByRole('table', { name: 'Every session of the course' }).getByRole('row').nth(5),
  ).toContainText('60 % continue');
  // The charts draw on canvases (uPlot, loaded on demand) and keep their accessible names.
  // Below the first screen, a chart is drawn only when it scrolls near (uplot-chart.tsx).
  const pain = page.getByRole('img', { name: 'Pain improvement across sessions (%)' });
  const pressure = page.getByRole('img', { name: 'Blood pressure, session 5 (mmHg)' });
  await expect(pressure).toHaveAttribute('data-chart', 'waiting');
  await expect(pressure.locator('canvas')).toHaveCount(0);
  await pain.scrollIntoViewIfNeeded();
  await expect(pain.locator('canvas').first()).toBeVisible();
  await pressure.scrollIntoViewIfNeeded();
  await expect(pressure.locator('canvas').first()).toBeVisible();
  await page.evaluate(() => window.scrollTo(0, 0));
  await expect(page.getByRole('alert').filter({ hasText: 'at or above 3×' })).toContainText('ALT');
  // The page never gets wider than the tablet: wide tables scroll inside their card.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(1024);
  await shoot(page, 'patient-history');
  await expectAccessible(page, 'a patient history with charts');
  await page.getByRole('combobox', { name: 'Session' }).selectOption({ index: 1 });
  await page.getByText('Show the values as a table').last().click();
  await expect(page.getByRole('table', { name: 'Vitals of session 2' })).toBeVisible();
  await page
    .getByRole('region', { name: 'Vitals during a session' })
    .screenshot({ path: `${SHOTS}/patient-history-vitals-1024x768.png` });
  await page.goto(`/#/patients/${historyPatientId}`);
  await expect(page.getByRole('button', { name: /History & follow-up/ })).toBeVisible();
  await shoot(page, 'patient-with-history-link');

  // A long course shows its latest 10 sessions first; all 16 on request.
  await page.goto(`/#/patients/${longPatientId}/history`);
  const sessions = page.getByRole('table', { name: 'Every session of the course' });
  await expect(sessions.getByRole('row')).toHaveCount(1 + 10);
  await expect(sessions.getByRole('row').nth(1).getByRole('button')).toHaveText('7');
  await expect(sessions).toHaveAccessibleDescription(/The latest 10 of 16 sessions are shown/);
  await shoot(page, 'patient-history-long-course');
  await expectAccessible(page, 'the history of a long course');
  await page.getByRole('button', { name: 'Show all 16 sessions' }).click();
  await expect(sessions.getByRole('row')).toHaveCount(1 + 16);
  await expect(page.getByRole('button', { name: 'Show only the latest 10' })).toBeVisible();
});
