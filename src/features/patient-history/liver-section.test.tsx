// The liver chart is replaced by a named stand-in (jsdom has no canvas); its values are
// asserted in the results table that accompanies it.
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { recordsOfKind } from '../../db/records-repo.ts';
import { makeBedside, NURSE, renderWithBedside } from '../../../tests/support/render-bedside.tsx';
import { PatientHistoryScreen } from './patient-history-screen.tsx';
import { NOW, seedHistory, type LiverSeed } from './test-seed.ts';

vi.mock('./uplot-chart.tsx', () => ({
  UplotChart: ({ label }: { label: string }) => <div role="img" aria-label={label} />,
}));

async function setup(liver: readonly LiverSeed[] = [], actor: typeof NURSE | null = NURSE) {
  const bedside = makeBedside({ startIso: NOW, actor });
  const { patientId } = await seedHistory(bedside.db, { liver, sessions: false });
  renderWithBedside(
    <PatientHistoryScreen patientId={patientId} onOpenSession={() => undefined} />,
    bedside,
  );
  await screen.findByRole('heading', { name: /History & follow-up/ });
  return { bedside, patientId, user: userEvent.setup({ delay: null }) };
}

const form = () => screen.getByRole('form', { name: 'Enter a lab result' });

async function fill(
  user: ReturnType<typeof userEvent.setup>,
  values: Record<string, string>,
  sampledOn = '2026-03-01',
) {
  fireEvent.change(within(form()).getByLabelText('Sample date'), { target: { value: sampledOn } });
  for (const [label, value] of Object.entries(values)) {
    const input = within(form()).getByLabelText(label, { exact: false, selector: 'input' });
    await user.clear(input);
    if (value !== '') await user.type(input, value);
  }
}

const NORMAL = {
  'ALT (U/L)': '25',
  'ALT upper limit of normal': '45',
  'AST (U/L)': '22',
  'AST upper limit of normal': '35',
  'GGT (U/L)': '30,5',
  'GGT upper limit of normal': '36',
  'Alkaline phosphatase (U/L)': '80',
  'Alkaline phosphatase upper limit of normal': '120',
};

