import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { QueryClient } from '@tanstack/react-query';
import { MemoryRouter } from 'react-router';
import type { ApiKey, CreateApiKeyResponse } from '@cryptosim/contracts';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppProvider } from '@/app/provider';
import { createAppStore } from '@/app/store';
import { FakeWebSocket } from '@/testing/fake-web-socket';
import { jsonResponse, problem, signedInSession } from '@/testing/render-app';
import { ApiKeysSection } from './api-keys-section';

const KEY = 'K'.repeat(60) + 'abcd';
const SECRET = 'S'.repeat(60) + 'wxyz';
const existing: ApiKey = {
  id: '11111111-1111-4111-8111-111111111111',
  key: 'E'.repeat(64),
  label: 'grid bot',
  type: 'HMAC_SHA256',
  permissions: ['read', 'trade'],
  ipAllowlist: ['203.0.113.7'],
  publicKey: null,
  createdAt: '2026-11-01T10:00:00.000Z',
  lastUsedAt: null,
};

interface Call {
  method: string;
  url: string;
  body: unknown;
}

/** A fake /api/auth/api-keys: GET lists `keys`, POST answers `onCreate`, DELETE removes the key. */
function stubServer(keys: ApiKey[], onCreate: (body: Record<string, unknown>) => Response) {
  const calls: Call[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn<typeof fetch>(async (input, init) => {
      const url = String(input);
      const method = init?.method ?? 'GET';
      const body = typeof init?.body === 'string' ? (JSON.parse(init.body) as Record<string, unknown>) : undefined;
      calls.push({ method, url, body });
      if (method === 'GET') return jsonResponse({ apiKeys: keys });
      if (method === 'POST') return onCreate(body!);
      const id = url.split('/').pop();
      keys.splice(keys.findIndex((k) => k.id === id), 1);
      return new Response(null, { status: 204 });
    }),
  );
  return calls;
}

function renderCard(language: 'en' | 'ko' = 'en') {
  const store = createAppStore({ preferences: { language, theme: 'light' }, session: signedInSession() });
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <AppProvider store={store} queryClient={queryClient} webSocket={FakeWebSocket}>
      <MemoryRouter>
        <ApiKeysSection />
      </MemoryRouter>
    </AppProvider>,
  );
}

const createdHmac = (body: Record<string, unknown>): CreateApiKeyResponse => ({
  apiKey: { ...existing, id: '22222222-2222-4222-8222-222222222222', key: KEY, label: String(body.label), permissions: body.permissions as ApiKey['permissions'], ipAllowlist: [] },
  secret: SECRET,
});

