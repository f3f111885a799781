import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fieldMessage } from '@/testing/field-message';
import { jsonResponse, problem, renderApp, signedInSession, testUser } from '@/testing/render-app';
import { stubFetch, type FetchMock } from '@/testing/stub-fetch';

let fetchMock: FetchMock;
const authReply = { user: testUser, accessToken: 'access-1', refreshToken: 'refresh-1', expiresIn: 900 };

/** Waits for the lazily loaded page, then types into the labelled input. */
async function type(label: string | RegExp, value: string) {
  fireEvent.change(await screen.findByLabelText(label, { selector: 'input' }), { target: { value } });
}

function replyTo(path: string, response: () => Response) {
  fetchMock.mockImplementation(async (input) => (String(input).startsWith(path) ? response() : new Promise<Response>(() => {})));
}

describe('login and register forms', () => {
  beforeEach(() => {
    fetchMock = stubFetch();
  });
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('when the server answers 401, then the form says the username or password is invalid, naming neither', async () => {
    replyTo('/api/auth/login', () => jsonResponse(problem(401, 'UNAUTHORIZED'), 401));
    renderApp({ path: '/login' });
    await type(/Username or e-mail/, 'alice');
    await type(/^Password/, 'wrong-password');

    fireEvent.click(await screen.findByRole('button', { name: 'Log in' }));

    expect((await screen.findByRole('alert')).textContent).toBe('Invalid username or password.');
    expect(fieldMessage(/Username or e-mail/)).toBeNull();
  });

  it('when the server answers 429 with Retry-After, then the form says how many seconds to wait', async () => {
    replyTo('/api/auth/login', () => jsonResponse(problem(429, 'RATE_LIMITED'), 429, { 'Retry-After': '42' }));
    renderApp({ path: '/login' });
    await type(/Username or e-mail/, 'alice');
    await type(/^Password/, 'whatever1');

    fireEvent.click(await screen.findByRole('button', { name: 'Log in' }));

    expect((await screen.findByRole('alert')).textContent).toBe('Too many attempts. Try again in 42 s.');
  });

  it('when fields are empty, then each says it is required and nothing is sent', async () => {
    renderApp({ path: '/login' });

    fireEvent.click(await screen.findByRole('button', { name: 'Log in' }));

    expect(fieldMessage(/Username or e-mail/)).toBe('Required.');
    expect(fieldMessage(/^Password/)).toBe('Required.');
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('when the server rejects fields by path, then each message sits under its own field in the chosen language', async () => {
    const invalid = problem(400, 'VALIDATION_FAILED', {
      errors: [
        { path: 'body/username', message: 'must match pattern "^[A-Za-z0-9_]+$"' },
        { path: 'body/password', message: 'must NOT have fewer than 8 characters' },
      ],
    });
    replyTo('/api/auth/register', () => jsonResponse(invalid, 400));
    renderApp({ path: '/register' });
    // Passes the client checks, so the server's verdict is what shows.
    await type(/^Username/, 'bob_1');
    await type(/^E-mail/, 'bob@example.com');
    await type(/^Password/, 'longenough');

    fireEvent.click(await screen.findByRole('button', { name: 'Create account' }));

    await waitFor(() => expect(fieldMessage(/^Username/)).toBe('3–50 characters: letters, digits and _ only.'));
    expect(fieldMessage(/^Password/)).toBe('8–128 characters.');
    expect(fieldMessage(/^E-mail/), 'the e-mail was not named, so it has no message').toBeNull();

    fireEvent.click(screen.getByRole('button', { name: '한국어' }));
    expect(fieldMessage(/^아이디/)).toBe('3–50자의 영문, 숫자, _만 사용할 수 있습니다.');
  });

  it.each([
    ['USERNAME_TAKEN', /^Username/, 'This username is taken.'],
    ['EMAIL_TAKEN', /^E-mail/, 'This e-mail address is already registered.'],
  ] as const)('when registration answers 409 %s, then the message is on that field', async (code, label, message) => {
    replyTo('/api/auth/register', () => jsonResponse(problem(409, code), 409));
    renderApp({ path: '/register' });
    await type(/^Username/, 'alice');
    await type(/^E-mail/, 'alice@example.com');
    await type(/^Password/, 'longenough');

    fireEvent.click(await screen.findByRole('button', { name: 'Create account' }));

    await waitFor(() => expect(fieldMessage(label)).toBe(message));
    expect(screen.queryByRole('alert'), 'no form-level error for a field conflict').toBeNull();
  });

  it('when a signed-out user opens a protected page and logs in, then they land back on that page signed in', async () => {
    fetchMock.mockImplementation(async (input, init) => {
      const url = String(input);
      if (url === '/api/auth/login') {
        expect(JSON.parse(String(init?.body))).toEqual({ username: 'alice', password: 'secret-pass' });
        return jsonResponse(authReply);
      }
      return new Promise<Response>(() => {});
    });
    const { store, router } = renderApp({ path: '/settings' });

    expect(await screen.findByText('Log in to open that page.')).toBeTruthy();
    expect(router.state.location.pathname).toBe('/login');
    await type(/Username or e-mail/, ' alice ');
    await type(/^Password/, 'secret-pass');
    fireEvent.click(screen.getByRole('button', { name: 'Log in' }));

    expect(await screen.findByRole('heading', { name: 'Settings' })).toBeTruthy();
    expect(router.state.location.pathname).toBe('/settings');
    expect(store.getState().session.tokens?.refreshToken).toBe('refresh-1');
    expect(screen.getByText('Signed in as alice')).toBeTruthy();
  });

  it('when the user logs out, then the session is gone, the server is told and protected pages send to login', async () => {
    fetchMock.mockImplementation(async (input) => (String(input) === '/api/auth/logout' ? new Response(null, { status: 204 }) : new Promise<Response>(() => {})));
    const { store, router } = renderApp({ path: '/settings', session: signedInSession() });
    expect(await screen.findByRole('heading', { name: 'Settings' })).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Log out' }));

    await waitFor(() => expect(router.state.location.pathname).toBe('/login'));
    expect(store.getState().session.tokens).toBeNull();
    const logout = fetchMock.mock.calls.find(([input]) => String(input) === '/api/auth/logout');
    expect(JSON.parse(String(logout?.[1]?.body))).toEqual({ refreshToken: 'refresh-1' });
  });
});
