/**
 * Assertions shared by the domain tests. Not a test file itself (vitest runs *.test.ts only).
 */
import { expect } from 'vitest';

const numbersIn = (text: string) => text.match(/\d+(\.\d+)?/g) ?? [];

/**
 * A text a Dutch screen shows instead of `message`: really Dutch (not the English copied) and
 * carrying the same numbers in the same order, so no value, limit or unit count is lost in
 * translation.
 */
export function expectDutchTwin(
  texts: { readonly message: string; readonly messageNl: string },
  label: string = texts.message,
): void {
  expect(texts.messageNl, label).not.toBe(texts.message);
  expect(texts.messageNl.length, label).toBeGreaterThan(20);
  expect(numbersIn(texts.messageNl), label).toEqual(numbersIn(texts.message));
}
