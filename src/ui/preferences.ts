/**
 * Per-tablet display preferences (language, theme, soft alert sound). UI state only, so it
 * lives in a small Zustand store persisted to localStorage; clinical data never does.
 */
import { create } from 'zustand';
import { persist } from 'zustand/middleware';

export const LOCALES = ['en', 'nl-BE'] as const;
export type Locale = (typeof LOCALES)[number];
export type Theme = 'dark' | 'light';

type Preferences = {
  locale: Locale;
  theme: Theme;
  alertSound: boolean;
  setLocale: (locale: Locale) => void;
  setTheme: (theme: Theme) => void;
  setAlertSound: (on: boolean) => void;
};

export const usePreferences = create<Preferences>()(
  persist(
    (set) => ({
      locale: 'en',
      theme: 'dark',
      alertSound: false,
      setLocale: (locale) => set({ locale }),
      setTheme: (theme) => set({ theme }),
      setAlertSound: (alertSound) => set({ alertSound }),
    }),
    { name: 'kit-preferences', version: 1 },
  ),
);
