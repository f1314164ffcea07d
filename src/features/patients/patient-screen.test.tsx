import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { appendRecords, recordsForSession, recordsOfKind } from '../../db/records-repo.ts';
import { createRecordFactory } from '../../domain/records/builders.ts';
import type { ClinicalRecord } from '../../domain/records.ts';
import { RACEMIC_KETAMINE_V1 } from '../../domain/protocols/racemic-ketamine-v1.ts';
import { DEFAULT_CENTER_SETTINGS } from '../../domain/settings.ts';
import { usePreferences } from '../../ui/preferences.ts';
import { makeBedside, NURSE, renderWithBedside } from '../../../tests/support/render-bedside.tsx';
import { PatientScreen } from './patient-screen.tsx';

// The bedside clock starts 2026-03-02T08:00Z: "today" is 2 March 2026.
type Seed = (f: ReturnType<typeof createRecordFactory>) => ClinicalRecord[];

async function setup(seed: Seed, options: { actor?: typeof NURSE | null; startAt?: string } = {}) {
  const bedside = makeBedside({ actor: options.actor === undefined ? NURSE : options.actor });
  const f = createRecordFactory({ startAt: options.startAt ?? '2026-02-16T08:00:00.000Z' });
  const records = seed(f);
  const stored = await appendRecords(bedside.db, records);
  if (!stored.ok) throw new Error(stored.error.message);
  const patientId = records[0]?.patientId as string;
  const onOpenSession = vi.fn();
  const onBack = vi.fn();
  renderWithBedside(
    <PatientScreen patientId={patientId} onOpenSession={onOpenSession} onBack={onBack} />,
    bedside,
  );
  await screen.findByRole('heading', { name: /Patient KIT-/ });
  return {
    bedside,
    patientId,
    records,
    onOpenSession,
    onBack,
    user: userEvent.setup({ delay: null }),
  };
}

/** Registered, eligible, course started on the first record's day; no session yet. */
const newPatient: Seed = (f) => {
  const patient = f.patient({ centerPatientNumber: 'KIT-0001' });
  return [patient, f.eligibility(patient), f.course(patient)];
};

/** Session 1 given on 16 February and well tolerated. */
const afterSession1: Seed = (f) => {
  const [patient, screening, course] = newPatient(f) as [
    ClinicalRecord,
    ClinicalRecord,
    ClinicalRecord & { kind: 'course' },
  ];
  return [patient, screening, course, ...f.completedSession(course, { sessionNumber: 1 }).records];
};

