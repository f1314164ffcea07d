/**
 * Words for PIN outcomes, shared by the lock screen and every PIN confirmation (dose sign-off):
 * each says what happened and what to do, and never hints whether a PIN was close.
 */
import { format as formatDate } from 'date-fns';
import { enGB, nlBE } from 'date-fns/locale';
import type { VerifyPinOutcome } from '../db/staff-pins.ts';
import type { PinProblem } from '../domain/pin-policy.ts';
import { defineMessages, errorText, fill } from './i18n.ts';
import type { Locale } from './preferences.ts';

export const pinMessages = defineMessages({
  en: {
    'problem.empty': 'Type the PIN.',
    'problem.not-digits': 'A PIN has digits only.',
    'problem.too-short': 'A PIN has at least 4 digits.',
    'problem.too-long': 'A PIN has at most 8 digits.',
    'problem.too-simple':
      'This PIN is too easy to guess (one digit repeated, or a run such as 1234). Choose another.',
    'problem.mismatch': 'The two PINs were not the same. Choose the PIN again.',
    wrong: 'Wrong PIN. Tries left before a 5-minute lockout: {left}.',
    lockedOut: 'Too many wrong PINs. {name} can try again from {time}.',
    noPin:
      '{name} has no PIN on this tablet yet: they set one by unlocking the tablet once (“Switch user / Lock”).',
    checking: 'Checking the PIN…',
  },
  'nl-BE': {
    'problem.empty': 'Typ de pincode.',
    'problem.not-digits': 'Een pincode bestaat enkel uit cijfers.',
    'problem.too-short': 'Een pincode heeft minstens 4 cijfers.',
    'problem.too-long': 'Een pincode heeft hoogstens 8 cijfers.',
    'problem.too-simple':
      'Deze pincode is te makkelijk te raden (één cijfer herhaald, of een reeks zoals 1234). Kies een andere.',
    'problem.mismatch': 'De twee pincodes waren niet gelijk. Kies de pincode opnieuw.',
    wrong: 'Verkeerde pincode. Pogingen over voor 5 minuten vergrendeling: {left}.',
    lockedOut: 'Te veel verkeerde pincodes. {name} kan opnieuw proberen vanaf {time}.',
    noPin:
      '{name} heeft nog geen pincode op deze tablet: die wordt gekozen bij de eerste ontgrendeling (“Andere gebruiker / Vergrendelen”).',
    checking: 'Pincode controleren…',
  },
});

export type PinMessages = (typeof pinMessages)['en'];

/** Clock time with seconds ("08:05:30"), so "try again from" is exact. */
export function formatLockoutTime(iso: string, locale: Locale): string {
  return formatDate(new Date(iso), 'pp', { locale: locale === 'nl-BE' ? nlBE : enGB });
}

export function pinProblemText(problem: PinProblem, t: PinMessages): string {
  return t[`problem.${problem}`];
}

/** The sentence for a failed verification, or null when the PIN was right. */
export function pinOutcomeText(
  outcome: VerifyPinOutcome,
  name: string,
  t: PinMessages,
  locale: Locale,
): string | null {
  switch (outcome.kind) {
    case 'ok':
      return null;
    case 'wrong':
      return outcome.lockedUntil === null
        ? fill(t.wrong, { left: outcome.attemptsLeft })
        : fill(t.lockedOut, { name, time: formatLockoutTime(outcome.lockedUntil, locale) });
    case 'locked-out':
      return fill(t.lockedOut, { name, time: formatLockoutTime(outcome.lockedUntil, locale) });
    case 'no-pin':
      return fill(t.noPin, { name });
    case 'invalid':
      return pinProblemText(outcome.problem, t);
    case 'storage-error':
      return errorText(outcome.error, locale);
  }
}