describe('Liver tests on the patient history', () => {
  it('stores one liver-test record with exactly the typed values and lists it', async () => {
    const { bedside, patientId, user } = await setup();
    expect(screen.getByText('No liver test recorded yet.')).toBeInTheDocument();
    await fill(user, { ...NORMAL, 'Lab (optional)': 'AZ Labo' });
    await user.click(screen.getByRole('button', { name: 'Save the liver test' }));
    await screen.findByText('✓ Saved on this tablet');

    const stored = await recordsOfKind(bedside.db, 'liver-test');
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({
      patientId,
      sessionId: null,
      authorStaffId: NURSE.staffId,
      payload: {
        sampledOn: '2026-03-01',
        altUPerL: 25,
        altUlnUPerL: 45,
        astUPerL: 22,
        astUlnUPerL: 35,
        ggtUPerL: 30.5,
        ggtUlnUPerL: 36,
        alpUPerL: 80,
        alpUlnUPerL: 120,
        labName: 'AZ Labo',
      },
    });
    const table = await screen.findByRole('table', { name: 'Liver test results' });
    expect(within(table).getByText('1 Mar 2026')).toBeInTheDocument();
    expect(
      await screen.findByRole('img', { name: /Liver enzymes as a multiple/ }),
    ).toBeInTheDocument();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it.each([
    ['ALT (U/L)', '-3', 'ALT cannot be negative.'],
    ['AST upper limit of normal', '0', 'AST upper limit of normal must be more than 0 U/L.'],
    ['GGT (U/L)', '39 U/L', 'GGT "39 U/L" is not a number.'],
    ['Alkaline phosphatase (U/L)', 'mmol', '"mmol" is not a number.'],
  ])('refuses %s = %s with a message and stores nothing', async (label, value, message) => {
    const { bedside, user } = await setup();
    await fill(user, { ...NORMAL, [label]: value });
    await user.click(screen.getByRole('button', { name: 'Save the liver test' }));
    const field = within(form()).getByLabelText(label, { exact: false, selector: 'input' });
    await waitFor(() => expect(field).toHaveAttribute('aria-invalid', 'true'));
    expect(screen.getByRole('alert')).toHaveTextContent(message);
    expect(await recordsOfKind(bedside.db, 'liver-test')).toHaveLength(0);
  });

  it('refuses a sample date after today', async () => {
    const { bedside, user } = await setup();
    await fill(user, NORMAL, '2026-03-05');
    await user.click(screen.getByRole('button', { name: 'Save the liver test' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('The sample date is after today.');
    expect(await recordsOfKind(bedside.db, 'liver-test')).toHaveLength(0);
  });

  it('flags >= 3x ULN as urgent and a new elevation', async () => {
    await setup([
      { sampledOn: '2025-09-01' }, // all normal
      { sampledOn: '2026-03-01', altUPerL: 135, altUlnUPerL: 45, ggtUPerL: 39, ggtUlnUPerL: 36 },
    ]);
    const alerts = screen
      .getAllByRole('alert')
      .map((a) => (a.textContent ?? '').replace(/\u00a0/g, ' '));
    expect(alerts).toEqual([
      expect.stringContaining('ALT 135 U/L (ULN 45 U/L) at or above 3× the upper limit of normal'),
      expect.stringContaining(
        'New elevation on 1 March 2026: ALT 135 U/L (ULN 45 U/L), GGT 39 U/L',
      ),
    ]);
    const rows = within(screen.getByRole('table', { name: 'Liver test results' })).getAllByRole(
      'row',
    );
    // Newest first: date, ALT, AST, GGT, ALP; each cell value, ULN, multiple and its flags.
    const cells = (row: HTMLElement | undefined) =>
      [...(row?.querySelectorAll('th, td') ?? [])].map((c) =>
        (c.textContent ?? '').replace(/\s+/g, ' ').trim(),
      );
    expect(cells(rows[1])).toEqual([
      '1 Mar 2026',
      '▲ 135 U/L ULN 45 U/L · 3× urgent ≥ 3×, new elevation',
      '22 U/L ULN 35 U/L · 0.63×',
      '▲ 39 U/L ULN 36 U/L · 1.08× new elevation',
      '80 U/L ULN 120 U/L · 0.67×',
    ]);
    expect(cells(rows[2])).toEqual([
      '1 Sep 2025',
      '25 U/L ULN 45 U/L · 0.56×',
      '22 U/L ULN 35 U/L · 0.63×',
      '30 U/L ULN 55 U/L · 0.55×',
      '80 U/L ULN 120 U/L · 0.67×',
    ]);
  });

  it('does not flag 2.9x ULN as urgent; an elevation seen before is not new', async () => {
    await setup([
      { sampledOn: '2025-09-01', altUPerL: 60, altUlnUPerL: 45 },
      { sampledOn: '2026-03-01', altUPerL: 130.5, altUlnUPerL: 45 },
    ]);
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByText(/^Still above the upper limit/)).toHaveTextContent(
      'Still above the upper limit on 1 March 2026: ALT 130.5 U/L (ULN 45 U/L).',
    );
  });

  it('keeps what was typed across a reload (draft) until it is saved', async () => {
    const { bedside, patientId, user } = await setup();
    await fill(user, { 'ALT (U/L)': '25', 'ALT upper limit of normal': '45' });
    cleanup(); // the tablet reloads: the form closes and saves its draft at once
    renderWithBedside(
      <PatientHistoryScreen patientId={patientId} onOpenSession={() => undefined} />,
      bedside,
    );
    await waitFor(() =>
      expect(screen.getByLabelText('ALT (U/L)', { exact: false, selector: 'input' })).toHaveValue(
        '25',
      ),
    );
    expect(
      screen.getByLabelText('ALT upper limit of normal', { exact: false, selector: 'input' }),
    ).toHaveValue('45');
  });

  it('saves nothing without someone recording', async () => {
    await setup([], null);
    expect(screen.getByRole('button', { name: 'Save the liver test' })).toBeDisabled();
    expect(within(form()).getByRole('alert')).toHaveTextContent('Nobody is signed in');
  });
});
