import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRecordFactory } from '../records/builders.ts';
import type { ClinicalRecord } from '../records.ts';
import { effectiveRecords } from './effective.ts';

function setup() {
  const f = createRecordFactory();
  const patient = f.patient();
  const course = f.course(patient);
  const session = f.session(course);
  const weight = f.weight(session, { weightKg: 7 });
  return { f, patient, course, session, weight };
}
const ids = (rs: readonly ClinicalRecord[]) => rs.map((r) => r.id);

describe('effectiveRecords', () => {
  it('keeps everything when nothing is corrected, ordered by clinical time', () => {
    const { patient, course, session, weight } = setup();
    const view = effectiveRecords([weight, session, course, patient]);
    expect(ids(view.records)).toEqual(ids([patient, course, session, weight]));
    expect(view.conflicts).toEqual([]);
  });

  it('a correction replaces the record; history keeps both, oldest first', () => {
    const { f, session, weight } = setup();
    const fixed = f.correction(weight, { weightKg: 70 }, 'Typed 7 for 70.');
    const view = effectiveRecords([session, fixed, weight]);
    expect(ids(view.records)).toEqual([session.id, fixed.id]);
    expect(view.isEffective(weight.id)).toBe(false);
    expect(ids(view.historyOf(weight.id))).toEqual([weight.id, fixed.id]);
    expect(ids(view.historyOf(fixed.id))).toEqual([weight.id, fixed.id]);
  });

  it('a chain of corrections leaves only the last one', () => {
    const { f, weight } = setup();
    const b = f.correction(weight, { weightKg: 71 });
    const c = f.correction(b, { weightKg: 70 });
    const view = effectiveRecords([c, weight, b]);
    expect(ids(view.records)).toEqual([c.id]);
    expect(ids(view.historyOf(b.id))).toEqual([weight.id, b.id, c.id]);
  });

  it('two corrections of one record: both kept, the original dropped, a conflict for review', () => {
    const { f, weight } = setup();
    const onTabletA = f.correction(weight, { weightKg: 70 });
    const onTabletB = f.correction(weight, { weightKg: 71 });
    const view = effectiveRecords([weight, onTabletA, onTabletB]);
    expect(ids(view.records)).toEqual([onTabletA.id, onTabletB.id]);
    expect(view.conflicts).toEqual([
      expect.objectContaining({
        reason: 'competing-corrections',
        recordId: weight.id,
        correctionIds: [onTabletA.id, onTabletB.id],
        sessionId: weight.sessionId,
      }),
    ]);
    expect(ids(view.historyOf(weight.id))).toEqual([weight.id, onTabletA.id, onTabletB.id]);
  });

  it('a "correction" of another kind is not applied and is flagged', () => {
    const { f, session, weight } = setup();
    const vitals = f.baselineVitals(
      session,
      {},
      { supersedes: { recordId: weight.id, reason: 'wrong form' } },
    );
    const view = effectiveRecords([weight, vitals]);
    expect(ids(view.records)).toEqual([weight.id, vitals.id]);
    expect(view.conflicts).toEqual([
      expect.objectContaining({ reason: 'invalid-correction', recordId: weight.id }),
    ]);
  });

  it('entered in error voids the record and its corrections; the marker is history, not a fact', () => {
    const { f, session, weight } = setup();
    const fixed = f.correction(weight, { weightKg: 70 });
    const marker = f.enteredInError(weight, 'Weighed the wrong patient.');
    const view = effectiveRecords([session, weight, fixed, marker]);
    expect(ids(view.records)).toEqual([session.id]);
    expect(ids(view.historyOf(fixed.id))).toEqual([weight.id, fixed.id, marker.id]);
  });

  it('voiding only the correction brings the original back', () => {
    const { f, weight } = setup();
    const fixed = f.correction(weight, { weightKg: 7 });
    const marker = f.enteredInError(fixed, 'This correction was itself a typo.');
    expect(ids(effectiveRecords([weight, fixed, marker]).records)).toEqual([weight.id]);
  });

  it('a marker can be withdrawn by a marker on the marker', () => {
    const { f, weight } = setup();
    const marker = f.enteredInError(weight);
    const undo = f.enteredInError(marker, 'Marked in error by mistake.');
    const view = effectiveRecords([weight, marker, undo]);
    expect(ids(view.records)).toEqual([weight.id]);
    expect(ids(view.historyOf(weight.id))).toEqual([weight.id, marker.id, undo.id]);
  });

  it('does not depend on input order and ignores duplicate ids', () => {
    const { f, session, weight } = setup();
    const fixed = f.correction(weight, { weightKg: 70 });
    const other = f.correction(weight, { weightKg: 71 });
    const marker = f.enteredInError(other);
    const all = [session, weight, fixed, other, marker];
    const expected = effectiveRecords(all);
    fc.assert(
      fc.property(
        fc.shuffledSubarray([...all, ...all], { minLength: 10, maxLength: 10 }),
        (shuffled) => {
          const view = effectiveRecords(shuffled);
          expect(ids(view.records)).toEqual(ids(expected.records));
          expect(view.conflicts).toEqual(expected.conflicts);
        },
      ),
    );
    expect(ids(expected.records)).toEqual([session.id, fixed.id]);
  });

  it('a correction whose target is not here yet (sync order) still counts', () => {
    const { f, weight } = setup();
    const fixed = f.correction(weight, { weightKg: 70 });
    expect(ids(effectiveRecords([fixed]).records)).toEqual([fixed.id]);
    expect(effectiveRecords([]).historyOf(weight.id)).toEqual([]);
  });
});
