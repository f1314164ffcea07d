import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { createRecordFactory } from '../../domain/records/builders.ts';
import { LATEST_SHOWN, ObservationList } from './observation-list.tsx';

function observations(n: number) {
  const f = createRecordFactory();
  const session = f.session(f.course(f.patient()));
  return Array.from({ length: n }, (_, i) => {
    f.at(new Date(Date.UTC(2026, 2, 2, 8, 0) + i * 60_000).toISOString());
    return f.observation(session, { heartRatePerMin: 60 + i });
  });
}

const dataRows = () =>
  within(screen.getByRole('table', { name: 'Observations this session' }))
    .getAllByRole('row')
    .slice(1); // header

describe('ObservationList', () => {
  it('shows every observation of a usual session, latest first', () => {
    render(<ObservationList observations={observations(20)} />);
    expect(dataRows()).toHaveLength(20);
    expect(dataRows()[0]).toHaveTextContent('79');
    expect(screen.queryByRole('button', { name: /Show all/ })).not.toBeInTheDocument();
  });

  it('shows the latest ones of a long list and all of them on request', async () => {
    render(<ObservationList observations={observations(LATEST_SHOWN + 6)} />);
    expect(dataRows()).toHaveLength(LATEST_SHOWN);
    expect(dataRows()[0]).toHaveTextContent(String(60 + LATEST_SHOWN + 5));
    expect(
      screen.getByText(`The latest ${LATEST_SHOWN} of ${LATEST_SHOWN + 6} are shown.`),
    ).toBeVisible();
    await userEvent.click(
      screen.getByRole('button', { name: `Show all ${LATEST_SHOWN + 6} observations` }),
    );
    expect(dataRows()).toHaveLength(LATEST_SHOWN + 6);
    await userEvent.click(
      screen.getByRole('button', { name: `Show the latest ${LATEST_SHOWN} only` }),
    );
    expect(dataRows()).toHaveLength(LATEST_SHOWN);
  });
});
