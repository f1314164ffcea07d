// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson, contentHash } from './canonical.ts';

function shuffleKeys(value: unknown, seed: number): unknown {
  if (Array.isArray(value)) return value.map((v) => shuffleKeys(v, seed));
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value);
  const rotated =
    entries.length === 0
      ? entries
      : [...entries.slice(seed % entries.length), ...entries.slice(0, seed % entries.length)];
  return Object.fromEntries(rotated.reverse().map(([k, v]) => [k, shuffleKeys(v, seed)]));
}

describe('canonical JSON', () => {
  it('sorts keys at every level and drops whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: 2 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[2,{"y":2,"z":1}]},"b":1}',
    );
  });

  it('gives the same hash whatever the key order, and round-trips through JSON.parse', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.nat(), (value, seed) => {
        const shuffled = shuffleKeys(value, seed);
        expect(contentHash(shuffled).hash).toBe(contentHash(value).hash);
        expect(canonicalJson(JSON.parse(canonicalJson(value)))).toBe(canonicalJson(value));
      }),
    );
  });

  it('gives a different hash for a different value', () => {
    expect(contentHash({ doseMg: 75 }).hash).not.toBe(contentHash({ doseMg: 75.0001 }).hash);
    expect(contentHash({ doseMg: 75 }).hash).not.toBe(contentHash({ doseMg: '75' }).hash);
    expect(contentHash([1, 2]).hash).not.toBe(contentHash([2, 1]).hash);
  });
});
