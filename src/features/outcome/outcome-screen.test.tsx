import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { KitDatabase } from '../../db/database.ts';
import { appendRecords, recordsForPatient, recordsForSession } from '../../db/records-repo.ts';
import type { ClinicalRecord, PayloadOf, RecordOfKind } from '../../domain/records.ts';
import { createRecordFactory } from '../../domain/records/builders.ts';
import { usePreferences } from '../../ui/preferences.ts';
import { makeBedside, renderWithBedside } from '../../../tests/support/render-bedside.tsx';
import { OutcomeScreen } from './outcome-screen.tsx';

/** Patient KIT-0042: session 1 (75 mg, tolerated) and session 2 (150 mg) both discharged. */
async function seed(
  db: KitDatabase,
  o: { sessionNumber?: 1 | 2; answer?: Partial<PayloadOf<'outcome-answer'>> } = {},
) {
  const f = createRecordFactory({ startAt: '2026-01-05T07:00:00.000Z', authorStaffId: 'nurse-an' });
  const patient = f.patient({ centerPatientNumber: 'KIT-0042' });
  const course = f.course(patient, { startedOn: '2026-01-05' });
  const first = f.completedSession(course, { sessionNumber: 1 });
  f.at('2026-02-02T07:00:00.000Z');
  const second = f.completedSession(course, { sessionNumber: 2 });
  const records: ClinicalRecord[] = [patient, course, ...first.records, ...second.records];
  if (o.answer) records.push(f.outcomeAnswer(second.session, o.answer));
  const stored = await appendRecords(db, records);
  if (!stored.ok) throw new Error(stored.error.message);
  const session = o.sessionNumber === 1 ? first.session : second.session;
  return { patientId: patient.id, sessionId: session.id, courseId: course.id };
}

async function setup(o: Parameters<typeof seed>[1] = {}) {
  const bedside = makeBedside({ startIso: '2026-02-02T13:00:00.000Z' });
  const seeded = await seed(bedside.db, o);
  const onDone = vi.fn();
  renderWithBedside(
    <OutcomeScreen patientId={seeded.patientId} sessionId={seeded.sessionId} onDone={onDone} />,
    bedside,
  );
  await screen.findByRole('heading', { level: 1 });
  return { ...seeded, bedside, onDone, user: userEvent.setup() };
}

const ofKind = <K extends ClinicalRecord['kind']>(records: readonly ClinicalRecord[], kind: K) =>
  records.filter((r): r is RecordOfKind<K> => r.kind === kind);

type User = ReturnType<typeof userEvent.setup>;
const pick = async (user: User, legend: string, name: string) =>
  user.click(within(screen.getByRole('group', { name: legend })).getByRole('radio', { name }));
const improvement = () => screen.getByLabelText(/^Pain improvement/);
const save = (user: User) => user.click(screen.getByRole('button', { name: 'Save the answer' }));

afterEach(() => usePreferences.setState({ locale: 'en' }));

