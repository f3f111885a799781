import { isLanguage } from '@/lib/i18n';
import { defaultPreferences, isPriceColours, isThemePreference, type PreferencesState } from './preferences-slice';

const STORAGE_KEY = 'cryptosim.preferences';

/**
 * A stored choice wins over the browser default; each field is checked on its own so a
 * stale or hand-edited entry falls back field by field instead of breaking start-up.
 */
export function loadPreferences(storage: Storage | undefined): PreferencesState {
  const fallback = defaultPreferences();
  let stored: unknown;
  try {
    const raw = storage?.getItem(STORAGE_KEY);
    stored = raw ? JSON.parse(raw) : undefined;
  } catch {
    return fallback;
  }
  if (typeof stored !== 'object' || stored === null) return fallback;
  const { language, theme, priceColours } = stored as Record<string, unknown>;
  return {
    language: isLanguage(language) ? language : fallback.language,
    theme: isThemePreference(theme) ? theme : fallback.theme,
    ...(isPriceColours(priceColours) ? { priceColours } : {}),
  };
}

export function savePreferences(storage: Storage | undefined, preferences: PreferencesState): void {
  try {
    storage?.setItem(STORAGE_KEY, JSON.stringify(preferences));
  } catch {
    // Private browsing or a full quota: the choice still holds for this session.
  }
}
