/**
 * Record ids: UUIDv7 (RFC 9562, section 5.7), created on the device that writes the record, so
 * records can be made offline on any tablet without collisions, and ids sort by creation time
 * (48-bit Unix milliseconds first). Pure: time and randomness come in as arguments; the app's
 * clock module (src/db/clock.ts) is the only place that reads the real clock and crypto.
 *
 * Layout: unix_ts_ms (48) | ver=7 (4) | rand_a (12) | var=0b10 (2) | rand_b (62).
 */

/** Returns `n` random bytes (crypto.getRandomValues in the app, a seeded stream in tests). */
export type RandomBytes = (n: number) => Uint8Array;

const MAX_MS = 2 ** 48;
const hex = (n: number, width: number) => n.toString(16).padStart(width, '0');

function checkMs(nowMs: number): void {
  // A programming error (the clock module passes Date.now()), not clinical input: throw.
  if (!Number.isSafeInteger(nowMs) || nowMs < 0 || nowMs >= MAX_MS) {
    throw new RangeError(`UUIDv7 needs whole milliseconds since 1970 below 2^48, got ${nowMs}`);
  }
}

function bytes(random: RandomBytes, n: number): Uint8Array {
  const b = random(n);
  if (!(b instanceof Uint8Array) || b.length < n)
    throw new RangeError(`random(${n}) must return ${n} bytes`);
  return b;
}

/** Formats the fields: `randA` is 12 bits; `randB` holds at least 8 bytes (62 bits used). */
function format(ms: number, randA: number, randB: Uint8Array): string {
  const b = Array.from(randB.subarray(0, 8));
  b[0] = ((b[0] ?? 0) & 0x3f) | 0x80; // variant 0b10
  const tail = b.map((x) => hex(x, 2)).join('');
  const t = hex(ms, 12);
  return `${t.slice(0, 8)}-${t.slice(8, 12)}-7${hex(randA & 0xfff, 3)}-${tail.slice(0, 4)}-${tail.slice(4, 16)}`;
}

/**
 * A UUIDv7 for `nowMs` (whole ms since 1970-01-01T00:00:00Z, 0 <= nowMs < 2^48) with 74
 * random bits from `random`. Deterministic for given inputs. Ids of different milliseconds
 * sort by time; within one millisecond their order is random (use `createRecordIdGenerator`
 * when a device writes several records per millisecond and their order matters).
 * Throws RangeError on an invalid `nowMs` or short random output (programming errors).
 */
export function newRecordId(nowMs: number, random: RandomBytes): string {
  checkMs(nowMs);
  const r = bytes(random, 10);
  return format(nowMs, ((r[8] ?? 0) << 4) | ((r[9] ?? 0) >> 4), r.subarray(0, 8));
}

/**
 * Monotonic id source for one device (RFC 9562 section 6.2, method 1: rand_a is a 12-bit
 * counter seeded randomly, with its top bit clear, at each new millisecond). Every id is
 * greater than the previous one from the same generator, also within one millisecond and
 * when the device clock steps back (the last timestamp is kept until the clock passes it;
 * on counter overflow the timestamp advances by 1 ms).
 */
export function createRecordIdGenerator(random: RandomBytes): (nowMs: number) => string {
  let lastMs = -1;
  let counter = 0;
  return (nowMs: number) => {
    checkMs(nowMs);
    const r = bytes(random, 10);
    const seed = (((r[8] ?? 0) << 4) | ((r[9] ?? 0) >> 4)) & 0x7ff;
    if (nowMs > lastMs) {
      lastMs = nowMs;
      counter = seed;
    } else if (counter < 0xfff) {
      counter += 1;
    } else {
      lastMs += 1;
      checkMs(lastMs);
      counter = seed;
    }
    return format(lastMs, counter, r.subarray(0, 8));
  };
}

/** Unix milliseconds encoded in a UUIDv7 (for diagnostics; records carry their own times). */
export function recordIdTimeMs(id: string): number {
  return parseInt(id.slice(0, 8) + id.slice(9, 13), 16);
}

/**
 * A deterministic byte stream for tests and fixtures (mulberry32). Never for real ids:
 * the app uses crypto.getRandomValues (src/db/clock.ts).
 */
export function seededRandomBytes(seed: number): RandomBytes {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
  return (n: number) => Uint8Array.from({ length: n }, () => next() & 0xff);
}