describe('OutcomeScreen', () => {
  it('stores 60 % and continue, and shows it as favorable under the registry definition', async () => {
    const { user, bedside, sessionId, patientId, onDone } = await setup();
    await user.type(improvement(), '60');
    await pick(user, 'Does therapy continue?', 'Continue therapy');
    expect(screen.getByTestId('favorable')).toHaveTextContent(
      'Favorable under the registry definition.',
    );
    expect(
      screen.getByRole('heading', { name: 'Favorable outcome (registry definition)' }),
    ).toBeInTheDocument();
    await save(user);
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    const [answer] = ofKind(await recordsForSession(bedside.db, sessionId), 'outcome-answer');
    expect(answer?.payload).toEqual({ painImprovementPercent: 60, decision: 'continue' });
    expect(answer?.authorStaffId).toBe('nurse-an');
    expect(ofKind(await recordsForPatient(bedside.db, patientId), 'course-status')).toHaveLength(0);
    expect(await screen.findByRole('heading', { name: 'Answer recorded' })).toBeInTheDocument();
    expect(screen.getByTestId('favorable')).toHaveTextContent(
      'Favorable under the registry definition.',
    );
  });

  it('accepts a decimal comma and calls 60 % stopped for lack of effect not favorable', async () => {
    const { user } = await setup();
    await user.type(improvement(), '60,5');
    await pick(user, 'Does therapy continue?', 'Stop therapy (discontinue)');
    await pick(user, 'Why does therapy stop?', 'Lack of effect');
    expect(screen.getByTestId('favorable')).toHaveTextContent(
      'Not favorable under the registry definition.',
    );
  });

  it('requires the reason to discontinue, and stores nothing without it', async () => {
    const { user, bedside, sessionId, patientId, onDone } = await setup();
    await user.type(improvement(), '20');
    await pick(user, 'Does therapy continue?', 'Stop therapy (discontinue)');
    await save(user);
    expect(screen.getByRole('alert')).toHaveTextContent(
      'Pick why therapy stopped: lack of effect, disturbing side effects, or other.',
    );
    expect(ofKind(await recordsForSession(bedside.db, sessionId), 'outcome-answer')).toHaveLength(
      0,
    );
    expect(ofKind(await recordsForPatient(bedside.db, patientId), 'course-status')).toHaveLength(0);
    expect(onDone).not.toHaveBeenCalled();
  });

  it('requires text for "other", then stores the answer and the discontinued course with its count', async () => {
    const { user, bedside, sessionId, patientId, courseId, onDone } = await setup();
    await user.type(improvement(), '20');
    await pick(user, 'Does therapy continue?', 'Stop therapy (discontinue)');
    await pick(user, 'Why does therapy stop?', 'Other');
    expect(screen.getByLabelText(/^Stopped after how many administrations/)).toHaveValue('2');
    await save(user);
    expect(screen.getByRole('alert')).toHaveTextContent(
      'Describe the other reason therapy stopped.',
    );
    expect(ofKind(await recordsForSession(bedside.db, sessionId), 'outcome-answer')).toHaveLength(
      0,
    );

    await user.type(screen.getByLabelText('Describe the reason'), 'Moving abroad');
    await save(user);
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    const [answer] = ofKind(await recordsForSession(bedside.db, sessionId), 'outcome-answer');
    expect(answer?.payload).toEqual({
      painImprovementPercent: 20,
      decision: 'discontinue',
      discontinuationReason: 'other',
      reasonText: 'Moving abroad',
    });
    const [status] = ofKind(await recordsForPatient(bedside.db, patientId), 'course-status');
    expect(status?.sessionId).toBeNull();
    expect(status?.payload).toEqual({
      courseId,
      status: 'discontinued',
      reason: 'other',
      reasonText: 'Moving abroad',
      afterAdministrations: 2,
    });
  });

  it('refuses an improvement above 100 % with the domain message, and records "worse" as 0 %', async () => {
    const { user, bedside, sessionId } = await setup();
    await user.type(improvement(), '120');
    await pick(user, 'Does therapy continue?', 'Continue therapy');
    await save(user);
    expect(screen.getByRole('alert')).toHaveTextContent(
      'Pain improvement 120 % is more than 100 %.',
    );
    expect(ofKind(await recordsForSession(bedside.db, sessionId), 'outcome-answer')).toHaveLength(
      0,
    );

    await user.click(screen.getByRole('checkbox', { name: /The pain is worse/ }));
    expect(improvement()).toHaveValue('0');
    expect(screen.getByTestId('favorable')).toHaveTextContent('Not favorable');
    await save(user);
    await waitFor(async () =>
      expect(
        ofKind(await recordsForSession(bedside.db, sessionId), 'outcome-answer')[0]?.payload,
      ).toEqual({
        painImprovementPercent: 0,
        decision: 'continue',
      }),
    );
  });

  it('asks nothing at session 1 (test dose)', async () => {
    const { user, onDone } = await setup({ sessionNumber: 1 });
    expect(screen.getByText(/Outcome questions are asked from session 2 on/)).toBeInTheDocument();
    expect(screen.queryByLabelText(/^Pain improvement/)).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    expect(onDone).toHaveBeenCalled();
  });

  it('offers to record the discontinued course when an answer stops therapy but the course is still active', async () => {
    const { user, bedside, patientId } = await setup({
      answer: {
        painImprovementPercent: 10,
        decision: 'discontinue',
        discontinuationReason: 'side-effects',
      },
    });
    expect(screen.getByRole('alert')).toHaveTextContent(
      'the course is not yet recorded as discontinued',
    );
    await user.click(screen.getByRole('button', { name: 'Record the course as discontinued' }));
    await waitFor(async () =>
      expect(ofKind(await recordsForPatient(bedside.db, patientId), 'course-status')).toHaveLength(
        1,
      ),
    );
    expect(await screen.findByText('The course is recorded as discontinued.')).toBeInTheDocument();
  });

  it('shows the Dutch screen', async () => {
    usePreferences.setState({ locale: 'nl-BE' });
    await setup();
    expect(screen.getByRole('heading', { name: 'Uitkomstvragen' })).toBeInTheDocument();
    expect(screen.getByRole('group', { name: 'Gaat de therapie verder?' })).toBeInTheDocument();
  });
});
