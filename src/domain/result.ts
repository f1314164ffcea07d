/**
 * Domain functions never throw on bad clinical input and never return a silently "fixed"
 * number: they return a Result whose error names the field and says, in words a nurse can act
 * on, what is wrong, in English and in Dutch (nl-BE, the source center's language): screens
 * show the text of the chosen language (ui/i18n.ts errorText); tests assert on `code`.
 */
export type DomainErrorCode =
  | 'required'
  | 'not-a-number'
  | 'not-finite'
  | 'not-positive'
  | 'negative'
  | 'not-an-integer'
  | 'too-many-decimals'
  | 'below-hard-limit'
  | 'above-hard-limit'
  | 'implausible'
  | 'looks-like-pounds'
  | 'looks-like-grams'
  | 'invalid-choice'
  | 'protocol-not-configured'
  | 'invalid-date'
  | 'stale-measurement';

export type DomainError = {
  readonly code: DomainErrorCode;
  /** Stored field or form field the error is about, e.g. `weightKg`. */
  readonly field: string;
  /** English text (also what logs and exports carry). */
  readonly message: string;
  /** The same facts in Dutch (nl-BE), when the function that failed gives them. */
  readonly messageNl?: string;
};

export type Result<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: DomainError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });

export const fail = (
  code: DomainErrorCode,
  field: string,
  message: string,
  messageNl?: string,
): Result<never> => ({
  ok: false,
  error: messageNl === undefined ? { code, field, message } : { code, field, message, messageNl },
});

/** Unwraps a Result in code paths (tests, seeding) where an error is a programming mistake. */
export function expectOk<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`${result.error.field}: ${result.error.message}`);
  return result.value;
}
