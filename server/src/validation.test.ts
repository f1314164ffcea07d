// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RACEMIC_KETAMINE_V1 } from '../../src/domain/protocols/racemic-ketamine-v1.ts';
import {
  completedSessionRecords,
  makeRecord,
  makeSignOff,
  tabletFactory,
} from './test-support/records.ts';
import { MAX_RECORD_DEPTH, validateIncomingRecord } from './validation.ts';

describe('validateIncomingRecord', () => {
  it('accepts every kind of record a tablet writes, the deepest (settings with protocols) included', () => {
    const records = [
      ...completedSessionRecords('device-1'),
      makeSignOff('device-1', 'dr-anesth'),
      tabletFactory('device-1').settingsVersion(undefined, [RACEMIC_KETAMINE_V1]),
      tabletFactory('device-1').staffMember(),
    ];
    for (const record of records) {
      const result = validateIncomingRecord(JSON.parse(JSON.stringify(record)));
      expect(result.ok, result.ok ? '' : result.reason).toBe(true);
    }
  });

  it('names the field path of the first problem, and the record in the reason', () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ id: 'not-a-uuid' }, 'id'],
      [{ clinicalTime: '2026-11-25 10:40' }, 'clinicalTime'],
      [{ clinicalTime: '2026-02-30T10:40:00.000Z' }, 'clinicalTime'],
      [{ schemaVersion: 0 }, 'schemaVersion'],
      [{ payload: [] }, 'payload'],
      [{ doseMl: 3 }, 'doseMl'],
    ];
    for (const [override, field] of cases) {
      const record = makeRecord('device-1', override);
      const result = validateIncomingRecord(record);
      expect(result.ok, field).toBe(false);
      if (!result.ok) {
        expect(result.field).toBe(field);
        expect(result.reason).toContain(field);
        if (field !== 'id') expect(result.reason).toContain(record.id);
      }
    }
  });

  it('refuses nesting deeper than the limit before the schema walks it, at the exact boundary', () => {
    const nest = (depth: number): unknown => (depth === 0 ? 1 : { n: nest(depth - 1) });
    // The record is level 0 and payload level 1, so payload may hold MAX_RECORD_DEPTH - 1 more levels.
    const atLimit = validateIncomingRecord(
      makeRecord('d', { payload: nest(MAX_RECORD_DEPTH - 1) }),
    );
    expect(!atLimit.ok && atLimit.reason).not.toMatch(/nested/); // refused by the schema, not the guard
    const tooDeep = validateIncomingRecord(makeRecord('d', { payload: nest(MAX_RECORD_DEPTH) }));
    expect(tooDeep.ok).toBe(false);
    if (!tooDeep.ok) {
      expect(tooDeep.field).toBe(`payload${'.n'.repeat(MAX_RECORD_DEPTH - 1)}`);
      expect(tooDeep.reason).toMatch(/nested/);
    }
  });

  it('never throws, whatever it is given', () => {
    fc.assert(
      fc.property(fc.anything(), (value) => {
        expect(typeof validateIncomingRecord(value).ok).toBe('boolean');
      }),
    );
  });
});
