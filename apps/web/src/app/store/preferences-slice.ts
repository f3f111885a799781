import { createSlice, type PayloadAction } from '@reduxjs/toolkit';
import { detectLanguage, isLanguage, type Language } from '../../lib/i18n';

export const THEME_PREFERENCES = ['system', 'light', 'dark'] as const;
export type ThemePreference = (typeof THEME_PREFERENCES)[number];

export interface PreferencesState {
  language: Language;
  theme: ThemePreference;
}

export function isThemePreference(value: unknown): value is ThemePreference {
  return typeof value === 'string' && (THEME_PREFERENCES as readonly string[]).includes(value);
}

/** Before the user chooses, follow the browser: its language list and the OS colour scheme. */
export function defaultPreferences(): PreferencesState {
  const languages = typeof navigator === 'undefined' ? [] : navigator.languages ?? [navigator.language];
  return { language: detectLanguage(languages), theme: 'system' };
}

const preferencesSlice = createSlice({
  name: 'preferences',
  initialState: defaultPreferences,
  reducers: {
    languageChanged(state, action: PayloadAction<Language>) {
      if (isLanguage(action.payload)) state.language = action.payload;
    },
    themeChanged(state, action: PayloadAction<ThemePreference>) {
      if (isThemePreference(action.payload)) state.theme = action.payload;
    },
  },
});

export const { languageChanged, themeChanged } = preferencesSlice.actions;
export const preferencesReducer = preferencesSlice.reducer;
