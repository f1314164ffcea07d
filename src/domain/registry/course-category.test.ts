import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { courseCategoryOf } from './course-category.ts';
import { COURSE_CATEGORIES } from './types.ts';

describe('courseCategoryOf (paper: 6 after the first full dose, 8 after three, 31 continued)', () => {
  it('discontinued after 2 administrations (test dose + first full dose)', () => {
    expect(courseCategoryOf(2, 2)).toBe('discontinued-after-first-full-dose');
    // A status record that says fewer than 2 still falls in the earliest category.
    expect(courseCategoryOf(2, 1)).toBe('discontinued-after-first-full-dose');
  });
  it('discontinued after exactly 3', () => {
    expect(courseCategoryOf(3, 3)).toBe('discontinued-after-three');
  });
  it('continued after three: more than 3 administrations, stopped later or not at all', () => {
    expect(courseCategoryOf(4, null)).toBe('continued-after-three');
    expect(courseCategoryOf(5, 4)).toBe('continued-after-three');
    expect(courseCategoryOf(30, 30)).toBe('continued-after-three');
  });
  it('2 or 3 administrations and no discontinuation: not one of the paper categories', () => {
    expect(courseCategoryOf(2, null)).toBe('fewer-than-three-not-discontinued');
    expect(courseCategoryOf(3, null)).toBe('fewer-than-three-not-discontinued');
  });
  it('always gives exactly one known category', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 200 }),
        fc.option(fc.integer({ min: 0, max: 200 })),
        (n, after) => {
          expect(COURSE_CATEGORIES).toContain(courseCategoryOf(n, after));
        },
      ),
    );
  });
});
