import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { createRecordFactory } from '../../domain/records/builders.ts';
import { DEFAULT_CENTER_SETTINGS } from '../../domain/settings.ts';
import { BASELINE_VITALS, recordedObservation } from '../../domain/test-support.ts';
import { usePreferences } from '../../ui/preferences.ts';
import { LATEST_SHOWN, ObservationList } from './observation-list.tsx';

const T = DEFAULT_CENTER_SETTINGS.thresholds;

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
    render(
      <ObservationList observations={observations(20)} baseline={BASELINE_VITALS} thresholds={T} />,
    );
    expect(dataRows()).toHaveLength(20);
    expect(dataRows()[0]).toHaveTextContent('79');
    expect(screen.queryByRole('button', { name: /Show all/ })).not.toBeInTheDocument();
  });

  it('shows the latest ones of a long list and all of them on request', async () => {
    render(
      <ObservationList
        observations={observations(LATEST_SHOWN + 6)}
        baseline={BASELINE_VITALS}
        thresholds={T}
      />,
    );
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

describe('ObservationList in Dutch', () => {
  afterEach(() => usePreferences.setState({ locale: 'en' }));

  /** An observation of 185 mmHg systolic with the findings the vitals form stores for it. */
  function flagged() {
    const f = createRecordFactory();
    const session = f.session(f.course(f.patient()));
    return f.observation(
      session,
      recordedObservation({ ...BASELINE_VITALS, systolicMmHg: 185 }, 0),
    );
  }

  it('shows recorded findings in Dutch when assessing again gives exactly the recorded ones', () => {
    usePreferences.setState({ locale: 'nl-BE' });
    render(
      <ObservationList observations={[flagged()]} baseline={BASELINE_VITALS} thresholds={T} />,
    );
    const table = screen.getByRole('table', { name: 'Observaties deze sessie' });
    expect(table).toHaveTextContent(
      'Systolische bloeddruk 185 mmHg is hoger dan 180 mmHg (dringend).',
    );
    expect(table).not.toHaveTextContent('Systolic');
  });

  it('keeps the recorded English words when the baseline has changed since', () => {
    usePreferences.setState({ locale: 'nl-BE' });
    const corrected = { ...BASELINE_VITALS, systolicMmHg: 160 };
    render(<ObservationList observations={[flagged()]} baseline={corrected} thresholds={T} />);
    const table = screen.getByRole('table', { name: 'Observaties deze sessie' });
    expect(table).toHaveTextContent('Systolic blood pressure 185 mmHg is above 180 mmHg (urgent).');
    expect(table).not.toHaveTextContent('Systolische');
  });
});
