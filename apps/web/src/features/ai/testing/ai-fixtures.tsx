import type { ReactNode } from 'react';
import { QueryClient } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { AppProvider } from '@/app/provider';
import { createAppStore, type PreferencesState } from '@/app/store';
import { signedOutSession } from '@/lib/session';
import { FakeWebSocket } from '@/testing/fake-web-socket';
import { signedInSession } from '@/testing/render-app';

export { analysis, models, prediction, predictions, trackRecord } from './ai-data';

export interface RenderPanelOptions {
  signedIn?: boolean;
  preferences?: Partial<PreferencesState>;
}

/** One AI component inside the real providers (no query retries), English and signed in by default. */
export function renderPanel(ui: ReactNode, { signedIn = true, preferences }: RenderPanelOptions = {}) {
  const store = createAppStore({
    preferences: { language: 'en', theme: 'light', ...preferences },
    session: signedIn ? signedInSession() : signedOutSession,
  });
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <AppProvider store={store} queryClient={queryClient} webSocket={FakeWebSocket}>
      <MemoryRouter>{ui}</MemoryRouter>
    </AppProvider>,
  );
}
