import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { appendRecords } from '../../db/records-repo.ts';
import { createRecordFactory } from '../../domain/records/builders.ts';
import type { ClinicalRecord } from '../../domain/records.ts';
import { makeBedside, renderWithBedside } from '../../../tests/support/render-bedside.tsx';
import { usePreferences } from '../../ui/preferences.ts';
import { PAGE_SIZE, PatientListScreen } from './patient-list-screen.tsx';

const rowNames = () =>
  within(screen.getByRole('list', { name: 'Patients' }))
    .getAllByRole('button')
    .map((b) => b.getAttribute('aria-label'));

/** The list item a patient's button belongs to: the row that shows its facts. */
const rowOf = (button: HTMLElement) => {
  const row = button.closest('li');
  if (row === null) throw new Error('the button is not in a list item');
  return row;
};

async function setup(records: readonly ClinicalRecord[]) {
  const bedside = makeBedside();
  const stored = await appendRecords(bedside.db, records);
  if (!stored.ok) throw new Error(stored.error.message);
  const onOpenPatient = vi.fn();
  const onRegister = vi.fn();
  renderWithBedside(
    <PatientListScreen onOpenPatient={onOpenPatient} onRegister={onRegister} />,
    bedside,
  );
  return { bedside, onOpenPatient, onRegister, user: userEvent.setup({ delay: null }) };
}

/** Three patients: KIT-0001 (January, not eligible), ABC-77 (February, active), KIT-0002 (latest, needs review). */
function threePatients() {
  const f = createRecordFactory({ startAt: '2026-01-10T09:00:00.000Z' });
  const a = f.patient({
    centerPatientNumber: 'KIT-0001',
    sex: 'male',
    birthDate: '1980-06-01',
    birthYear: undefined,
  });
  const aScreen = f.eligibility(a, { nonOncologic: false });
  f.at('2026-02-01T09:00:00.000Z');
  const b = f.patient({ centerPatientNumber: 'ABC-77' });
  const bRecords = [b, f.eligibility(b), f.course(b)];
  f.at('2026-02-20T09:00:00.000Z');
  const c = f.patient({ centerPatientNumber: 'KIT-0002' });
  const cCourse = f.course(c);
  // Infusion started without a dose plan sign-off: the session needs review.
  const session = f.session(cCourse);
  const cRecords = [c, f.eligibility(c), cCourse, session, f.infusionEvent(session, 'start')];
  return { records: [a, aScreen, ...bRecords, ...cRecords], ids: { a: a.id, b: b.id, c: c.id } };
}

describe('PatientListScreen', () => {
  it('tells what to do when there are no patients yet', async () => {
    const { user, onRegister } = await setup([]);
    expect(await screen.findByText(/No patients on this tablet yet/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Register a patient' }));
    expect(onRegister).toHaveBeenCalled();
  });

  it('lists patients newest activity first with their status, and opens one', async () => {
    const { records, ids } = threePatients();
    const { user, onOpenPatient } = await setup(records);
    await screen.findByRole('button', { name: 'Open patient KIT-0002' });
    expect(rowNames()).toEqual([
      'Open patient KIT-0002',
      'Open patient ABC-77',
      'Open patient KIT-0001',
    ]);

    const latestButton = screen.getByRole('button', { name: 'Open patient KIT-0002' });
    const latest = rowOf(latestButton);
    await waitFor(() => expect(latest).toHaveTextContent('Needs review'));
    expect(latest).toHaveTextContent('Active');
    expect(latest).toHaveTextContent('Next: session 2');
    expect(latest).toHaveTextContent('Female');
    expect(latest).toHaveTextContent('born 1970');
    expect(latest).toHaveTextContent('Last activity: 20 February 2026');
    // A screen reader hears the facts once, as the row's description, after its name.
    expect(latestButton).toHaveAccessibleDescription(
      'Female, born 1970, Last activity: 20 February 2026, Next: session 2, Active, ⚠ Needs review',
    );

    const firstButton = screen.getByRole('button', { name: 'Open patient KIT-0001' });
    const first = rowOf(firstButton);
    await waitFor(() => expect(first).toHaveTextContent('No course'));
    expect(first).toHaveTextContent('Male');
    expect(first).toHaveTextContent('45 years');
    expect(first).not.toHaveTextContent('Needs review');

    await user.click(firstButton);
    expect(onOpenPatient).toHaveBeenCalledWith(ids.a);
  });

  it('searches by number prefix, case-insensitively, and says when nothing matches', async () => {
    const { records } = threePatients();
    const { user } = await setup(records);
    await screen.findByRole('button', { name: 'Open patient KIT-0002' });
    const search = screen.getByRole('searchbox', { name: 'Search by patient number' });

    await user.type(search, 'kit-00');
    await waitFor(() =>
      expect(rowNames()).toEqual(['Open patient KIT-0002', 'Open patient KIT-0001']),
    );

    await user.clear(search);
    await user.type(search, 'abc');
    await waitFor(() => expect(rowNames()).toEqual(['Open patient ABC-77']));

    // A prefix search: the middle of a number does not match.
    await user.clear(search);
    await user.type(search, '0001');
    expect(await screen.findByText(/No patient number starts with “0001”/)).toBeInTheDocument();
    expect(screen.queryByRole('list', { name: 'Patients' })).not.toBeInTheDocument();
  });

  it('shows the list live: a patient saved elsewhere appears without reloading', async () => {
    const { bedside } = await setup([]);
    await screen.findByText(/No patients on this tablet yet/);
    const f = createRecordFactory({ startAt: '2026-03-01T09:00:00.000Z' });
    await appendRecords(bedside.db, [f.patient({ centerPatientNumber: 'KIT-0100' })]);
    expect(
      await screen.findByRole('button', { name: 'Open patient KIT-0100' }),
    ).toBeInTheDocument();
  });

  it(`shows ${PAGE_SIZE} patients first and more on request`, async () => {
    const f = createRecordFactory({ startAt: '2026-01-01T09:00:00.000Z' });
    const many = Array.from({ length: PAGE_SIZE + 3 }, (_, i) =>
      f.patient({ centerPatientNumber: `KIT-${String(i + 1).padStart(4, '0')}` }),
    );
    const { user } = await setup(many);
    await screen.findByRole('button', {
      name: `Open patient KIT-${String(PAGE_SIZE + 3).padStart(4, '0')}`,
    });
    expect(rowNames()).toHaveLength(PAGE_SIZE);
    await user.click(screen.getByRole('button', { name: 'Show more patients' }));
    await waitFor(() => expect(rowNames()).toHaveLength(PAGE_SIZE + 3));
    expect(screen.queryByRole('button', { name: 'Show more patients' })).not.toBeInTheDocument();
  });

  it('speaks Dutch (nl-BE) with Belgian dates', async () => {
    usePreferences.setState({ locale: 'nl-BE' });
    try {
      const f = createRecordFactory({ startAt: '2026-02-20T09:00:00.000Z' });
      const p = f.patient({ centerPatientNumber: 'KIT-0005' });
      await setup([p, f.eligibility(p), f.course(p)]);
      const row = rowOf(await screen.findByRole('button', { name: 'Patiënt KIT-0005 openen' }));
      await waitFor(() => expect(row).toHaveTextContent('Actief'));
      expect(row).toHaveTextContent('Laatste activiteit: 20 februari 2026');
      expect(screen.getByRole('button', { name: 'Patiënt registreren' })).toBeInTheDocument();
    } finally {
      usePreferences.setState({ locale: 'en' });
    }
  });
});
