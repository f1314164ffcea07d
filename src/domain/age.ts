/**
 * Age at the start of therapy (protocol.md section 2 [protocol]: "adult at start of therapy";
 * paper: "Patients who were minors at the start of the therapy were excluded"). Also what the
 * registry's demographics use when it needs whole years. Adult = 18 or older (Belgium).
 */
import { differenceInYears } from 'date-fns';
import { parseCalendarDate } from './clinical-time.ts';

export const ADULT_AGE_YEARS = 18;

export type AgeAtStart = {
  readonly status: 'adult' | 'minor' | 'undetermined';
  readonly ageYears: number | null;
};

const day = (s: unknown): Date | null => {
  const r = parseCalendarDate(s, 'date', 'Date');
  return r.ok ? r.value : null;
};

/**
 * Age at the start of therapy. With a birth date: whole years (date-fns differenceInYears).
 * With only a birth year the age is one of two values; the answer is "adult" only if even the
 * lower one is >= 18, "minor" only if even the higher one is < 18, otherwise "undetermined"
 * (ask for the full birth date). Returns null for unreadable input.
 */
export function ageAtStart(
  birthDate: string | null,
  birthYear: number | null,
  courseStartDate: string,
): AgeAtStart | null {
  const start = day(courseStartDate);
  if (start === null) return null;
  if (birthDate !== null) {
    const birth = day(birthDate);
    if (birth === null || birth > start) return null;
    if (birthYear !== null && birthYear !== birth.getFullYear()) return null;
    const age = differenceInYears(start, birth);
    return { status: age >= ADULT_AGE_YEARS ? 'adult' : 'minor', ageYears: age };
  }
  if (
    birthYear === null ||
    !Number.isInteger(birthYear) ||
    birthYear < 1900 ||
    birthYear > start.getFullYear()
  )
    return null;
  const high = start.getFullYear() - birthYear;
  const low = high - 1;
  if (low >= ADULT_AGE_YEARS) return { status: 'adult', ageYears: null };
  if (high < ADULT_AGE_YEARS) return { status: 'minor', ageYears: null };
  return { status: 'undetermined', ageYears: null };
}
