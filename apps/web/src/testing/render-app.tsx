import { QueryClient } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import { RouterProvider, createMemoryRouter } from 'react-router';
import { AppProvider } from '../app/provider';
import { routes } from '../app/routes';
import { createAppStore, type PreferencesState } from '../app/store';

export interface RenderAppOptions {
  path?: string;
  preferences?: Partial<PreferencesState>;
}

/** The real providers, shell and routes, with test-friendly defaults: no retries, English. */
export function renderApp({ path = '/', preferences }: RenderAppOptions = {}) {
  const store = createAppStore({ preferences: { language: 'en', theme: 'light', ...preferences } });
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  const view = render(
    <AppProvider store={store} queryClient={queryClient}>
      <RouterProvider router={router} />
    </AppProvider>,
  );
  return { ...view, store, queryClient, router };
}
