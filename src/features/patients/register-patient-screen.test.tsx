import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadDraft } from '../../db/drafts.ts';
import { StorageError } from '../../db/errors.ts';
import type { RecordWriter } from '../../db/record-writer.ts';
import { appendRecords, recordsForPatient, recordsOfKind } from '../../db/records-repo.ts';
import { createRecordFactory } from '../../domain/records/builders.ts';
import { RACEMIC_KETAMINE_V1 } from '../../domain/protocols/racemic-ketamine-v1.ts';
import {
  ANESTHESIOLOGIST,
  makeBedside,
  NURSE,
  renderWithBedside,
} from '../../../tests/support/render-bedside.tsx';
import { RegisterPatientScreen, REGISTER_FORM_ID } from './register-patient-screen.tsx';

type User = ReturnType<typeof userEvent.setup>;

const group = (name: string | RegExp) => screen.getByRole('group', { name });
const pick = (user: User, groupName: string | RegExp, option: string) =>
  user.click(within(group(groupName)).getByRole('radio', { name: option }));

const CRITERIA_ANSWERS: readonly [string, 'Yes' | 'No'][] = [
  ['Is the pain oncologic (cancer-related)?', 'No'],
  ['Has a psychologist evaluated the patient?', 'Yes'],
  ['Did the psychologist find predominant yellow, blue or black flags?', 'No'],
  ['Is there significant psychiatric comorbidity?', 'No'],
  ['Did first-line treatments fail?', 'Yes'],
  ['Did second-line treatments fail?', 'Yes'],
];
const CONTRAINDICATIONS = [
  'Poorly controlled cardiovascular disease',
  'Pregnancy',
  'Active psychosis',
  'Severe liver disease',
  'Raised intracranial or intraocular pressure',
  'Active substance abuse',
];

/** Enters text in one input event (like the tablet keyboard's suggestion), to keep tests fast. */
async function enter(user: User, field: HTMLElement, text: string) {
  await user.click(field);
  await user.paste(text);
}

type FillOptions = {
  readonly number?: string;
  readonly nrs?: string;
  readonly painTypes?: readonly [string, string];
  readonly answers?: Readonly<Record<string, 'Yes' | 'No'>>;
};

/** Fills a complete, eligible registration (options change single answers). */
async function fillRegistration(user: User, o: FillOptions = {}) {
  await enter(user, screen.getByLabelText('Center patient number'), o.number ?? 'KIT-0001');
  await pick(user, 'Sex', 'Female');
  await pick(user, 'What is known of the birth date?', 'Full date of birth known');
  await user.type(screen.getByLabelText('Date of birth'), '1970-05-12');
  await user.selectOptions(screen.getByLabelText('Physician 1'), ANESTHESIOLOGIST.staffId);
  await user.selectOptions(screen.getByLabelText('Physician 2'), '__other__');
  await enter(user, screen.getByLabelText('Staff id of Physician 2'), 'dr-pain');
  const [p1, p2] = o.painTypes ?? ['Neuropathic', 'Neuropathic'];
  await pick(user, 'Pain type according to Physician 1', p1);
  await pick(user, 'Pain type according to Physician 2', p2);
  await user.type(screen.getByLabelText(/Baseline pain score/), o.nrs ?? '7');
  for (const [q, a] of CRITERIA_ANSWERS) await pick(user, q, o.answers?.[q] ?? a);
  for (const c of CONTRAINDICATIONS) await pick(user, c, o.answers?.[c] ?? 'No');
}

const saveButton = () =>
  screen.getByRole('button', {
    name: /Register patient and start course|Record patient as not eligible/,
  });

function setup(actor = NURSE as typeof NURSE | null) {
  const bedside = makeBedside({ actor });
  const onRegistered = vi.fn();
  const onCancel = vi.fn();
  const view = renderWithBedside(
    <RegisterPatientScreen onRegistered={onRegistered} onCancel={onCancel} />,
    bedside,
  );
  return { ...view, bedside, onRegistered, onCancel, user: userEvent.setup({ delay: null }) };
}

afterEach(() => vi.restoreAllMocks());

