/**
 * The app's only reader of the real clock and of crypto randomness (domain code takes time
 * and ids as arguments). The app creates one `systemClock()` at start-up and injects it;
 * tests inject `fixedClock()`.
 */
import { createRecordIdGenerator, seededRandomBytes, type RandomBytes } from '../domain/ids.ts';

export type Clock = {
  /** Device time, ms since 1970. */
  readonly nowMs: () => number;
  /** Device time as an ISO 8601 UTC instant with ms, the format records store. */
  readonly nowIso: () => string;
  readonly now: () => Date;
  /** A new UUIDv7 record id, strictly increasing on this device. */
  readonly newRecordId: () => string;
};

function clockFrom(readMs: () => number, random: RandomBytes): Clock {
  const nextId = createRecordIdGenerator(random);
  return {
    nowMs: readMs,
    nowIso: () => new Date(readMs()).toISOString(),
    now: () => new Date(readMs()),
    newRecordId: () => nextId(readMs()),
  };
}

/** The device clock and crypto.getRandomValues. */
export function systemClock(): Clock {
  return clockFrom(
    () => Date.now(),
    (n) => globalThis.crypto.getRandomValues(new Uint8Array(n)),
  );
}

/**
 * A clock for tests: starts at `startIso` and advances `stepMs` each time it is read (0 =
 * frozen); ids come from a seeded stream, so runs repeat exactly.
 */
export function fixedClock(
  startIso = '2026-01-05T08:00:00.000Z',
  stepMs = 0,
  seed = 1,
): Clock & { set: (iso: string) => void } {
  let ms = Date.parse(startIso);
  const read = () => {
    const t = ms;
    ms += stepMs;
    return t;
  };
  return {
    ...clockFrom(read, seededRandomBytes(seed)),
    set: (iso: string) => void (ms = Date.parse(iso)),
  };
}
