import { describe, expect, it } from 'vitest';
import { errorText, shownText } from './i18n.ts';

describe('shownText', () => {
  const both = { message: 'Too few values.', messageNl: 'Te weinig waarden.' };
  it('gives the Dutch text, marked nl, on a Dutch screen', () => {
    expect(shownText(both, 'nl-BE')).toEqual({ text: 'Te weinig waarden.', lang: 'nl' });
    expect(errorText(both, 'nl-BE')).toBe('Te weinig waarden.');
  });
  it('gives the English text, marked en, on an English screen or when no Dutch was given', () => {
    expect(shownText(both, 'en')).toEqual({ text: 'Too few values.', lang: 'en' });
    expect(shownText({ message: 'Too few values.' }, 'nl-BE')).toEqual({
      text: 'Too few values.',
      lang: 'en',
    });
  });
});
