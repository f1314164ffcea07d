/**
 * Test fixture for the export tests (only imported by *.test.ts): a small center built with
 * the real record builders (records/builders.ts), with the cases exports must get right.
 *
 * - KIT-001 real, full birth date 1970-06-15: test dose, two full doses, 60 % improvement,
 *   nausea + ondansetron, an elevated GGT (the paper's 39 U/L, ULN 36), a corrected weight,
 *   an observation entered in error, a side effect entered in error.
 * - KIT-002 real, birth year 1980: test dose only (lost after the first administration).
 * - KIT-003 real: two administrations, discontinued "other" with a formula-like free text.
 * - KIT-004 synthetic: one administration.
 * - KIT-005 real, its patient record entered in error: never exported.
 */
import type { ClinicalRecord } from '../records/registry.ts';
import { createRecordFactory } from '../records/builders.ts';

export const FORMULA_TEXT = '=cmd|\' /C calc\'!A0, "moved abroad"';
export const AS_OF = '2026-12-31T00:00:00.000Z';
export const GENERATED_AT = '2026-12-31T12:00:00.000Z';

export function buildCenter() {
  const f = createRecordFactory({ seed: 7, startAt: '2026-01-05T08:00:00.000Z' });
  const records: ClinicalRecord[] = [];
  const add = (...rs: readonly ClinicalRecord[]) => {
    records.push(...rs);
    return rs;
  };

  // KIT-001
  f.at('2026-01-05T08:00:00.000Z');
  const a = f.patient({
    centerPatientNumber: 'KIT-001',
    sex: 'male',
    birthYear: undefined,
    birthDate: '1970-06-15',
    isSynthetic: false,
  });
  const aCourse = f.course(a);
  add(a, f.eligibility(a), aCourse);
  add(...f.completedSession(aCourse, { sessionNumber: 1 }).records);
  f.at('2026-02-02T08:00:00.000Z');
  const a2 = f.completedSession(aCourse, { sessionNumber: 2 });
  add(...a2.records);
  const nausea = f.sideEffect(a2.session, { effect: 'nausea' });
  const zofran = f.drugGiven(a2.session, { sideEffectRecordId: nausea.id });
  const wrongEffect = f.sideEffect(a2.session, { effect: 'delirium', severity: 'severe' });
  add(nausea, zofran, wrongEffect, f.enteredInError(wrongEffect, 'Wrong patient selected.'));
  f.at('2026-03-02T07:00:00.000Z');
  add(f.outcomeAnswer(a, { painImprovementPercent: 60, decision: 'continue' }));
  const a3 = f.completedSession(aCourse, { sessionNumber: 3 });
  add(...a3.records);
  const weight3 = a3.records.find((r) => r.kind === 'weight');
  if (weight3?.kind !== 'weight') throw new Error('fixture: no weight');
  const weightFix = f.correction(weight3, { weightKg: 71.5 }, 'Scale read wrongly.');
  const obs3 = a3.records.find((r) => r.kind === 'observation');
  if (obs3 === undefined) throw new Error('fixture: no observation');
  const obsVoid = f.enteredInError(obs3, 'Typed into the wrong session.');
  add(weightFix, obsVoid);
  add(f.liverTest(a, { ggtUPerL: 39, ggtUlnUPerL: 36, labName: 'AZ lab' }));

  // KIT-002
  f.at('2026-04-06T08:00:00.000Z');
  const b = f.patient({
    centerPatientNumber: 'KIT-002',
    sex: 'female',
    birthYear: 1980,
    isSynthetic: false,
  });
  const bCourse = f.course(b);
  add(b, f.eligibility(b), bCourse);
  add(...f.completedSession(bCourse, { sessionNumber: 1 }).records);

  // KIT-003
  f.at('2026-05-04T08:00:00.000Z');
  const c = f.patient({ centerPatientNumber: 'KIT-003', birthYear: 1960, isSynthetic: false });
  const cCourse = f.course(c);
  add(c, f.eligibility(c), cCourse);
  add(...f.completedSession(cCourse, { sessionNumber: 1 }).records);
  f.at('2026-06-01T08:00:00.000Z');
  add(...f.completedSession(cCourse, { sessionNumber: 2 }).records);
  add(
    f.courseStatus(cCourse, {
      status: 'discontinued',
      reason: 'other',
      reasonText: FORMULA_TEXT,
      afterAdministrations: 2,
    }),
  );

  // KIT-004 synthetic
  f.at('2026-07-06T08:00:00.000Z');
  const d = f.patient({ centerPatientNumber: 'KIT-004', isSynthetic: true });
  const dCourse = f.course(d);
  add(d, f.eligibility(d), dCourse);
  add(...f.completedSession(dCourse, { sessionNumber: 1 }).records);

  // KIT-005 voided
  f.at('2026-08-03T08:00:00.000Z');
  const e = f.patient({ centerPatientNumber: 'KIT-005', isSynthetic: false });
  const eCourse = f.course(e);
  add(e, eCourse, f.enteredInError(e, 'Duplicate patient.'));

  return {
    f,
    records,
    ids: {
      a,
      b,
      c,
      d,
      e,
      aCourse,
      a2,
      a3,
      nausea,
      zofran,
      wrongEffect,
      weight3,
      weightFix,
      obs3,
      obsVoid,
    },
  };
}

/**
 * A small, independent RFC 4180 reader (section 2 grammar): fields separated by ',', records
 * by CRLF, a field in double quotes may hold ',', CR, LF and '""' for '"'. Used to read back
 * what csv.ts writes. The final CRLF ends the last record (no empty record after it).
 */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
      } else if (c === '"') {
        quoted = false;
        i += 1;
      } else {
        field += c;
        i += 1;
      }
    } else if (c === '"' && field === '') {
      quoted = true;
      i += 1;
    } else if (c === ',') {
      row.push(field);
      field = '';
      i += 1;
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += 2;
    } else {
      if (c === '"' || c === '\r' || c === '\n')
        throw new Error(`bare ${JSON.stringify(c)} at ${i}: not RFC 4180`);
      field += c;
      i += 1;
    }
  }
  if (field !== '' || row.length > 0) throw new Error('the last record has no CRLF');
  return rows;
}

/** Parsed CSV as objects keyed by the header. */
export function csvObjects(text: string): Record<string, string>[] {
  const [header = [], ...rows] = parseCsv(text);
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
}
