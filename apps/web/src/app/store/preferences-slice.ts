import { createSlice, type PayloadAction } from '@reduxjs/toolkit';
import { detectLanguage, isLanguage, type Language } from '@/lib/i18n';

export const THEME_PREFERENCES = ['system', 'light', 'dark'] as const;
export type ThemePreference = (typeof THEME_PREFERENCES)[number];

/**
 * Which colour means "up": green (most of the world) or red (Korea: Upbit and Korean brokers
 * show rises in red and falls in blue). Unset follows the language.
 */
export const PRICE_COLOURS = ['greenUp', 'redUp'] as const;
export type PriceColours = (typeof PRICE_COLOURS)[number];

export interface PreferencesState {
  language: Language;
  theme: ThemePreference;
  priceColours?: PriceColours;
}

export function isPriceColours(value: unknown): value is PriceColours {
  return typeof value === 'string' && (PRICE_COLOURS as readonly string[]).includes(value);
}

/** The convention in force: the user's choice, else red-up for Korean readers. */
export function priceColoursOf(preferences: PreferencesState): PriceColours {
  return preferences.priceColours ?? (preferences.language === 'ko' ? 'redUp' : 'greenUp');
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
    priceColoursChanged(state, action: PayloadAction<PriceColours>) {
      if (isPriceColours(action.payload)) state.priceColours = action.payload;
    },
  },
});

export const { languageChanged, themeChanged, priceColoursChanged } = preferencesSlice.actions;
export const preferencesReducer = preferencesSlice.reducer;
