/**
 * Writes a registration in order: the patient record (its own id is the patientId), the
 * eligibility screening, and the course when the patient is eligible. Each write is its own
 * transaction (record + outbox), so an interruption can leave the first ones stored: the ids
 * already written are reported through `onProgress` (and kept in the draft) so that a retry
 * writes only what is missing and never registers the patient twice.
 */
import { listPatients } from '../../db/patient-index.ts';
import type { KitDatabase } from '../../db/database.ts';
import type { WriteResult } from '../../db/errors.ts';
import type { RecordWriter, WriteContext } from '../../db/record-writer.ts';
import type { RegistrationPayloads } from './register-check.ts';
import type { RegisterForm } from './register-form.ts';

type Saved = RegisterForm['saved'];

/** True when a patient with this number (case-insensitive) is already on this tablet. */
export async function isDuplicateNumber(db: KitDatabase, number: string): Promise<boolean> {
  const wanted = number.trim().toLowerCase();
  const found = await listPatients(db, { search: wanted });
  return found.some((p) => p.centerPatientNumber.toLowerCase() === wanted);
}

export async function writeRegistration(input: {
  readonly writer: RecordWriter;
  readonly context: WriteContext;
  readonly payloads: RegistrationPayloads;
  readonly saved: Saved;
  readonly onProgress: (saved: Saved) => void;
}): Promise<WriteResult<string>> {
  const { writer, context, payloads } = input;
  let saved = input.saved;
  let patientId = saved.patientId;
  if (patientId === null) {
    const r = await writer.write(
      'patient',
      { patientId: null, sessionId: null },
      payloads.patient,
      context,
      {
        selfOwned: 'patient',
      },
    );
    if (!r.ok) return r;
    patientId = r.value.id;
    saved = { ...saved, patientId };
    input.onProgress(saved);
  }
  const owner = { patientId, sessionId: null };
  if (saved.screeningId === null) {
    const r = await writer.write('eligibility-screening', owner, payloads.screening, context);
    if (!r.ok) return r;
    saved = { ...saved, screeningId: r.value.id };
    input.onProgress(saved);
  }
  if (payloads.course !== null) {
    const r = await writer.write('course', owner, payloads.course, context);
    if (!r.ok) return r;
  }
  return { ok: true, value: patientId };
}
