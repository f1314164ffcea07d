import { describe, expect, it } from 'vitest';
import { expectOk } from '../result.ts';
import { codebookCsv } from './codebook.ts';
import { COLUMN_TYPES, VARIABLE_NAME } from './columns.ts';
import { PATIENT_COLUMNS } from './patient-columns.ts';
import { patientsCsv } from './patients-csv.ts';
import { SESSION_COLUMNS } from './session-columns.ts';
import { sessionsCsv } from './sessions-csv.ts';
import { AS_OF, buildCenter, csvObjects, parseCsv } from './test-support.ts';

const book = csvObjects(codebookCsv());
const { records } = buildCenter();

/** UCUM codes the files use (protocol.md section 9, plus 'a' = year and {annotations}). */
const UCUM_USED = [
  '',
  'a',
  'min',
  'mg',
  'mL',
  'kg',
  'mg/h',
  'mL/h',
  'mg/kg/h',
  '%',
  '{score}',
  '{administrations}',
];

describe('codebookCsv', () => {
  it('has the header variable, label, type, unit, allowed values (and the file)', () => {
    expect(parseCsv(codebookCsv())[0]).toEqual([
      'file',
      'variable',
      'label',
      'type',
      'unit',
      'allowed_values',
    ]);
  });

  it.each([
    ['patients.csv', () => parseCsv(expectOk(patientsCsv(records, AS_OF)))[0]],
    ['sessions.csv', () => parseCsv(expectOk(sessionsCsv(records)))[0]],
  ])('describes every column of %s, in order', (file, header) => {
    expect(book.filter((r) => r.file === file).map((r) => r.variable)).toEqual(header());
  });

  it('names each variable once per file with a name every statistics package accepts', () => {
    for (const cols of [PATIENT_COLUMNS, SESSION_COLUMNS]) {
      const names = cols.map((c) => c.name);
      expect(new Set(names).size).toBe(names.length);
      for (const n of names) expect(n).toMatch(VARIABLE_NAME);
    }
  });

  it('gives every variable a label, a known type, a UCUM unit and its allowed values', () => {
    expect(book).toHaveLength(PATIENT_COLUMNS.length + SESSION_COLUMNS.length);
    for (const r of book) {
      expect(r.label?.length).toBeGreaterThan(5);
      expect(COLUMN_TYPES).toContain(r.type);
      expect(UCUM_USED).toContain(r.unit);
      expect(r.allowed_values?.length).toBeGreaterThan(0);
    }
  });

  it('gives the units of the clinical numbers', () => {
    const unit = (file: string, v: string) =>
      book.find((r) => r.file === file && r.variable === v)?.unit;
    expect(unit('sessions.csv', 'ketamine_mg')).toBe('mg');
    expect(unit('sessions.csv', 'ketamine_pump_ml_h')).toBe('mL/h');
    expect(unit('sessions.csv', 'propofol_mg_kg_h')).toBe('mg/kg/h');
    expect(unit('sessions.csv', 'weight_kg')).toBe('kg');
    expect(unit('patients.csv', 'improvement_pct')).toBe('%');
    expect(unit('patients.csv', 'age_first_admin')).toBe('a');
  });

  it('lists the codes of code variables', () => {
    const allowed = (v: string) => book.find((r) => r.variable === v)?.allowed_values ?? '';
    expect(allowed('discont_reason')).toContain('lack-of-effect; side-effects; other');
    expect(allowed('pain_type')).toContain('neuropathic; nociceptive; nociplastic');
    expect(allowed('sex')).toBe('female; male; other; unknown');
  });
});
