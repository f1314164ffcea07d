/**
 * SHA-1 (FIPS 180-4), synchronous and allocation-free, for name-based UUIDs (uuid-v5.ts; RFC
 * 9562 prescribes SHA-1 for v5: not used for security). Written out because the domain is
 * synchronous and dependency-free: Web Crypto's digest is async and node:crypto does not exist
 * in the browser. A center export hashes ~100,000 names, so the hash works in place on a
 * reused scratch buffer and keeps its state in module scratch arrays: the garbage of small
 * typed arrays and DataViews per call dominated the export's time before.
 */

// Scratch state, reused between calls: everything here is synchronous, so never shared.
const W = new Int32Array(80); // message schedule
const H = new Int32Array(5); // hash state
const SCRATCH_MAX = 4096; // larger messages (only ever in tests) get a buffer of their own
let scratch = new Uint8Array(256);

/** A buffer of at least `size` bytes, zero-filled (the padding relies on it). */
export function hashBuffer(size: number): Uint8Array {
  if (size > SCRATCH_MAX) return new Uint8Array(size);
  if (size > scratch.length) scratch = new Uint8Array(SCRATCH_MAX);
  scratch.fill(0, 0, size);
  return scratch;
}

/** Padded length (FIPS 180-4 section 5.1.1) of a message of `length` bytes. */
export const paddedLength = (length: number) => (((length + 8) >> 6) + 1) * 64;

/**
 * SHA-1 of the first `length` bytes of `buf`, into the state read by hashByte. `buf` must be zero from
 * `length` to paddedLength(length): the padding is written into it.
 */
export function digest(buf: Uint8Array, length: number): void {
  const total = paddedLength(length);
  buf[length] = 0x80;
  const bitLength = length * 8;
  const high = Math.floor(bitLength / 2 ** 32);
  const low = bitLength >>> 0;
  buf[total - 8] = high >>> 24;
  buf[total - 7] = high >>> 16;
  buf[total - 6] = high >>> 8;
  buf[total - 5] = high;
  buf[total - 4] = low >>> 24;
  buf[total - 3] = low >>> 16;
  buf[total - 2] = low >>> 8;
  buf[total - 1] = low;
  const w = W;
  let h0 = 0x67452301 | 0;
  let h1 = 0xefcdab89 | 0;
  let h2 = 0x98badcfe | 0;
  let h3 = 0x10325476 | 0;
  let h4 = 0xc3d2e1f0 | 0;
  for (let block = 0; block < total; block += 64) {
    for (let i = 0, j = block; i < 16; i++, j += 4)
      w[i] =
        ((buf[j] ?? 0) << 24) |
        ((buf[j + 1] ?? 0) << 16) |
        ((buf[j + 2] ?? 0) << 8) |
        (buf[j + 3] ?? 0);
    for (let i = 16; i < 80; i++) {
      const x = (w[i - 3] ?? 0) ^ (w[i - 8] ?? 0) ^ (w[i - 14] ?? 0) ^ (w[i - 16] ?? 0);
      w[i] = (x << 1) | (x >>> 31);
    }
    let a = h0;
    let b = h1;
    let c = h2;
    let d = h3;
    let e = h4;
    // Four rounds of 20 steps, each with its own function and constant (FIPS 180-4 4.1.1).
    for (let i = 0; i < 20; i++) {
      const t = (((a << 5) | (a >>> 27)) + ((b & c) | (~b & d)) + e + 0x5a827999 + (w[i] ?? 0)) | 0;
      e = d;
      d = c;
      c = (b << 30) | (b >>> 2);
      b = a;
      a = t;
    }
    for (let i = 20; i < 40; i++) {
      const t = (((a << 5) | (a >>> 27)) + (b ^ c ^ d) + e + 0x6ed9eba1 + (w[i] ?? 0)) | 0;
      e = d;
      d = c;
      c = (b << 30) | (b >>> 2);
      b = a;
      a = t;
    }
    for (let i = 40; i < 60; i++) {
      const t =
        (((a << 5) | (a >>> 27)) + ((b & c) | (b & d) | (c & d)) + e + 0x8f1bbcdc + (w[i] ?? 0)) |
        0;
      e = d;
      d = c;
      c = (b << 30) | (b >>> 2);
      b = a;
      a = t;
    }
    for (let i = 60; i < 80; i++) {
      const t = (((a << 5) | (a >>> 27)) + (b ^ c ^ d) + e + 0xca62c1d6 + (w[i] ?? 0)) | 0;
      e = d;
      d = c;
      c = (b << 30) | (b >>> 2);
      b = a;
      a = t;
    }
    h0 = (h0 + a) | 0;
    h1 = (h1 + b) | 0;
    h2 = (h2 + c) | 0;
    h3 = (h3 + d) | 0;
    h4 = (h4 + e) | 0;
  }
  H[0] = h0;
  H[1] = h1;
  H[2] = h2;
  H[3] = h3;
  H[4] = h4;
}

/** Byte `i` (0-19, big-endian) of the digest in H. */
export const hashByte = (i: number) => ((H[i >> 2] ?? 0) >>> (24 - 8 * (i & 3))) & 0xff;

/** SHA-1 (FIPS 180-4) of `data`: 20 bytes. */
export function sha1(data: Uint8Array): Uint8Array {
  const buf = hashBuffer(paddedLength(data.length));
  buf.set(data);
  digest(buf, data.length);
  return Uint8Array.from({ length: 20 }, (_, i) => hashByte(i));
}
