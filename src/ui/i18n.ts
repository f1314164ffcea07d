/**
 * Each feature keeps its own messages beside its screens as `{ en: {...}, 'nl-BE': {...} }`
 * with the same keys (the type makes a missing Dutch key a compile error) and reads them with
 * `useMessages`. No central dictionary, so features stay independent.
 */
import { useCallback } from 'react';
import { usePreferences, type Locale } from './preferences.ts';

export type Messages<T extends Record<string, string>> = {
  en: T;
  'nl-BE': { [K in keyof T]: string };
};

export function defineMessages<T extends Record<string, string>>(messages: Messages<T>) {
  return messages;
}

export function useMessages<T extends Record<string, string>>(messages: Messages<T>): T {
  const locale = usePreferences((s) => s.locale);
  return messagesFor(messages, locale);
}

export function messagesFor<T extends Record<string, string>>(
  messages: Messages<T>,
  locale: Locale,
): T {
  return (locale === 'nl-BE' ? messages['nl-BE'] : messages.en) as T;
}

/** Fills `{name}` placeholders. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) =>
    key in values ? String(values[key]) : whole,
  );
}

/** What a domain error says (src/domain/result.ts), in the screen's language. */
export type ErrorTexts = { readonly message: string; readonly messageNl?: string };

/** The error's Dutch text on a Dutch screen when the domain gave one, else its English text. */
export function errorText(error: ErrorTexts, locale: Locale): string {
  return shownText(error, locale).text;
}

/** A domain text as a screen shows it, with the language it is actually in (for `lang`). */
export type ShownText = { readonly text: string; readonly lang: 'en' | 'nl' };

/** Like `errorText`, also saying which language the text is in (English when no Dutch was given). */
export function shownText(texts: ErrorTexts, locale: Locale): ShownText {
  return locale === 'nl-BE' && texts.messageNl !== undefined
    ? { text: texts.messageNl, lang: 'nl' }
    : { text: texts.message, lang: 'en' };
}

/** `errorText` bound to the chosen language, for components (the same function until it changes). */
export function useErrorText(): (error: ErrorTexts) => string {
  const locale = usePreferences((s) => s.locale);
  return useCallback((error: ErrorTexts) => errorText(error, locale), [locale]);
}

/** `shownText` bound to the chosen language, for components that mark the text's `lang`. */
export function useShownText(): (texts: ErrorTexts) => ShownText {
  const locale = usePreferences((s) => s.locale);
  return useCallback((texts: ErrorTexts) => shownText(texts, locale), [locale]);
}