describe('PatientScreen', () => {
  it('shows the facts and starts session 1 with snapshots of the settings and protocol in force', async () => {
    const { bedside, patientId, onOpenSession, user } = await setup(newPatient);
    const facts = screen.getByRole('region', { name: 'Patient details' });
    expect(within(facts).getByText('Female')).toBeInTheDocument();
    expect(within(facts).getByText('born 1970')).toBeInTheDocument();
    expect(within(facts).getByText('Neuropathic')).toBeInTheDocument();
    expect(within(facts).getByRole('list', { name: 'Opinions' })).toHaveTextContent(
      'Physician 1: dr-a — Neuropathic',
    );
    expect(within(facts).getByText('Eligible')).toBeInTheDocument();
    expect(within(facts).getByText('7 / 10')).toBeInTheDocument();
    expect(screen.getByRole('status', { name: 'Expected dose for session 1' })).toHaveTextContent(
      'Expected dose for session 1: 75 mg (test dose)',
    );
    expect(
      screen.getByText(/No liver test recorded yet; first one due by 16 August 2026/),
    ).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Start session 1' }));
    await waitFor(() => expect(onOpenSession).toHaveBeenCalledTimes(1));
    const sessionId = onOpenSession.mock.calls[0]?.[0] as string;
    const [session, ...rest] = await recordsForSession(bedside.db, sessionId);
    expect(rest).toHaveLength(0);
    expect(session?.kind).toBe('session');
    if (session?.kind !== 'session') return;
    expect(session.id).toBe(sessionId);
    expect(session.sessionId).toBe(sessionId);
    expect(session.patientId).toBe(patientId);
    expect(session.authorStaffId).toBe(NURSE.staffId);
    expect(session.protocolKey).toBe('kit-racemic@1.0.0');
    expect(session.settingsVersion).toBe(DEFAULT_CENTER_SETTINGS.version);
    const [course] = await recordsOfKind(bedside.db, 'course');
    expect(session.payload.courseId).toBe(course?.id);
    expect(session.payload.sessionNumber).toBe(1);
    expect(session.payload.settingsSnapshot).toEqual(DEFAULT_CENTER_SETTINGS);
    expect(session.payload.protocolSnapshot).toEqual(RACEMIC_KETAMINE_V1);
  });

  it('after a tolerated test dose: session 2 at 150 mg, proposed date +28 days, warns under 21 days', async () => {
    await setup(afterSession1);
    expect(screen.getByRole('status', { name: 'Expected dose for session 2' })).toHaveTextContent(
      '150 mg (full dose)Session 2: full dose of 150 mg (session 1 was well tolerated).',
    );
    expect(screen.getByText(/Last session 16 February 2026/)).toHaveTextContent(
      'Proposed date (suggestion): 16 March 2026',
    );
    expect(
      screen.getByText(/Today is only 14 days after the last session \(warning below 21 days\)/),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Start session 2' })).toBeEnabled();

    const table = screen.getByRole('table', { name: 'Sessions' });
    const row = within(table)
      .getByRole('button', { name: 'Open session 1' })
      .closest('tr') as HTMLElement;
    expect(row).toHaveTextContent('75 mg');
    expect(row).toHaveTextContent('16 February 2026');
    expect(within(row).getAllByRole('cell')[3]).toHaveTextContent('Yes');
  });

  it('says why the next dose is what it is in Dutch on a Dutch screen', async () => {
    await setup(afterSession1);
    await act(() => usePreferences.setState({ locale: 'nl-BE' }));
    try {
      expect(
        screen.getByRole('status', { name: 'Verwachte dosis voor sessie 2' }),
      ).toHaveTextContent('Sessie 2: volle dosis van 150 mg (sessie 1 werd goed verdragen).');
    } finally {
      await act(() => usePreferences.setState({ locale: 'en' }));
    }
  });

  it('opens a session from the list and offers to continue one not yet discharged', async () => {
    const { onOpenSession, user, records } = await setup((f) => {
      const [patient, screening, course] = newPatient(f) as [
        ClinicalRecord,
        ClinicalRecord,
        ClinicalRecord & { kind: 'course' },
      ];
      return [
        patient,
        screening,
        course,
        ...f.completedSession(course, { tolerated: null }).records,
      ];
    });
    const sessionId = records.find((r) => r.kind === 'session')?.id;
    expect(screen.queryByRole('button', { name: /Start session/ })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Continue session 1' }));
    expect(onOpenSession).toHaveBeenLastCalledWith(sessionId);
    await user.click(screen.getByRole('button', { name: 'Open session 1' }));
    expect(onOpenSession).toHaveBeenCalledTimes(2);
  });

  it('records a discontinuation with its reason and the prefilled number of administrations', async () => {
    const { bedside, user } = await setup(afterSession1);
    const form = screen.getByRole('form', { name: 'Change course status' });
    await user.click(within(form).getByRole('radio', { name: 'Discontinued' }));
    expect(within(form).getByLabelText(/After how many administrations/)).toHaveValue('1');

    // "Other" needs its description: refused, nothing stored.
    await user.click(within(form).getByRole('radio', { name: 'Other' }));
    await user.click(within(form).getByRole('button', { name: 'Record status change' }));
    expect(
      await within(form).findByText('Describe the other reason therapy stopped.'),
    ).toHaveAttribute('role', 'alert');
    expect(await recordsOfKind(bedside.db, 'course-status')).toHaveLength(0);

    await user.click(within(form).getByRole('radio', { name: 'Lack of effect' }));
    await user.click(within(form).getByRole('button', { name: 'Record status change' }));
    expect(await within(form).findByText(/Saved on this tablet/)).toBeInTheDocument();
    const [status] = await recordsOfKind(bedside.db, 'course-status');
    const [course] = await recordsOfKind(bedside.db, 'course');
    expect(status?.payload).toEqual({
      courseId: course?.id,
      status: 'discontinued',
      reason: 'lack-of-effect',
      afterAdministrations: 1,
    });
    expect(status?.authorStaffId).toBe(NURSE.staffId);
    expect(
      await screen.findByText(/The course is Discontinued: set it back to active/),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Start session 2' })).toBeDisabled();
  });

  it('refuses to record the status the course already has', async () => {
    const { bedside, user } = await setup(newPatient);
    const form = screen.getByRole('form', { name: 'Change course status' });
    await user.click(within(form).getByRole('radio', { name: 'Active' }));
    await user.click(within(form).getByRole('button', { name: 'Record status change' }));
    expect(
      within(form).getByText('The course is already Active. Choose another status.'),
    ).toBeInTheDocument();
    expect(await recordsOfKind(bedside.db, 'course-status')).toHaveLength(0);
  });

  it('shows overdue liver tests plainly', async () => {
    await setup((f) => {
      const patient = f.patient({ centerPatientNumber: 'KIT-0003' });
      return [patient, f.eligibility(patient), f.course(patient, { startedOn: '2025-06-01' })];
    });
    expect(screen.getByRole('alert')).toHaveTextContent(
      /Liver tests OVERDUE since 1 December 2025/,
    );
  });

  it('a patient who was not eligible has no course and no session can be started', async () => {
    await setup((f) => {
      const patient = f.patient({ centerPatientNumber: 'KIT-0004' });
      return [patient, f.eligibility(patient, { nonOncologic: false })];
    });
    expect(screen.getByText('Not eligible: oncologic pain')).toBeInTheDocument();
    expect(screen.getByText(/No course of KIT was started/)).toBeInTheDocument();
    expect(
      screen.getByText('No session can be started: there is no course of KIT.'),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Start session 1' })).toBeDisabled();
  });

  it('without someone recording: a clear message, and nothing can be started or recorded', async () => {
    const { bedside, user } = await setup(newPatient, { actor: null });
    expect(screen.getAllByRole('alert')[0]).toHaveTextContent(/Nobody is signed in/);
    const start = screen.getByRole('button', { name: 'Start session 1' });
    expect(start).toBeDisabled();
    await user.click(start);
    const form = screen.getByRole('form', { name: 'Change course status' });
    await user.click(within(form).getByRole('radio', { name: 'Paused' }));
    expect(within(form).getByRole('button', { name: 'Record status change' })).toBeDisabled();
    expect(await recordsOfKind(bedside.db, 'session')).toHaveLength(0);
    expect(await recordsOfKind(bedside.db, 'course-status')).toHaveLength(0);
  });

  it('opens the history & follow-up when the app offers it', async () => {
    const bedside = makeBedside();
    const f = createRecordFactory({ startAt: '2026-02-16T08:00:00.000Z' });
    const records = newPatient(f);
    const stored = await appendRecords(bedside.db, records);
    if (!stored.ok) throw new Error(stored.error.message);
    const onOpenHistory = vi.fn();
    const props = {
      patientId: records[0]?.patientId as string,
      onOpenSession: vi.fn(),
      onBack: vi.fn(),
    };
    const { unmount } = renderWithBedside(<PatientScreen {...props} />, bedside);
    await screen.findByRole('heading', { name: /Patient KIT-/ });
    expect(screen.queryByRole('button', { name: /History & follow-up/ })).toBeNull();
    unmount();
    renderWithBedside(<PatientScreen {...props} onOpenHistory={onOpenHistory} />, bedside);
    await userEvent.click(await screen.findByRole('button', { name: /History & follow-up/ }));
    expect(onOpenHistory).toHaveBeenCalledTimes(1);
  });

  it('says so when the patient is not on this tablet', async () => {
    const bedside = makeBedside();
    const onBack = vi.fn();
    renderWithBedside(
      <PatientScreen
        patientId="019c0000-0000-7000-8000-000000000000"
        onOpenSession={vi.fn()}
        onBack={onBack}
      />,
      bedside,
    );
    expect(await screen.findByText('This patient is not on this tablet.')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: /Back to patients/ }));
    expect(onBack).toHaveBeenCalled();
  });
});
