/**
 * The registry screen on the synthetic study center, built through the real record functions
 * (generateStudyCenter) and stored through the tablet's write path (appendRecords): Table I,
 * percentages and Fisher's p must be the paper's (protocol.md section 8).
 */
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { KitDatabase } from '../../db/database.ts';
import { appendRecords } from '../../db/records-repo.ts';
import { generateStudyCenter } from '../../domain/demo/index.ts';
import type { ClinicalRecord } from '../../domain/records.ts';
import { buildCourse, fixture } from '../../domain/registry/test-support.ts';
import { makeBedside, renderWithBedside } from '../../../tests/support/render-bedside.tsx';
import { usePreferences } from '../../ui/preferences.ts';
import { RegistryScreen } from './registry-screen.tsx';

const text = (el: Element) => (el.textContent ?? '').replace(/\s+/g, ' ').trim();
const cellsOf = (row: HTMLElement) => within(row).getAllByRole('cell').map(text);

async function store(bedside: ReturnType<typeof makeBedside>, records: readonly ClinicalRecord[]) {
  for (let i = 0; i < records.length; i += 2000) {
    const saved = await appendRecords(bedside.db, records.slice(i, i + 2000));
    if (!saved.ok) throw new Error(saved.error.message);
  }
}

describe('RegistryScreen on the synthetic study center', () => {
  // One database with the whole center for the tests of this block (storing it takes seconds).
  let db: KitDatabase;
  beforeAll(async () => {
    const center = generateStudyCenter({ seed: 1 });
    if (!center.ok) throw new Error(center.error.message);
    const bedside = makeBedside();
    await store(bedside, center.value.records);
    db = bedside.db;
  }, 60_000);

  it('shows the paper’s Table I, percentages and Fisher p = 0.280, marked synthetic', async () => {
    renderWithBedside(<RegistryScreen />, makeBedside({ db }));

    const table = await screen.findByRole('table', { name: /Table I/ }, { timeout: 15_000 });
    const header = within(table).getAllByRole('columnheader').map(text);
    expect(header).toEqual(['Outcome', 'Neuropathic', 'Nociceptive', 'Nociplastic', 'Total']);
    expect(cellsOf(within(table).getByRole('row', { name: /^Unsuccessful/ }))).toEqual([
      '7 (38.9 %)',
      '2 (100.0 %)',
      '13 (52.0 %)',
      '22 (48.9 %)',
    ]);
    expect(cellsOf(within(table).getByRole('row', { name: /^Successful/ }))).toEqual([
      '11 (61.1 %)',
      '0 (0.0 %)',
      '12 (48.0 %)',
      '23 (51.1 %)',
    ]);
    expect(cellsOf(within(table).getByRole('row', { name: /^Total/ }))).toEqual([
      '18',
      '2',
      '25',
      '45',
    ]);
    expect(cellsOf(within(table).getByRole('row', { name: /Fisher/ }))).toEqual(['0.280']);

    // Synthetic only, and said so.
    expect(screen.getByRole('radio', { name: /Synthetic demo patients \(74\)/ })).toBeChecked();
    expect(screen.getByRole('note')).toHaveTextContent(/SYNTHETIC DEMO DATA/);

    const flow = screen.getByRole('region', { name: 'Inclusion flow' });
    const flowRow = (name: RegExp) => cellsOf(within(flow).getByRole('row', { name }));
    expect(flowRow(/^Treated \(/)).toEqual(['74']);
    expect(flowRow(/^Met the inclusion criteria/)).toEqual(['61']);
    expect(flowRow(/^Lost to follow-up/)).toEqual(['16']);
    expect(flowRow(/^Treated per protocol/)).toEqual(['45']);

    const favorable = screen.getByRole('region', { name: 'Favorable outcome' });
    expect(favorable).toHaveTextContent('23 of 45 (51.1 %)');
    expect(favorable).toHaveTextContent('n = 45');
    const sex = screen.getByRole('region', { name: 'Sex' });
    expect(cellsOf(within(sex).getByRole('row', { name: /^Female/ }))).toEqual(['47', '77.0 %']);
    expect(cellsOf(within(sex).getByRole('row', { name: /^Male/ }))).toEqual(['14', '23.0 %']);
    const pain = screen.getByRole('region', { name: 'Self-reported pain reduction' });
    expect(pain).toHaveTextContent('43.85 %');
    expect(pain).toHaveTextContent('35.54 % to 52.15 %');
    const effects = screen.getByRole('region', { name: 'Patients with each side effect' });
    expect(cellsOf(within(effects).getByRole('row', { name: /^Nausea/ }))[0]).toBe('3');
    expect(cellsOf(within(effects).getByRole('row', { name: /^Dizziness/ }))[0]).toBe('4');
  });

  it('leaves everyone out of a period with no first administrations', async () => {
    renderWithBedside(<RegistryScreen />, makeBedside({ db }));
    await screen.findByRole('table', { name: /Table I/ }, { timeout: 15_000 });
    await userEvent.type(screen.getByLabelText('First administration from'), '2030-01-01');
    expect(await screen.findByText('No treated patients in this selection yet.')).toBeVisible();
  });
});

/** Four real patients: low NRS always favorable, high NRS never (perfect separation). */
async function separatedPatients() {
  const { f, records } = fixture();
  for (const [i, nrs, answer] of [
    [1, 4, 80],
    [2, 5, 70],
    [3, 8, 10],
    [4, 9, 20],
  ] as const)
    buildCourse(f, records, {
      number: `P-${i}`,
      administrations: 2,
      baselineNrs: nrs,
      answers: [answer],
    });
  const bedside = makeBedside();
  await store(bedside, records);
  return bedside;
}

describe('RegistryScreen on small real data', () => {
  afterEach(() => usePreferences.setState({ locale: 'en' }));

  it('says why the logistic regression cannot be estimated (separation)', async () => {
    renderWithBedside(<RegistryScreen />, await separatedPatients());
    const logistic = await screen.findByRole('region', {
      name: 'Favorable outcome by baseline NRS (logistic regression)',
    });
    expect(within(logistic).getByRole('status')).toHaveTextContent(/Cannot be computed:.*separat/i);
    expect(logistic).toHaveTextContent('n = 4');
    // Real patients only: no synthetic notice, no population choice.
    expect(screen.queryByRole('note')).toBeNull();
    expect(screen.queryByRole('radio', { name: /Synthetic/ })).toBeNull();
  });

  it('says it in Dutch on the Dutch screen: the separation and what each figure is based on', async () => {
    usePreferences.setState({ locale: 'nl-BE' });
    renderWithBedside(<RegistryScreen />, await separatedPatients());
    const logistic = await screen.findByRole('region', {
      name: 'Gunstig resultaat volgens NRS bij aanvang (logistische regressie)',
    });
    const status = within(logistic).getByRole('status');
    expect(status).toHaveTextContent(/^Kan niet berekend worden:/);
    const why = within(status).getByText(/quasi-volledige scheiding \(separation\)/);
    expect(why).toHaveAttribute('lang', 'nl');
    expect(why).not.toHaveTextContent(/perfectly predicted|cannot be estimated/);

    const basis = within(logistic).getByText(/^Gunstig resultaat \(1\/0\) op de NRS bij aanvang/);
    expect(basis).toHaveAttribute('lang', 'nl');
    expect(basis).toHaveTextContent('van 4 patiënten (patiënten volgens protocol');
    expect(logistic).toHaveTextContent('n = 4');
    // Every basis on the screen is the Dutch one.
    const flow = screen.getByRole('region', { name: 'Inclusiestroom' });
    expect(within(flow).getByText(/^4 patiënten met minstens één toediening/)).toHaveAttribute(
      'lang',
      'nl',
    );
    expect(document.querySelectorAll('[lang="en"]')).toHaveLength(0);
  });

  it('says there is nothing yet on an empty tablet', async () => {
    renderWithBedside(<RegistryScreen />, makeBedside());
    expect(await screen.findByText('No treated patients in this selection yet.')).toBeVisible();
  });
});
