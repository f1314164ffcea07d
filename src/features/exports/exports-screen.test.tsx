/**
 * Exports from the tablet's records: each download is a Blob handed to <a download>; the test
 * catches the Blob (URL.createObjectURL) and reads the file the user would get.
 */
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { appendRecords } from '../../db/records-repo.ts';
import { PATIENT_COLUMNS, SESSION_COLUMNS } from '../../domain/exports/index.ts';
import type { ClinicalRecord } from '../../domain/records.ts';
import { buildCourse, fixture } from '../../domain/registry/test-support.ts';
import { makeBedside, renderWithBedside } from '../../../tests/support/render-bedside.tsx';
import { ExportsScreen } from './exports-screen.tsx';

type Download = { readonly name: string; readonly blob: Blob };
let downloads: Download[] = [];
let pending: Blob[] = [];

beforeEach(() => {
  downloads = [];
  pending = [];
  URL.createObjectURL = vi.fn((blob: Blob) => {
    pending.push(blob);
    return `blob:test/${pending.length}`;
  });
  URL.revokeObjectURL = vi.fn();
  // jsdom does not download: record the file name and the Blob behind the link instead.
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
    this: HTMLAnchorElement,
  ) {
    const index = Number(this.href.split('/').at(-1)) - 1;
    downloads.push({ name: this.download, blob: pending[index]! });
  });
});
afterEach(() => vi.restoreAllMocks());

async function tabletWith(records: readonly ClinicalRecord[]) {
  const bedside = makeBedside();
  const saved = await appendRecords(bedside.db, records);
  if (!saved.ok) throw new Error(saved.error.message);
  return bedside;
}

function threePatients(): ClinicalRecord[] {
  const { f, records } = fixture();
  buildCourse(f, records, { number: 'P-001', administrations: 3, answers: [60, 70] });
  buildCourse(f, records, { number: 'P-002', administrations: 2, answers: [20] });
  buildCourse(f, records, { number: 'P-003', administrations: 1 });
  return records;
}

const lines = (text: string) => text.split('\r\n').filter((l) => l !== '');

