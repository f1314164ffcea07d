import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sha1 } from './sha1.ts';

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');
const nodeSha1 = (b: Uint8Array) => createHash('sha1').update(b).digest('hex');
const bytesOf = (n: number, seed: number) =>
  Uint8Array.from({ length: n }, (_, i) => (i * 31 + seed) & 0xff);

describe('sha1 (the FIPS 180-4 vectors are in uuid-v5.test.ts)', () => {
  it('matches node:crypto at every padding boundary (55/56/63/64/65 bytes, 2 and 3 blocks)', () => {
    for (const n of [0, 1, 54, 55, 56, 57, 63, 64, 65, 119, 120, 127, 128, 129, 183, 184, 191, 192])
      expect(hex(sha1(bytesOf(n, n))), `${n} bytes`).toBe(nodeSha1(bytesOf(n, n)));
  });

  it('matches node:crypto around the size of its reused scratch buffer (4 KiB)', () => {
    for (const n of [4000, 4023, 4024, 4031, 4032, 4033, 4095, 4096, 4097, 10_000])
      expect(hex(sha1(bytesOf(n, 7))), `${n} bytes`).toBe(nodeSha1(bytesOf(n, 7)));
  });

  it('matches node:crypto on any bytes, in any order of sizes (no state left over between calls)', () => {
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ maxLength: 5000 }), { maxLength: 4 }), (inputs) => {
        for (const b of inputs) expect(hex(sha1(b))).toBe(nodeSha1(b));
      }),
      { numRuns: 200 },
    );
  });

  it('does not change its input', () => {
    const input = bytesOf(100, 3);
    const copy = input.slice();
    sha1(input);
    expect(input).toEqual(copy);
  });
});
