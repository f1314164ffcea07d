import { describe, expect, it } from 'vitest';
import { expectOk } from '../result.ts';
import { computeRegistry } from '../registry/index.ts';
import { PATIENT_COLUMNS } from './patient-columns.ts';
import { patientsCsv } from './patients-csv.ts';
import { AS_OF, FORMULA_TEXT, buildCenter, csvObjects, parseCsv } from './test-support.ts';

const { records } = buildCenter();
const csv = expectOk(patientsCsv(records, AS_OF));
const rows = csvObjects(csv);
const row = (n: string) => {
  const r = rows.find((x) => x.patient_number === n);
  if (r === undefined) throw new Error(`no row ${n}`);
  return r;
};

describe('patientsCsv', () => {
  it('has the columns of PATIENT_COLUMNS and the same number of cells in every row', () => {
    const table = parseCsv(csv);
    expect(table[0]).toEqual(PATIENT_COLUMNS.map((c) => c.name));
    for (const r of table) expect(r).toHaveLength(PATIENT_COLUMNS.length);
  });

  it('has one row per real patient with a valid patient record (synthetic and voided left out)', () => {
    expect(rows.map((r) => r.patient_number)).toEqual(['KIT-001', 'KIT-002', 'KIT-003']);
  });

  it('gives the study variables of a per-protocol patient', () => {
    expect(row('KIT-001')).toMatchObject({
      synthetic: '0',
      sex: 'male',
      birth_year: '1970',
      age_first_admin: '55',
      started_here: '1',
      non_oncologic: '1',
      pain_type: 'neuropathic',
      pain_type_md1: 'neuropathic',
      pain_type_md2: 'neuropathic',
      pain_type_ext: '',
      baseline_nrs: '7',
      administrations: '3',
      included: '1',
      exclusion_reasons: '',
      lost_after_first: '0',
      deviating_admins: '0',
      per_protocol: '1',
      improvement_pct: '60',
      favorable: '1',
      discontinued: '0',
      discont_reason: '',
      discont_after: '',
      se_nausea: '1',
      // entered in error: does not count
      se_delirium: '0',
      liver_elevation: '1',
      liver_elevation_on: '2026-03-02',
    });
    expect(row('KIT-001').first_admin_at).toMatch(/^2026-01-05T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
  });

  it('leaves the age empty when only the birth year is known, and flags loss after the test dose', () => {
    expect(row('KIT-002')).toMatchObject({
      birth_year: '1980',
      age_first_admin: '',
      administrations: '1',
      lost_after_first: '1',
      per_protocol: '0',
      favorable: '',
    });
  });

  it('writes the discontinuation with its reason, count and free text guarded against formulas', () => {
    expect(row('KIT-003')).toMatchObject({
      discontinued: '1',
      discont_reason: 'other',
      discont_after: '2',
      discont_text: `'${FORMULA_TEXT}`,
    });
  });

  it('never writes a full birth date, NaN, undefined, null or a decimal comma in a number', () => {
    expect(csv).not.toContain('1970-06-15');
    expect(csv).not.toMatch(/NaN|undefined|null|Infinity/);
    for (const c of PATIENT_COLUMNS.filter(
      (col) => col.type === 'decimal' || col.type === 'integer',
    )) {
      for (const r of rows) expect(r[c.name]).toMatch(/^(-?\d+(\.\d+)?)?$/);
    }
  });

  it('agrees with the registry on who is included and per protocol', () => {
    const report = expectOk(computeRegistry(records, { asOf: AS_OF }));
    expect(rows.filter((r) => r.included === '1').length).toBe(
      report.cohort.filter((r) => r.included).length,
    );
    expect(rows.filter((r) => r.per_protocol === '1').length).toBe(
      report.cohort.filter((r) => r.perProtocol).length,
    );
  });

  it('leaves out records after asOf', () => {
    const early = csvObjects(expectOk(patientsCsv(records, '2026-01-31T00:00:00.000Z')));
    expect(early.map((r) => r.patient_number)).toEqual(['KIT-001']);
    expect(early[0]).toMatchObject({ administrations: '1', liver_elevation: '0' });
  });

  it('exports synthetic patients only when asked, marked as synthetic', () => {
    const all = csvObjects(expectOk(patientsCsv(records, AS_OF, { population: 'all' })));
    expect(all.map((r) => [r.patient_number, r.synthetic])).toEqual([
      ['KIT-001', '0'],
      ['KIT-002', '0'],
      ['KIT-003', '0'],
      ['KIT-004', '1'],
    ]);
    const synthetic = csvObjects(
      expectOk(patientsCsv(records, AS_OF, { population: 'synthetic' })),
    );
    expect(synthetic.map((r) => r.patient_number)).toEqual(['KIT-004']);
  });

  it('refuses a bad asOf or population with a message', () => {
    const bad = patientsCsv(records, '2026-13-01');
    expect(bad.ok ? null : bad.error.code).toBe('invalid-date');
    const pop = patientsCsv(records, AS_OF, { population: 'everyone' as never });
    expect(pop.ok ? null : pop.error.field).toBe('population');
  });

  it('gives the same file whatever the order of the records', () => {
    expect(expectOk(patientsCsv([...records].reverse(), AS_OF))).toBe(csv);
  });
});
