import { describe, expect, it } from 'vitest';
import { expectOk } from '../result.ts';
import { SESSION_COLUMNS } from './session-columns.ts';
import { sessionsCsv } from './sessions-csv.ts';
import { buildCenter, csvObjects, parseCsv } from './test-support.ts';

const { records } = buildCenter();
const csv = expectOk(sessionsCsv(records));
const rows = csvObjects(csv);
const session = (n: string, s: string) => {
  const r = rows.find((x) => x.patient_number === n && x.session_number === s);
  if (r === undefined) throw new Error(`no row ${n}/${s}`);
  return r;
};

describe('sessionsCsv', () => {
  it('has the columns of SESSION_COLUMNS and one row per session of real patients', () => {
    const table = parseCsv(csv);
    expect(table[0]).toEqual(SESSION_COLUMNS.map((c) => c.name));
    for (const r of table) expect(r).toHaveLength(SESSION_COLUMNS.length);
    expect(rows.map((r) => `${r.patient_number}/${r.session_number}`)).toEqual([
      'KIT-001/1',
      'KIT-001/2',
      'KIT-001/3',
      'KIT-002/1',
      'KIT-003/1',
      'KIT-003/2',
    ]);
  });

  it('gives the test dose and full dose plans, pump rates and delivered totals, unrounded', () => {
    expect(session('KIT-001', '1')).toMatchObject({
      protocol_key: 'kit-racemic@1.0.0',
      settings_version: '1',
      ketamine_mg: '75',
      ketamine_expected_mg: '75',
      ketamine_mg_h: '18.75',
      ketamine_pump_ml_h: '12.5',
      propofol_mg_kg_h: '1',
      propofol_mg_h: '70',
      propofol_pump_ml_h: '7',
      weight_kg: '70',
      deviation: '0',
      tolerated: '1',
      ketamine_given_mg: '75',
      propofol_given_mg: '280',
      propofol_given_ml: '28',
      infusion_status: 'stopped',
      completed: '1',
    });
    expect(session('KIT-001', '2')).toMatchObject({
      ketamine_mg: '150',
      ketamine_mg_h: '37.5',
      ketamine_given_mg: '150',
    });
  });

  it('lists side effects and extra drugs, leaving out what was entered in error', () => {
    expect(session('KIT-001', '2')).toMatchObject({
      side_effects: 'nausea',
      extra_drugs: 'ondansetron',
      extra_drug_details: 'ondansetron 4 mg IV',
    });
    expect(session('KIT-001', '1')).toMatchObject({ side_effects: '', extra_drugs: '' });
  });

  it('counts observations that count (one of session 3 was entered in error)', () => {
    expect(session('KIT-001', '1').observations).toBe('3');
    expect(session('KIT-001', '3').observations).toBe('2');
  });

  it('writes ISO 8601 dates and instants', () => {
    const r = session('KIT-001', '1');
    expect(r.session_date).toBe('2026-01-05');
    for (const k of ['infusion_start', 'infusion_stop', 'discharged_at'])
      expect(r[k]).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    // No pauses: running time = stop - start (the builder's session runs 4 h + 3 min).
    expect(Number(r.running_min)).toBe(
      (Date.parse(r.infusion_stop as string) - Date.parse(r.infusion_start as string)) / 60_000,
    );
    expect(Number(r.running_min)).toBeGreaterThanOrEqual(240);
  });

  it('never writes NaN, undefined or null', () => {
    expect(csv).not.toMatch(/NaN|undefined|null|Infinity/);
  });

  it('includes synthetic sessions only when asked', () => {
    const synthetic = csvObjects(expectOk(sessionsCsv(records, { population: 'synthetic' })));
    expect(synthetic.map((r) => [r.patient_number, r.synthetic])).toEqual([['KIT-004', '1']]);
  });
});