// The first render loads MUI's modules; on a busy 2-core machine that alone can pass vitest's 5 s default.
describe('Settings → API keys', { timeout: 30_000 }, () => {
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('when the user has keys, then each shows its label, key, permissions, allowed IPs, last use and creation', async () => {
    stubServer([{ ...existing }], () => jsonResponse({}, 500));
    renderCard();
    const list = await screen.findByRole('list', { name: 'Your keys' });
    const item = within(list).getByRole('listitem');
    expect(within(item).getByRole('heading', { name: 'grid bot' })).toBeTruthy();
    expect(item.textContent).toContain(existing.key);
    expect(within(item).getByText('Read')).toBeTruthy();
    expect(within(item).getByText('Trade')).toBeTruthy();
    expect(item.textContent).toContain('Only from 203.0.113.7');
    expect(item.textContent).toMatch(/Last used: Never · Created: Nov 1, 2026/);
  });

  it('when an HMAC key is created, then the request carries the form, and the secret shows once with a copy button and a warning', async () => {
    const calls = stubServer([], (body) => jsonResponse(createdHmac(body), 201));
    const writeText = vi.fn(async () => undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    renderCard();
    expect(await screen.findByText('No API keys yet.')).toBeTruthy();
    fireEvent.change(screen.getByRole('textbox', { name: /Label/ }), { target: { value: ' my bot ' } });
    fireEvent.click(screen.getByRole('checkbox', { name: /Trade/ }));
    fireEvent.change(screen.getByRole('textbox', { name: /Allowed IP addresses/ }), { target: { value: '203.0.113.7\n2001:db8::/48' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create key' }));

    expect(await screen.findByText(/you will not see it again/)).toBeTruthy();
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ label: 'my bot', permissions: ['read', 'trade'], type: 'HMAC_SHA256', ipAllowlist: ['203.0.113.7', '2001:db8::/48'] });
    expect(screen.getByTestId('api-key-new-secret').textContent).toBe(SECRET);
    expect(screen.getByTestId('api-key-new-key').textContent).toBe(KEY);
    fireEvent.click(screen.getByRole('button', { name: 'Copy Secret key' }));
    await waitFor(() => expect(writeText).toHaveBeenCalledWith(SECRET));
    expect(await screen.findByRole('button', { name: 'Copied' })).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'I have saved it' }));
    expect(screen.queryByText(SECRET)).toBeNull();
    expect(document.body.textContent).not.toContain(SECRET);
    expect(screen.getByRole('button', { name: 'Create key' })).toBeTruthy();
  });

  it('when Ed25519 is chosen, then a public key is required, sent, and no secret is shown', async () => {
    const pem = '-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEAPUAXw+hDiVqStwqnTRt+vJyYLM8uxJaMwM1V8Sr0Zgw=\n-----END PUBLIC KEY-----';
    const calls = stubServer([], (body) => jsonResponse({ apiKey: { ...createdHmac(body).apiKey, type: 'ED25519', publicKey: pem }, secret: null }, 201));
    renderCard();
    fireEvent.change(await screen.findByRole('textbox', { name: /Label/ }), { target: { value: 'ed bot' } });
    fireEvent.click(screen.getByRole('radio', { name: /Ed25519/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Create key' }));
    expect(await screen.findByText('Paste your Ed25519 public key.')).toBeTruthy();
    expect(calls.some((c) => c.method === 'POST')).toBe(false);

    fireEvent.change(screen.getByRole('textbox', { name: /Ed25519 public key/ }), { target: { value: pem } });
    fireEvent.click(screen.getByRole('button', { name: 'Create key' }));
    expect(await screen.findByText(/Sign requests with your Ed25519 private key/)).toBeTruthy();
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ label: 'ed bot', permissions: ['read'], type: 'ED25519', publicKey: pem });
    expect(screen.queryByTestId('api-key-new-secret')).toBeNull();
  });

  it('when the server refuses an IP entry or the key limit is reached, then the user reads why in their language', async () => {
    let answer = jsonResponse(problem(400, 'VALIDATION_FAILED', { errors: [{ path: 'body/ipAllowlist/1', message: 'x' }] }), 400);
    stubServer([], () => answer);
    renderCard();
    fireEvent.change(await screen.findByRole('textbox', { name: /Label/ }), { target: { value: 'bot' } });
    fireEvent.change(screen.getByRole('textbox', { name: /Allowed IP addresses/ }), { target: { value: '10.0.0.1, 10.0.0.0/33' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create key' }));
    expect(await screen.findByText('"10.0.0.0/33" is not an IP address or CIDR block.')).toBeTruthy();

    answer = jsonResponse(problem(409, 'CONFLICT'), 409);
    fireEvent.click(screen.getByRole('button', { name: 'Create key' }));
    expect(await screen.findByText('You already have the most keys allowed. Revoke one first.')).toBeTruthy();
  });

  it('when a key is revoked, then a confirmation comes first, Cancel keeps it, and Revoke key deletes it', async () => {
    const calls = stubServer([{ ...existing }], () => jsonResponse({}, 500));
    renderCard();
    fireEvent.click(await screen.findByRole('button', { name: 'Revoke grid bot' }));
    const dialog = await screen.findByRole('dialog', { name: 'Revoke "grid bot"?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(calls.some((c) => c.method === 'DELETE')).toBe(false);

    fireEvent.click(screen.getByRole('button', { name: 'Revoke grid bot' }));
    fireEvent.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Revoke key' }));
    expect(await screen.findByText('The key "grid bot" was revoked.')).toBeTruthy();
    expect(calls.find((c) => c.method === 'DELETE')?.url).toBe(`/api/auth/api-keys/${existing.id}`);
    expect(await screen.findByText('No API keys yet.')).toBeTruthy();
  });

  it('when the language is Korean, then the section and its warning are in Korean', async () => {
    stubServer([], (body) => jsonResponse(createdHmac(body), 201));
    renderCard('ko');
    expect(screen.getByText(/바이낸스 현물 API/)).toBeTruthy();
    fireEvent.change(await screen.findByRole('textbox', { name: /이름/ }), { target: { value: '봇' } });
    fireEvent.click(screen.getByRole('button', { name: '키 만들기' }));
    expect(await screen.findByText(/다시는 볼 수 없습니다/)).toBeTruthy();
  });
});
