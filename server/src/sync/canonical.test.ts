// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  canonicalJson,
  canonicalText,
  isCanonicallyOrdered,
  withSortedKeys,
} from '../../../src/sync/canonical-json.ts';
import { contentHash } from './canonical.ts';

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

  it('takes the native fast path only when the text is the same as the canonical one', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.nat(), (value, seed) => {
        const shuffled = shuffleKeys(value, seed);
        expect(canonicalText(shuffled)).toBe(canonicalJson(value));
        const sorted = withSortedKeys(shuffled);
        expect(canonicalText(sorted)).toBe(canonicalJson(value));
        if (isCanonicallyOrdered(sorted)) expect(JSON.stringify(sorted)).toBe(canonicalJson(value));
      }),
    );
    // Keys that look like integers are enumerated first whatever the insertion order, so
    // {"10", "9"} cannot be sent in order: the check says so and the slow path runs.
    const integerKeys = withSortedKeys({ '9': 1, '10': 2 });
    expect(isCanonicallyOrdered(integerKeys)).toBe(false);
    expect(canonicalText(integerKeys)).toBe('{"10":2,"9":1}');
    expect(isCanonicallyOrdered({ a: 1, b: { c: [1, { d: 2, e: 3 }] } })).toBe(true);
    expect(isCanonicallyOrdered({ b: 1, a: 2 })).toBe(false);
    expect(isCanonicallyOrdered({ a: 1, b: [{ e: 1, d: 2 }] })).toBe(false);
    expect(isCanonicallyOrdered({ a: undefined })).toBe(false);
  });
});
