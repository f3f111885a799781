import { vi } from 'vitest';

/**
 * Makes every media query match, as a phone-width screen matches `down('sm')` (jsdom has no
 * matchMedia, so components otherwise render their desktop layout). Undo with vi.unstubAllGlobals().
 */
export function stubPhoneMedia(): void {
  vi.stubGlobal('matchMedia', (query: string) => ({
    matches: true,
    media: query,
    onchange: null,
    addEventListener: () => {},
    removeEventListener: () => {},
    addListener: () => {},
    removeListener: () => {},
    dispatchEvent: () => false,
  }));
}
