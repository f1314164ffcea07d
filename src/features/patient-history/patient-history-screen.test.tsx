// uPlot draws on a canvas, which jsdom does not have: the lazily loaded chart is replaced by a
// stand-in with the same accessible name (uplot-chart.test.tsx tests the real wrapper with a
// mocked uPlot). The values are asserted in the tables that accompany every chart.
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { makeBedside, renderWithBedside } from '../../../tests/support/render-bedside.tsx';
import { BedsideProvider } from '../../ui/bedside-context.tsx';
import { PatientHistoryScreen } from './patient-history-screen.tsx';
import { NOW, seedHistory } from './test-seed.ts';

vi.mock('./uplot-chart.tsx', () => ({
  UplotChart: ({ label, describedBy }: { label: string; describedBy?: string }) => (
    <div role="img" aria-label={label} aria-describedby={describedBy} />
  ),
}));

async function setup(o: Parameters<typeof seedHistory>[1] = {}) {
  const bedside = makeBedside({ startIso: NOW });
  const { patientId, sessionIds } = await seedHistory(bedside.db, o);
  const onOpenSession = vi.fn();
  const rendered = renderWithBedside(
    <PatientHistoryScreen patientId={patientId} onOpenSession={onOpenSession} />,
    bedside,
  );
  await screen.findByRole('heading', { name: TITLE });
  return {
    bedside,
    rendered,
    patientId,
    sessionIds,
    onOpenSession,
    user: userEvent.setup({ delay: null }),
  };
}

const TITLE = 'History & follow-up — patient KIT-0007';

const cellsOf = (table: HTMLElement) =>
  within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) =>
      [...row.querySelectorAll('th, td')].map((c) =>
        (c.textContent ?? '').replace(/\u00a0/g, ' ').trim(),
      ),
    );

