import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ADULT_AGE_YEARS, ageAtStart } from './age.ts';

describe('ageAtStart', () => {
  it('is 18 years', () => expect(ADULT_AGE_YEARS).toBe(18));
  it('counts a 29 February birthday as reached on 1 March in a non-leap year, not on 28 February', () => {
    expect(ageAtStart('2008-02-29', null, '2026-02-28')).toEqual({ status: 'minor', ageYears: 17 });
    expect(ageAtStart('2008-02-29', null, '2026-03-01')).toEqual({ status: 'adult', ageYears: 18 });
  });
  it('accepts a matching birth year alongside the birth date', () => {
    expect(ageAtStart('1980-05-10', 1980, '2026-03-02')).toEqual({ status: 'adult', ageYears: 45 });
  });
  it('property: with only a birth year, "adult" and "minor" are never wrong for any birthday in that year', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1990, max: 2015 }),
        fc.integer({ min: 0, max: 364 }),
        (year, dayOfYear) => {
          const birth = new Date(year, 0, 1 + dayOfYear);
          fc.pre(birth.getFullYear() === year);
          const iso = `${year}-${String(birth.getMonth() + 1).padStart(2, '0')}-${String(birth.getDate()).padStart(2, '0')}`;
          const byYear = ageAtStart(null, year, '2026-03-02');
          const byDate = ageAtStart(iso, null, '2026-03-02');
          if (byYear === null || byDate === null) return false;
          return byYear.status === 'undetermined' || byYear.status === byDate.status;
        },
      ),
    );
  });
});
