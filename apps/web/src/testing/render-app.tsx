import { QueryClient } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import { RouterProvider, createMemoryRouter } from 'react-router';
import type { AuthResponse } from '@cryptosim/contracts';
import { AppProvider } from '@/app/provider';
import { routes } from '@/app/routes';
import { createAppStore, type PreferencesState } from '@/app/store';
import { signedOutSession, tokensFrom, type SessionState } from '@/lib/session';
import { FakeWebSocket } from './fake-web-socket';

export interface RenderAppOptions {
  path?: string;
  preferences?: Partial<PreferencesState>;
  session?: SessionState;
}

/** The real providers, shell and routes, with test-friendly defaults: no retries, English, a fake socket. */
export function renderApp({ path = '/', preferences, session = signedOutSession }: RenderAppOptions = {}) {
  const store = createAppStore({ preferences: { language: 'en', theme: 'light', ...preferences }, session });
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  const view = render(
    <AppProvider store={store} queryClient={queryClient} webSocket={FakeWebSocket}>
      <RouterProvider router={router} />
    </AppProvider>,
  );
  return { ...view, store, queryClient, router };
}

export const testUser: AuthResponse['user'] = {
  id: 7,
  username: 'alice',
  email: 'alice@example.com',
  balance: '100000',
  initialBalance: '100000',
  createdAt: '2025-01-02T03:04:05.000Z',
};

/** A signed-in session whose access token is good for 15 minutes from now. */
export function signedInSession(user = testUser): SessionState {
  const auth: AuthResponse = { user, accessToken: 'access-1', refreshToken: 'refresh-1', expiresIn: 900 };
  return { user, tokens: tokensFrom({ auth, receivedAt: Date.now() }) };
}

export function jsonResponse(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  const type = status >= 400 ? 'application/problem+json' : 'application/json';
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': type, ...headers } });
}

export function problem(status: number, code: string, extra: Record<string, unknown> = {}) {
  return { type: 'about:blank', title: code, status, detail: `${code} detail`, code, ...extra };
}
