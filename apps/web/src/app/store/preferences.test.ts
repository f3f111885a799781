import { describe, expect, it } from 'vitest';
import { detectLanguage } from '@/lib/i18n';
import { loadPreferences } from './persisted-preferences';
import { createAppStore, languageChanged, priceColoursChanged, priceColoursOf, themeChanged } from './index';

function memoryStorage(initial: Record<string, string> = {}): Storage {
  const data = new Map(Object.entries(initial));
  return {
    get length() {
      return data.size;
    },
    clear: () => data.clear(),
    getItem: (key) => data.get(key) ?? null,
    key: (index) => [...data.keys()][index] ?? null,
    removeItem: (key) => void data.delete(key),
    setItem: (key, value) => void data.set(key, value),
  };
}

describe('preferences', () => {
  it('when the browser prefers Korean in any region, then Korean is chosen first', () => {
    expect(detectLanguage(['ko-KR', 'en-US'])).toBe('ko');
    expect(detectLanguage(['fr-FR', 'ko'])).toBe('ko');
    expect(detectLanguage(['en-GB'])).toBe('en');
    expect(detectLanguage(['fr-FR'])).toBe('en');
  });

  it('when the user changes language and theme, then a new store started on the same storage keeps them', () => {
    const storage = memoryStorage();
    const first = createAppStore({ storage });
    first.dispatch(languageChanged('ko'));
    first.dispatch(themeChanged('dark'));

    expect(createAppStore({ storage }).getState().preferences).toEqual({ language: 'ko', theme: 'dark' });
  });

  it('when no colour convention is chosen, then Korean reads red as up and English green; a choice overrides the language', () => {
    expect(priceColoursOf({ language: 'ko', theme: 'system' })).toBe('redUp');
    expect(priceColoursOf({ language: 'en', theme: 'system' })).toBe('greenUp');
    const storage = memoryStorage();
    createAppStore({ storage, preferences: { language: 'ko', theme: 'system' } }).dispatch(priceColoursChanged('greenUp'));
    expect(priceColoursOf(createAppStore({ storage }).getState().preferences), 'kept across reloads').toBe('greenUp');
  });

  it('when the stored entry is corrupt or partly invalid, then each bad field falls back on its own', () => {
    const partly = memoryStorage({ 'cryptosim.preferences': '{"language":"de","theme":"dark"}' });
    expect(loadPreferences(partly).theme).toBe('dark');
    expect(['ko', 'en']).toContain(loadPreferences(partly).language);

    const corrupt = memoryStorage({ 'cryptosim.preferences': '{not json' });
    expect(loadPreferences(corrupt).theme).toBe('system');
  });
});