// A long form: each test fills ~40 controls, slow in jsdom on a busy machine.
describe('RegisterPatientScreen', { timeout: 60_000 }, () => {
  it('registers an eligible patient: patient, screening and course are stored in order', async () => {
    const { user, bedside, onRegistered } = setup();
    await screen.findByLabelText('Center patient number');
    await fillRegistration(user);
    expect(screen.getByText(/The physicians agree: Neuropathic/)).toBeInTheDocument();
    await pick(user, 'Was KIT started at this center?', 'Yes');
    await user.click(saveButton());

    await waitFor(() => expect(onRegistered).toHaveBeenCalledTimes(1));
    const patientId = onRegistered.mock.calls[0]?.[0] as string;
    const records = await recordsForPatient(bedside.db, patientId);
    expect(records.map((r) => r.kind)).toEqual(['patient', 'eligibility-screening', 'course']);
    const [patient, screening, course] = records;
    expect(patient?.id).toBe(patientId);
    expect(patient?.authorStaffId).toBe(NURSE.staffId);
    expect(patient?.protocolKey).toBe('kit-racemic@1.0.0');
    if (patient?.kind !== 'patient') throw new Error('first record is not the patient');
    const { baselineNrsRecordedAt, ...patientPayload } = patient.payload;
    expect(baselineNrsRecordedAt).toMatch(/^2026-03-02T/);
    expect(patientPayload).toEqual({
      centerPatientNumber: 'KIT-0001',
      sex: 'female',
      birthDate: '1970-05-12',
      painTypeOpinions: {
        physician1: { staffId: 'dr-jan', painType: 'neuropathic' },
        physician2: { staffId: 'dr-pain', painType: 'neuropathic' },
      },
      baselineNrs: 7,
      isSynthetic: false,
    });
    expect(screening?.payload).toEqual({
      adult: true,
      nonOncologic: true,
      psychologistCleared: true,
      firstSecondLineFailed: true,
      contraindications: {
        poorlyControlledCardiovascularDisease: false,
        pregnancy: false,
        activePsychosis: false,
        severeLiverDisease: false,
        raisedIntracranialOrIntraocularPressure: false,
        activeSubstanceAbuse: false,
      },
    });
    expect(course?.payload).toEqual({ startedOn: '2026-03-02', startedHere: true });
    expect(await loadDraft(bedside.db, REGISTER_FORM_ID, null)).toBeUndefined();
  });

  it('after a storage error part-way, shows it and a retry writes only what is missing', async () => {
    const bedside = makeBedside();
    let failScreening = true;
    const write: RecordWriter['write'] = (kind, owner, payload, context, options) => {
      if (kind === 'eligibility-screening' && failScreening) {
        failScreening = false;
        return Promise.resolve({ ok: false, error: new StorageError('quota-exceeded') });
      }
      return bedside.writer.write(kind, owner, payload, context, options);
    };
    const onRegistered = vi.fn();
    renderWithBedside(<RegisterPatientScreen onRegistered={onRegistered} onCancel={vi.fn()} />, {
      ...bedside,
      writer: { ...bedside.writer, write },
    });
    const user = userEvent.setup({ delay: null });
    await screen.findByLabelText('Center patient number');
    await fillRegistration(user);
    await pick(user, 'Was KIT started at this center?', 'Yes');
    await user.click(saveButton());

    expect(await screen.findByText(/storage is full, so nothing was saved/)).toBeInTheDocument();
    expect(
      screen.getByText(/Patient KIT-0001 is already saved; the rest was not saved yet/),
    ).toBeInTheDocument();
    expect(screen.getByLabelText('Center patient number')).toBeDisabled();
    expect(onRegistered).not.toHaveBeenCalled();

    await user.click(screen.getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(onRegistered).toHaveBeenCalledTimes(1));
    expect(await recordsOfKind(bedside.db, 'patient')).toHaveLength(1);
    expect(await recordsOfKind(bedside.db, 'eligibility-screening')).toHaveLength(1);
    expect(await recordsOfKind(bedside.db, 'course')).toHaveLength(1);
  });

  it('refuses a number already registered on this tablet (any case) and stores nothing', async () => {
    const bedside = makeBedside();
    const f = createRecordFactory({ protocol: RACEMIC_KETAMINE_V1 });
    const existing = f.patient({ centerPatientNumber: 'KIT-0001' });
    await appendRecords(bedside.db, [existing]);
    const onRegistered = vi.fn();
    renderWithBedside(
      <RegisterPatientScreen onRegistered={onRegistered} onCancel={vi.fn()} />,
      bedside,
    );
    const user = userEvent.setup({ delay: null });
    await screen.findByLabelText('Center patient number');
    await fillRegistration(user, { number: 'kit-0001' });
    await pick(user, 'Was KIT started at this center?', 'Yes');
    await user.click(saveButton());

    expect(
      await screen.findByText(/Patient number kit-0001 is already registered/),
    ).toHaveAttribute('role', 'alert');
    expect(await recordsOfKind(bedside.db, 'patient')).toHaveLength(1);
    expect(await recordsOfKind(bedside.db, 'eligibility-screening')).toHaveLength(0);
    expect(onRegistered).not.toHaveBeenCalled();
  });

  it('refuses a baseline NRS of 11 with the domain message and stores nothing', async () => {
    const { user, bedside, onRegistered } = setup();
    await screen.findByLabelText('Center patient number');
    await fillRegistration(user, { nrs: '11' });
    await pick(user, 'Was KIT started at this center?', 'Yes');
    await user.click(saveButton());

    expect(await screen.findByText(/Pain score 11 is above 10/)).toHaveAttribute('role', 'alert');
    expect(screen.getByLabelText(/Baseline pain score/)).toHaveAttribute('aria-invalid', 'true');
    expect(await bedside.db.records.count()).toBe(0);
    expect(onRegistered).not.toHaveBeenCalled();
  });

  it('refuses a number that is not a pseudonymous code (e.g. a name)', async () => {
    const { user, bedside } = setup();
    await screen.findByLabelText('Center patient number');
    await fillRegistration(user, { number: 'Janssens' });
    await pick(user, 'Was KIT started at this center?', 'Yes');
    await user.click(saveButton());
    expect(await screen.findByText(/Never the patient’s name/)).toBeInTheDocument();
    expect(await bedside.db.records.count()).toBe(0);
  });

  it('requires the external opinion when the two physicians disagree, and keeps all three', async () => {
    const { user, bedside, onRegistered } = setup();
    await screen.findByLabelText('Center patient number');
    expect(screen.queryByLabelText('External physician (decides)')).not.toBeInTheDocument();
    await fillRegistration(user, { painTypes: ['Neuropathic', 'Nociplastic'] });
    expect(screen.getByText(/The two physicians disagree/)).toBeInTheDocument();
    await pick(user, 'Was KIT started at this center?', 'Yes');
    await user.click(saveButton());

    const externalGroup = group('Pain type according to External physician (decides)');
    expect(within(externalGroup).getByRole('alert')).toHaveTextContent('Pick neuropathic');
    expect(await bedside.db.records.count()).toBe(0);

    await user.selectOptions(screen.getByLabelText('External physician (decides)'), '__other__');
    await enter(
      user,
      screen.getByLabelText('Staff id of External physician (decides)'),
      'dr-extern',
    );
    await pick(user, 'Pain type according to External physician (decides)', 'Nociplastic');
    expect(screen.getByText(/Decided by the external physician: Nociplastic/)).toBeInTheDocument();
    await user.click(saveButton());

    await waitFor(() => expect(onRegistered).toHaveBeenCalled());
    const [patient] = await recordsOfKind(bedside.db, 'patient');
    expect(patient?.payload.painTypeOpinions).toEqual({
      physician1: { staffId: 'dr-jan', painType: 'neuropathic' },
      physician2: { staffId: 'dr-pain', painType: 'nociplastic' },
      external: { staffId: 'dr-extern', painType: 'nociplastic' },
    });
  });

  it('requires an anesthesiologist decision for a contraindication answered "yes"', async () => {
    const { user, bedside, onRegistered } = setup();
    await screen.findByLabelText('Center patient number');
    await fillRegistration(user, { answers: { 'Severe liver disease': 'Yes' } });
    expect(screen.getByText(/A relative contraindication is present/)).toBeInTheDocument();
    await user.click(saveButton());

    expect(await screen.findByText('Choose the anesthesiologist who decided.')).toBeInTheDocument();
    expect(screen.getByText('Record whether KIT may go ahead.')).toBeInTheDocument();
    expect(screen.getByText(/Write the reason for the decision/)).toBeInTheDocument();
    expect(await bedside.db.records.count()).toBe(0);

    // Only anesthesiologists can be picked as the decider.
    const decider = screen.getByLabelText('Deciding anesthesiologist');
    expect(within(decider).queryByRole('option', { name: /An Peeters/ })).not.toBeInTheDocument();
    await user.selectOptions(decider, ANESTHESIOLOGIST.staffId);
    await pick(user, 'May KIT go ahead?', 'Yes');
    await enter(
      user,
      screen.getByLabelText('Reason for the decision'),
      'Liver tests stable for 2 years, hepatologist agrees.',
    );
    await pick(user, 'Was KIT started at this center?', 'No');
    await user.click(saveButton());

    await waitFor(() => expect(onRegistered).toHaveBeenCalled());
    const [screening] = await recordsOfKind(bedside.db, 'eligibility-screening');
    expect(screening?.payload.contraindications.severeLiverDisease).toBe(true);
    expect(screening?.payload.anesthesiologistDecision).toEqual({
      staffId: 'dr-jan',
      proceed: true,
      reason: 'Liver tests stable for 2 years, hepatologist agrees.',
    });
    const [course] = await recordsOfKind(bedside.db, 'course');
    expect(course?.payload.startedHere).toBe(false);
  });

  it('records a not-eligible patient and the screening, but starts no course', async () => {
    const { user, bedside, onRegistered } = setup();
    await screen.findByLabelText('Center patient number');
    await fillRegistration(user, { answers: { 'Is the pain oncologic (cancer-related)?': 'Yes' } });
    expect(screen.getByText('Oncologic pain is excluded from KIT.')).toBeInTheDocument();
    expect(
      screen.queryByRole('group', { name: 'Was KIT started at this center?' }),
    ).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Record patient as not eligible' }));

    await waitFor(() => expect(onRegistered).toHaveBeenCalled());
    const records = await recordsForPatient(bedside.db, onRegistered.mock.calls[0]?.[0] as string);
    expect(records.map((r) => r.kind)).toEqual(['patient', 'eligibility-screening']);
    expect(records[1]?.payload).toMatchObject({ nonOncologic: false });
  });

  it('asks for the full birth date when a birth year cannot prove the patient is an adult', async () => {
    const { user, bedside } = setup();
    await screen.findByLabelText('Center patient number');
    await fillRegistration(user);
    await pick(user, 'What is known of the birth date?', 'Only the birth year known');
    await user.type(screen.getByLabelText('Birth year'), '2008');
    await user.click(saveButton());
    expect(await screen.findByText(/Enter the full date of birth/)).toBeInTheDocument();
    expect(await bedside.db.records.count()).toBe(0);
  });

  it('keeps everything typed as a draft: unmount and render again restores it', async () => {
    const first = setup();
    await screen.findByLabelText('Center patient number');
    await first.user.type(screen.getByLabelText('Center patient number'), 'KIT-0042');
    await pick(first.user, 'Sex', 'Male');
    await first.user.selectOptions(screen.getByLabelText('Physician 1'), ANESTHESIOLOGIST.staffId);
    await first.user.type(screen.getByLabelText(/Baseline pain score/), '8');
    await pick(first.user, 'Severe liver disease', 'Yes');
    await first.user.type(screen.getByLabelText('Reason for the decision'), 'Half-written reason');
    first.unmount();

    renderWithBedside(
      <RegisterPatientScreen onRegistered={vi.fn()} onCancel={vi.fn()} />,
      first.bedside,
    );
    expect(await screen.findByLabelText('Center patient number')).toHaveValue('KIT-0042');
    expect(screen.getByText('The unsaved registration was restored.')).toBeInTheDocument();
    expect(within(group('Sex')).getByRole('radio', { name: 'Male' })).toBeChecked();
    expect(screen.getByLabelText('Physician 1')).toHaveValue(ANESTHESIOLOGIST.staffId);
    expect(screen.getByLabelText(/Baseline pain score/)).toHaveValue('8');
    expect(within(group('Severe liver disease')).getByRole('radio', { name: 'Yes' })).toBeChecked();
    expect(screen.getByLabelText('Reason for the decision')).toHaveValue('Half-written reason');
    expect(await first.bedside.db.records.count()).toBe(0);
  });

  it('cancel discards the draft', async () => {
    const { user, bedside, onCancel } = setup();
    await screen.findByLabelText('Center patient number');
    await user.type(screen.getByLabelText('Center patient number'), 'KIT-9');
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(onCancel).toHaveBeenCalled());
    await waitFor(async () =>
      expect(await loadDraft(bedside.db, REGISTER_FORM_ID, null)).toBeUndefined(),
    );
  });

  it('without someone recording, says so and saves nothing', async () => {
    const { user, bedside, onRegistered } = setup(null);
    await screen.findByLabelText('Center patient number');
    expect(screen.getByRole('alert')).toHaveTextContent(/Nobody is signed in/);
    await fillRegistration(user);
    await pick(user, 'Was KIT started at this center?', 'Yes');
    expect(saveButton()).toBeDisabled();
    await user.click(saveButton());
    expect(await bedside.db.records.count()).toBe(0);
    expect(onRegistered).not.toHaveBeenCalled();
  });
});