describe('PatientHistoryScreen: the course', () => {
  it('shows the baseline NRS and every session with dose, tolerance, side effects, drugs and pain', async () => {
    const { onOpenSession, sessionIds, user } = await setup();
    const course = screen.getByRole('region', { name: 'Course' });
    expect(within(course).getByText(/^7 \/ 10, recorded/)).toBeInTheDocument();
    expect(within(course).getByText(/^60\s%$/)).toBeInTheDocument();

    const rows = cellsOf(screen.getByRole('table', { name: 'Every session of the course' }));
    expect(rows).toEqual([
      ['1', '3 Nov 2025', '75 mg', 'Yes', 'None', 'None', '—'],
      [
        '2',
        '1 Dec 2025',
        '150 mg',
        'Yes',
        'Nausea (mild)',
        'Ondansetron 4 mg/2 mL 4 mg IV',
        '40 % continue',
      ],
      ['3', '5 Jan 2026', '150 mg', 'Yes', 'None', 'None', '60 % continue'],
    ]);
    await user.click(screen.getByRole('button', { name: 'Open session 2' }));
    expect(onOpenSession).toHaveBeenCalledWith(sessionIds[1]);
  });

  it('shows a long course with its latest 10 sessions first, all of them on request', async () => {
    const { user } = await setup({ extraSessions: 14 });
    const table = screen.getByRole('table', { name: 'Every session of the course' });
    const numbers = () => cellsOf(table).map((row) => row[0]);
    expect(numbers()).toEqual(['8', '9', '10', '11', '12', '13', '14', '15', '16', '17']);
    expect(table).toHaveAccessibleDescription(
      'The latest 10 of 17 sessions are shown; the chart below covers them all.',
    );
    const all = screen.getByRole('button', { name: 'Show all 17 sessions' });
    expect(all).toHaveAttribute('aria-expanded', 'false');
    await user.click(all);
    expect(numbers()).toEqual(Array.from({ length: 17 }, (_, i) => String(i + 1)));
    expect(table).not.toHaveAccessibleDescription();
    const latest = screen.getByRole('button', { name: 'Show only the latest 10' });
    expect(latest).toHaveAttribute('aria-expanded', 'true');
    await user.click(latest);
    expect(numbers()).toHaveLength(10);
  });

  it('shows a course of 14 sessions whole, without a button', async () => {
    await setup({ extraSessions: 11 });
    const table = screen.getByRole('table', { name: 'Every session of the course' });
    expect(cellsOf(table)).toHaveLength(14);
    expect(screen.queryByRole('button', { name: /Show all/ })).toBeNull();
  });

  it('charts % pain improvement with its values in a table', async () => {
    await setup();
    const chart = await screen.findByRole('img', { name: 'Pain improvement across sessions (%)' });
    const table = screen.getByRole('table', { name: 'Pain improvement across sessions (%)' });
    expect(chart).toHaveAttribute('aria-describedby', table.id);
    expect(cellsOf(table)).toEqual([
      ['2', '1 December 2025', '40 %', 'continue'],
      ['3', '5 January 2026', '60 %', 'continue'],
    ]);
  });

  it('charts one session’s vitals against its thresholds and baseline; the session can be chosen', async () => {
    const { user } = await setup();
    const select = screen.getByRole('combobox', { name: 'Session' });
    expect(select).toHaveDisplayValue('Session 3 — 5 January 2026');
    expect(
      await screen.findByRole('img', { name: 'Blood pressure, session 3 (mmHg)' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('img', { name: 'Heart rate, session 3 (/min)' })).toBeInTheDocument();
    expect(screen.getByRole('img', { name: 'SpO2, session 3 (%)' })).toBeInTheDocument();
    expect(screen.getByText(/systolic below 90 or above 180 mmHg/)).toBeInTheDocument();

    await user.selectOptions(select, 'Session 2 — 1 December 2025');
    expect(
      await screen.findByRole('img', { name: 'Blood pressure, session 2 (mmHg)' }),
    ).toBeInTheDocument();
    const rows = cellsOf(screen.getByRole('table', { name: 'Vitals of session 2' }));
    expect(rows[0]?.slice(2)).toEqual(['Baseline', '130', '80', '72', '98', '—']);
    expect(rows.at(-1)?.slice(2)).toEqual(['Recovery', '185', '95', '76', '97', '⚠ Urgent']);
    expect(rows).toHaveLength(5); // baseline + 3 observations of the session + the 185/95
  });

  it('says so when there is no session yet', async () => {
    await setup({ sessions: false });
    expect(screen.getByText('No sessions yet.')).toBeInTheDocument();
    expect(
      screen.getByText('No pain answers yet: they are asked from session 2 on.'),
    ).toBeInTheDocument();
  });
});

describe('PatientHistoryScreen: reading', () => {
  it('keeps the course bundle when left, and shows the same history from it next time', async () => {
    const { bedside, rendered, patientId } = await setup();
    const rowsBefore = cellsOf(screen.getByRole('table', { name: 'Every session of the course' }));
    // Marked stale when the records were stored; not stored while the history is shown.
    expect((await bedside.db.courseHeads.get(patientId))?.state).toBe('stale');
    rendered.unmount();
    await vi.waitFor(async () =>
      expect((await bedside.db.courseHeads.get(patientId))?.state).toBe('fresh'),
    );

    renderWithBedside(
      <PatientHistoryScreen patientId={patientId} onOpenSession={vi.fn()} />,
      bedside,
    );
    await screen.findByRole('heading', { name: TITLE });
    expect(cellsOf(screen.getByRole('table', { name: 'Every session of the course' }))).toEqual(
      rowsBefore,
    );
  });

  it('never shows the previous patient while another patient’s history is read', async () => {
    const { rendered, bedside } = await setup();
    rendered.rerender(
      <BedsideProvider value={bedside}>
        <PatientHistoryScreen patientId="another-patient" onOpenSession={vi.fn()} />
      </BedsideProvider>,
    );
    expect(screen.queryByRole('heading', { name: TITLE })).toBeNull();
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'This patient is not on this tablet.',
    );
  });
});
