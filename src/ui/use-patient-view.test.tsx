import { act, screen, waitFor } from '@testing-library/react';
import { Component, type ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { appendRecord, appendRecords } from '../db/records-repo.ts';
import { deleteTestDatabase } from '../db/testing.ts';
import { createRecordFactory } from '../domain/records/builders.ts';
import { makeBedside, renderWithBedside } from '../../tests/support/render-bedside.tsx';
import type { KitDatabase } from '../db/database.ts';
import { BedsideProvider } from './bedside-context.tsx';
import { usePatientView } from './use-patient-view.ts';

const databases: KitDatabase[] = [];
afterEach(async () => {
  for (const db of databases.splice(0)) await deleteTestDatabase(db);
});

/** Counts queries on the records table from now on (a spy added before the database opens). */
function countRecordQueries(db: KitDatabase): { count: number } {
  const counter = { count: 0 };
  db.use({
    stack: 'dbcore',
    name: 'records-query-counter',
    create: (down) => ({
      ...down,
      table: (name) => {
        const t = down.table(name);
        if (name !== 'records') return t;
        return { ...t, query: (req) => (counter.count++, t.query(req)) };
      },
    }),
  });
  return counter;
}

function Observations({ label, patientId, sessionId }: Record<string, string>) {
  const view = usePatientView(patientId ?? '', sessionId);
  if (view === undefined) return <p>{label} loading</p>;
  if (view === null) return <p>{label} not here</p>;
  return (
    <p>
      {label}: {view.session?.observations.length ?? 'no session'} observations
    </p>
  );
}

describe('usePatientView', () => {
  it('serves every component showing a patient from one query, and updates them all on a save', async () => {
    const bedside = makeBedside();
    databases.push(bedside.db);
    const queries = countRecordQueries(bedside.db);
    const f = createRecordFactory();
    const p = f.patient();
    const course = f.course(p);
    const session = f.session(course);
    await appendRecords(bedside.db, [p, course, session, f.observation(session)]);
    queries.count = 0;

    renderWithBedside(
      <>
        <Observations label="Shell" patientId={p.id} sessionId={session.id} />
        <Observations label="Step" patientId={p.id} sessionId={session.id} />
        <Observations label="Panel" patientId={p.id} sessionId={session.id} />
      </>,
      bedside,
    );
    for (const label of ['Shell', 'Step', 'Panel'])
      expect(await screen.findByText(`${label}: 1 observations`)).toBeInTheDocument();
    expect(queries.count).toBe(1);

    await act(() => appendRecord(bedside.db, f.observation(session)));
    for (const label of ['Shell', 'Step', 'Panel'])
      expect(await screen.findByText(`${label}: 2 observations`)).toBeInTheDocument();
    expect(queries.count).toBe(2);
  });

  it('says "not here" for a patient without records, and shows them once they arrive', async () => {
    const bedside = makeBedside();
    databases.push(bedside.db);
    const f = createRecordFactory();
    const p = f.patient();
    renderWithBedside(<Observations label="Row" patientId={p.id} />, bedside);
    expect(await screen.findByText('Row not here')).toBeInTheDocument();
    await act(() => appendRecord(bedside.db, p));
    await waitFor(() => expect(screen.getByText('Row: no session observations')).toBeVisible());
  });

  it('throws a read failure to the error boundary, and a retry reads again', async () => {
    const bedside = makeBedside();
    databases.push(bedside.db);
    const f = createRecordFactory();
    const p = f.patient();
    await appendRecord(bedside.db, p);
    bedside.db.close({ disableAutoOpen: true }); // every read now fails
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const ui = (key: number) => (
      <Boundary key={key}>
        <Observations label="Row" patientId={p.id} />
      </Boundary>
    );
    const view = renderWithBedside(ui(1), bedside);
    expect(await screen.findByRole('alert')).toHaveTextContent(/nothing was saved|cannot/i);
    await bedside.db.open();
    view.rerender(<BedsideProvider value={bedside}>{ui(2)}</BedsideProvider>);
    expect(await screen.findByText('Row: no session observations')).toBeInTheDocument();
    quiet.mockRestore();
  });
});

class Boundary extends Component<{ readonly children: ReactNode }, { error: Error | null }> {
  override state = { error: null as Error | null };
  static getDerivedStateFromError(error: Error) {
    return { error };
  }
  override render() {
    return this.state.error ? <p role="alert">{this.state.error.message}</p> : this.props.children;
  }
}