describe('ExportsScreen', () => {
  it('downloads the patients, sessions and codebook CSV with their headers and rows', async () => {
    renderWithBedside(<ExportsScreen />, await tabletWith(threePatients()));
    const csv = await screen.findByRole('region', { name: /CSV/ });
    expect(await within(csv).findByText('One row per patient; rows: 3')).toBeVisible();
    expect(await within(csv).findByText('One row per session; rows: 6')).toBeVisible();

    await userEvent.click(within(csv).getByRole('button', { name: 'Download patients.csv' }));
    await userEvent.click(within(csv).getByRole('button', { name: 'Download sessions.csv' }));
    await userEvent.click(within(csv).getByRole('button', { name: 'Download codebook.csv' }));
    expect(downloads.map((d) => d.name)).toEqual(['patients.csv', 'sessions.csv', 'codebook.csv']);
    expect(downloads[0]!.blob.type).toBe('text/csv;charset=utf-8');

    const patients = lines(await downloads[0]!.blob.text());
    expect(patients[0]).toBe(PATIENT_COLUMNS.map((c) => c.name).join(','));
    expect(patients).toHaveLength(1 + 3);
    expect(patients[1]).toMatch(/^P-001,0,/);
    const sessions = lines(await downloads[1]!.blob.text());
    expect(sessions[0]).toBe(SESSION_COLUMNS.map((c) => c.name).join(','));
    expect(sessions).toHaveLength(1 + 6);
    const codebook = lines(await downloads[2]!.blob.text());
    expect(codebook[0]).toBe('file,variable,label,type,unit,allowed_values');
    expect(codebook).toHaveLength(1 + PATIENT_COLUMNS.length + SESSION_COLUMNS.length);
    expect(URL.revokeObjectURL).not.toHaveBeenCalled(); // later, after the download started
  });

  it('shows the center FHIR bundle’s contents and check before downloading it', async () => {
    renderWithBedside(<ExportsScreen />, await tabletWith(threePatients()));
    const center = await screen.findByRole('region', { name: 'FHIR R4 bundle of the center' });
    await userEvent.click(
      within(center).getByRole('button', { name: 'Prepare the center bundle' }),
    );
    expect(await within(center).findByText(/Structure check passed/)).toBeVisible();
    const patientRow = within(center).getByRole('row', { name: /^Patient/ });
    expect(within(patientRow).getByRole('cell')).toHaveTextContent('3');
    expect(within(center).getByRole('row', { name: /^Encounter/ })).toHaveTextContent('6');

    await userEvent.click(within(center).getByRole('button', { name: /^Download fhir-center-/ }));
    expect(downloads[0]!.name).toMatch(/^fhir-center-\d{4}-\d{2}-\d{2}\.json$/);
    const bundle = JSON.parse(await downloads[0]!.blob.text()) as {
      resourceType: string;
      type: string;
      entry: { resource: { resourceType: string } }[];
    };
    expect(bundle.resourceType).toBe('Bundle');
    expect(bundle.type).toBe('collection');
    expect(bundle.entry.filter((e) => e.resource.resourceType === 'Patient')).toHaveLength(3);
  });

  it('exports one chosen patient as a FHIR bundle', async () => {
    renderWithBedside(<ExportsScreen />, await tabletWith(threePatients()));
    const section = await screen.findByRole('region', { name: 'FHIR R4 bundle of one patient' });
    await userEvent.selectOptions(
      within(section).getByLabelText('Patient (center number)'),
      'P-002',
    );
    expect(await within(section).findByText(/Structure check passed/)).toBeVisible();
    await userEvent.click(
      within(section).getByRole('button', { name: /^Download fhir-patient-P-002-/ }),
    );
    const bundle = JSON.parse(await downloads[0]!.blob.text()) as {
      entry: { resource: { resourceType: string; identifier?: { value: string }[] } }[];
    };
    const patients = bundle.entry.filter((e) => e.resource.resourceType === 'Patient');
    expect(patients).toHaveLength(1);
    expect(patients[0]!.resource.identifier?.[0]?.value).toBe('P-002');
    expect(bundle.entry.filter((e) => e.resource.resourceType === 'Encounter')).toHaveLength(2);
  });

  it('exports real patients by default and synthetic ones only when chosen, marked', async () => {
    const { f, records } = fixture();
    buildCourse(f, records, { number: 'P-001', administrations: 2, answers: [60] });
    buildCourse(f, records, { number: 'DEMO-0001', administrations: 2, isSynthetic: true });
    renderWithBedside(<ExportsScreen />, await tabletWith(records));
    const csv = await screen.findByRole('region', { name: /CSV/ });
    expect(await within(csv).findByText('One row per patient; rows: 1')).toBeVisible();
    expect(screen.queryByRole('note')).toBeNull();
    await userEvent.click(screen.getByRole('radio', { name: /Synthetic demo patients \(1\)/ }));
    expect(screen.getByRole('note')).toHaveTextContent(/SYNTHETIC DEMO/);
    await userEvent.click(within(csv).getByRole('button', { name: 'Download patients.csv' }));
    const rows = lines(await downloads[0]!.blob.text());
    expect(rows).toHaveLength(2);
    expect(rows[1]).toMatch(/^DEMO-0001,1,/);
  });

  it('is a snapshot with its time: a record stored later is in the files after reading again', async () => {
    const { f, records } = fixture();
    buildCourse(f, records, { number: 'P-001', administrations: 2, answers: [60] });
    const bedside = await tabletWith(records);
    renderWithBedside(<ExportsScreen />, bedside);
    const csv = await screen.findByRole('region', { name: /CSV/ });
    expect(await within(csv).findByText('One row per patient; rows: 1')).toBeVisible();
    expect(screen.getByText(/^Made from the records on this tablet at \d\d:\d\d\./)).toBeVisible();

    const later: ClinicalRecord[] = [];
    buildCourse(f, later, { number: 'P-002', administrations: 2, answers: [30] });
    expect((await appendRecords(bedside.db, later)).ok).toBe(true);
    // The new patient is listed (the patient list is live) but the files are the snapshot's.
    await new Promise((r) => setTimeout(r, 50));
    expect(await within(csv).findByText('One row per patient; rows: 1')).toBeVisible();

    await userEvent.click(screen.getByRole('button', { name: 'Read the records again' }));
    const again = await screen.findByRole('region', { name: /CSV/ });
    expect(await within(again).findByText('One row per patient; rows: 2')).toBeVisible();
  });
});
