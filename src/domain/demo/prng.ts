/**
 * Deterministic randomness for synthetic data (demo center, benchmarks). Never for anything
 * clinical or for real record ids: the app uses crypto.getRandomValues (src/db/clock.ts).
 * mulberry32 (Tommy Ettinger, public domain): 32-bit state, fast, good enough for fixtures;
 * the same seed always gives the same center, on every engine.
 */
import type { RandomBytes } from '../ids.ts';

/** A source of numbers uniform in [0, 1). */
export type Prng = () => number;

/** mulberry32 from a 32-bit seed (any number; it is truncated to 32 bits). */
export function mulberry32(seed: number): Prng {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Whole number uniform in [lo, hi] (both included). */
export const randInt = (rng: Prng, lo: number, hi: number): number =>
  lo + Math.floor(rng() * (hi - lo + 1));

/** One element, uniformly. `items` must not be empty. */
export const pick = <T>(rng: Prng, items: readonly T[]): T =>
  items[Math.floor(rng() * items.length)] as T;

/** A shuffled copy (Fisher-Yates). */
export function shuffle<T>(rng: Prng, items: readonly T[]): T[] {
  const out = items.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    const t = out[i] as T;
    out[i] = out[j] as T;
    out[j] = t;
  }
  return out;
}

/** Normal(mean, sd) by Box-Muller (one of the pair; fixtures do not need both). */
export function normal(rng: Prng, mean: number, sd: number): number {
  const u = 1 - rng(); // (0, 1]: log(0) avoided
  return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng());
}

/** Synthetic value to one decimal (a fixture's value, not a clinical rounding). */
export const oneDecimal = (x: number): number => Math.round(x * 10) / 10;

/** Random bytes for record ids, drawn from `rng`. */
export const bytesFrom =
  (rng: Prng): RandomBytes =>
  (n) => {
    const out = new Uint8Array(n);
    for (let i = 0; i < n; i++) out[i] = Math.floor(rng() * 256);
    return out;
  };
