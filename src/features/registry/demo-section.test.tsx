/**
 * Loading the synthetic demo center on the tablet (admin only): through appendRecords, chunk by
 * chunk with progress, out of the outbox, resumable, and refused beside real patients unless
 * confirmed.
 */
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { appendRecords } from '../../db/records-repo.ts';
import { buildCourse, fixture } from '../../domain/registry/test-support.ts';
import type { StaffMember } from '../../ui/bedside-context.tsx';
import { makeBedside, renderWithBedside } from '../../../tests/support/render-bedside.tsx';
import { RegistryScreen } from './registry-screen.tsx';

const ADMIN: StaffMember = {
  staffId: 'admin-els',
  displayName: 'Els Admin',
  role: 'admin',
  active: true,
};
const LOAD = 'Load the synthetic demo center';

describe('loading the synthetic demo center', () => {
  it('writes every demo record with its staff, outside the outbox, and shows the registry', async () => {
    const bedside = makeBedside({ actor: ADMIN });
    renderWithBedside(<RegistryScreen />, bedside);
    await userEvent.click(await screen.findByRole('button', { name: LOAD }));
    const done = await screen.findByText(/^Loaded 74 synthetic patients/, {}, { timeout: 60_000 });
    expect(done).toHaveTextContent(/29,3\d\d records written, 0 already there/);

    const records = await bedside.db.records.toArray();
    expect(records.length).toBeGreaterThan(29_000);
    expect(await bedside.db.outbox.count()).toBe(0);
    const staffIds = records.filter((r) => r.kind === 'staff-member').map((r) => r.payload);
    expect(staffIds.map((s) => s.staffId)).toContain('demo-nurse-1');
    expect(staffIds.map((s) => s.staffId)).toContain('demo-anesthesiologist-1');
    const index = await bedside.db.patientIndex.toArray();
    expect(index).toHaveLength(74);
    expect(index.every((p) => p.isSynthetic)).toBe(true);

    const table = await screen.findByRole('table', { name: /Table I/ }, { timeout: 15_000 });
    expect(within(table).getByRole('row', { name: /Fisher/ })).toHaveTextContent('0.280');

    // Again: nothing is written twice.
    await userEvent.click(screen.getByRole('button', { name: /Load the demo again/ }));
    expect(
      await screen.findByText(
        /^Loaded 74 synthetic patients: 0 records written/,
        {},
        { timeout: 60_000 },
      ),
    ).toBeVisible();
    expect(await bedside.db.records.count()).toBe(records.length);
  }, 120_000);

  it('is offered to administrators only', async () => {
    renderWithBedside(<RegistryScreen />, makeBedside());
    expect(
      await screen.findByText(/An administrator can load a synthetic demo center here/),
    ).toBeVisible();
    expect(screen.queryByRole('button', { name: LOAD })).toBeNull();
  });

  it('refuses beside real patients until the administrator confirms', async () => {
    const { f, records } = fixture();
    buildCourse(f, records, { number: 'P-1', administrations: 2, answers: [60] });
    const bedside = makeBedside({ actor: ADMIN });
    const saved = await appendRecords(bedside.db, records);
    expect(saved.ok).toBe(true);
    renderWithBedside(<RegistryScreen />, bedside);
    expect(await screen.findByText(/This tablet holds 1 real patients/)).toBeVisible();
    const button = screen.getByRole('button', { name: LOAD });
    expect(button).toBeDisabled();
    await userEvent.click(screen.getByRole('checkbox', { name: /I understand/ }));
    expect(button).toBeEnabled();
  });
});
