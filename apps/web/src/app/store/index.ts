export { storeSessionPort } from './session-port';
export { createAppStore, useAppDispatch, useAppSelector } from './store';
export type { AppStore, RootState, AppDispatch, StoreOptions } from './store';
export {
  languageChanged,
  themeChanged,
  priceColoursChanged,
  priceColoursOf,
  PRICE_COLOURS,
  isPriceColours,
  type PriceColours,
  THEME_PREFERENCES,
  isThemePreference,
  type PreferencesState,
  type ThemePreference,
} from './preferences-slice';
