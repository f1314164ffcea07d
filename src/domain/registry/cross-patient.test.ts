import { describe, expect, it } from 'vitest';
import { createRecordFactory } from '../records/builders.ts';
import type { ClinicalRecord } from '../records.ts';
import { crossPatientDependencies } from './cross-patient.ts';

const f = createRecordFactory();
const anna = f.patient({ centerPatientNumber: 'KIT-0001' });
const bert = f.patient({ centerPatientNumber: 'KIT-0002' });
const annaCourse = f.course(anna);
const here = new Map<string, ClinicalRecord>([
  [anna.id, anna],
  [bert.id, bert],
  [annaCourse.id, annaCourse],
]);
const named = (id: string) => here.get(id);

describe('crossPatientDependencies', () => {
  it('ignores markers and corrections within one patient', () => {
    const marker = f.enteredInError(annaCourse);
    const correction = f.correction(anna, { baselineNrs: 9 });
    expect(crossPatientDependencies([marker, correction], named).size).toBe(0);
  });

  it('ties both patients to a marker filed under another patient, with what they need', () => {
    const marker = { ...f.enteredInError(annaCourse), patientId: bert.patientId };
    const deps = crossPatientDependencies([marker], named);
    expect(deps.get(anna.patientId ?? '')).toEqual({
      key: `${marker.id}>${anna.patientId}`,
      records: [marker, annaCourse],
    });
    expect(deps.get(bert.patientId ?? '')).toEqual(deps.get(anna.patientId ?? ''));
  });

  it('changes the key when the named record arrives', () => {
    const marker = { ...f.enteredInError(annaCourse), patientId: bert.patientId };
    const before = crossPatientDependencies([marker], () => undefined);
    expect(before.get(bert.patientId ?? '')).toEqual({ key: `${marker.id}>?`, records: [marker] });
    expect(before.has(anna.patientId ?? '')).toBe(false);
    const after = crossPatientDependencies([marker], named);
    expect(after.get(bert.patientId ?? '')?.key).not.toBe(before.get(bert.patientId ?? '')?.key);
  });

  it('gives a key independent of the order of the references', () => {
    const one = { ...f.correction(anna, { baselineNrs: 7 }), patientId: bert.patientId };
    const two = { ...f.enteredInError(annaCourse), patientId: bert.patientId };
    const forward = crossPatientDependencies([one, two], named).get(bert.patientId ?? '')?.key;
    const backward = crossPatientDependencies([two, one], named).get(bert.patientId ?? '')?.key;
    expect(forward).toBe(backward);
    expect(forward?.split(' ')).toHaveLength(2);
  });
});
