import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { format } from 'date-fns';
import { describe, expect, it } from 'vitest';
import { recordsForSession } from '../../db/records-repo.ts';
import type { KitDatabase } from '../../db/database.ts';
import { makeBedside, renderWithBedside } from '../../../tests/support/render-bedside.tsx';
import { seedSession } from '../../../tests/support/seed-session.ts';
import { InfusionScreen } from './infusion-screen.tsx';

const T = (hhmm: string) => `2026-03-02T${hhmm}:00.000Z`;
/** The wall-clock time a nurse would type for an instant, in the runner's time zone. */
const wall = (iso: string) => format(new Date(iso), 'HH:mm');

const drugs = async (db: KitDatabase, sessionId: string) =>
  (await recordsForSession(db, sessionId)).filter((r) => r.kind === 'drug-given');

async function setup() {
  const bedside = makeBedside({ startIso: T('08:00') });
  // Session record at 07:02 (the factory's third record from 07:00); infusion started 07:50.
  const seeded = await seedSession(bedside.db, {
    then: (f, s) => [f.at(T('07:50')).infusionEvent(s, 'start')],
  });
  renderWithBedside(
    <InfusionScreen
      patientId={seeded.patientId}
      sessionId={seeded.sessionId}
      onStopped={() => {}}
    />,
    bedside,
  );
  await screen.findByRole('button', { name: 'Save drug given' });
  return { bedside, seeded };
}

const saveDrug = () => userEvent.click(screen.getByRole('button', { name: 'Save drug given' }));

describe('DrugGivenForm', () => {
  it('records midazolam 2,5 mg IV (decimal comma) ordered by the anesthesiologist, given by who records', async () => {
    const { bedside, seeded } = await setup();
    await userEvent.click(screen.getByRole('radio', { name: 'Midazolam' }));
    await userEvent.type(screen.getByLabelText(/^Dose/), '2,5');
    await userEvent.selectOptions(screen.getByLabelText('Ordered by'), 'Dr. Jan Vermeulen');
    expect(screen.getByLabelText('Given by')).toHaveValue('nurse-an');
    await saveDrug();
    await waitFor(async () => expect(await drugs(bedside.db, seeded.sessionId)).toHaveLength(1));
    const [d] = await drugs(bedside.db, seeded.sessionId);
    expect(d?.payload).toEqual({
      drug: 'midazolam',
      drugName: 'Midazolam',
      doseMg: 2.5,
      route: 'IV',
      orderedByStaffId: 'dr-jan',
      givenByStaffId: 'nurse-an',
    });
    expect(Date.parse(d!.clinicalTime)).toBeGreaterThanOrEqual(Date.parse(T('08:00')));
    expect(
      await screen.findByRole('table', { name: 'Extra drugs this session' }),
    ).toHaveTextContent(/Midazolam.*2\.5\smg.*IV.*Dr\. Jan Vermeulen.*An Peeters/);
  });

  it('back-dates to a typed time, not before the session start and not in the future', async () => {
    const { bedside, seeded } = await setup();
    await userEvent.click(screen.getByRole('radio', { name: 'Other' }));
    await userEvent.type(screen.getByLabelText(/^Dose/), '4');
    await userEvent.click(screen.getByRole('radio', { name: 'PO' }));
    await userEvent.selectOptions(screen.getByLabelText('Ordered by'), 'Dr. Jan Vermeulen');
    const time = screen.getByLabelText('Time given');
    await userEvent.type(time, wall(T('06:50')));
    await saveDrug();
    expect(screen.getByText('Type the name of the drug as on the ampoule.')).toBeInTheDocument();
    expect(screen.getByText(/is before this session started/)).toBeInTheDocument();
    await userEvent.clear(time);
    await userEvent.type(time, wall(T('08:30')));
    await userEvent.type(screen.getByLabelText('Name of the drug'), 'Paracetamol 500 mg tablet');
    await saveDrug();
    expect(screen.getByText(/is later than now/)).toBeInTheDocument();
    expect(await drugs(bedside.db, seeded.sessionId)).toHaveLength(0);
    await userEvent.clear(time);
    await userEvent.type(time, wall(T('07:40')));
    await saveDrug();
    await waitFor(async () => expect(await drugs(bedside.db, seeded.sessionId)).toHaveLength(1));
    const [d] = await drugs(bedside.db, seeded.sessionId);
    expect(d?.clinicalTime).toBe(T('07:40'));
    expect(d?.payload).toMatchObject({
      drug: 'other',
      drugName: 'Paracetamol 500 mg tablet',
      doseMg: 4,
      route: 'PO',
    });
  });

  it('refuses a dose that is not a number or zero, and a missing prescriber', async () => {
    const { bedside, seeded } = await setup();
    await userEvent.click(screen.getByRole('radio', { name: 'Ondansetron' }));
    await userEvent.type(screen.getByLabelText(/^Dose/), '4mg');
    await saveDrug();
    expect(screen.getByText(/Dose "4mg" is not a number/)).toBeInTheDocument();
    expect(
      screen.getByText('Choose who ordered the drug (usually the anesthesiologist).'),
    ).toBeInTheDocument();
    await userEvent.clear(screen.getByLabelText(/^Dose/));
    await userEvent.type(screen.getByLabelText(/^Dose/), '0');
    await saveDrug();
    expect(screen.getByText('Dose must be more than 0 mg.')).toBeInTheDocument();
    expect(await drugs(bedside.db, seeded.sessionId)).toHaveLength(0);
  });
});
