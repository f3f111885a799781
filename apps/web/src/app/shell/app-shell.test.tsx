import { cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { renderApp } from '@/testing/render-app';
import { pending, stubFetch } from '@/testing/stub-fetch';

describe('app shell', () => {
  beforeEach(() => {
    // The status page polls; an unanswered request keeps it in its loading state.
    stubFetch(pending);
  });

  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('when the page loads, then the header names the product and the theme and language controls are labelled', async () => {
    renderApp({ path: '/status' });

    expect(screen.getByRole('link', { name: /cryptosim/ })).toBeTruthy();
    expect(screen.getByRole('group', { name: 'Language' })).toBeTruthy();
    expect(screen.getByRole('group', { name: 'Theme' })).toBeTruthy();
    expect(await screen.findByText('Checking system status…')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'System status' }).getAttribute('href'), 'footer link to the status page').toBe('/status');
  });

  it('when Dark is picked, then the preference is stored and the page uses the dark palette', () => {
    const { store } = renderApp({ preferences: { theme: 'light' } });
    const lightBackground = getComputedStyle(document.body).backgroundColor;

    fireEvent.click(screen.getByRole('button', { name: 'Dark' }));

    expect(store.getState().preferences.theme).toBe('dark');
    expect(screen.getByRole('button', { name: 'Dark' }).getAttribute('aria-pressed')).toBe('true');
    expect(getComputedStyle(document.body).backgroundColor, 'body background after switching to dark').not.toBe(
      lightBackground,
    );
  });

  it('when an unknown path is opened, then a not-found page links back to the dashboard', async () => {
    renderApp({ path: '/no-such-page' });

    expect(await screen.findByRole('heading', { name: 'Page not found' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Back to the dashboard' }).getAttribute('href')).toBe('/');
  });
});
