import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { QueryClient } from '@tanstack/react-query';
import { MemoryRouter } from 'react-router';
import type { Alert } from '@cryptosim/contracts';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppProvider } from '@/app/provider';
import { createAppStore } from '@/app/store';
import { FakeWebSocket } from '@/testing/fake-web-socket';
import { jsonResponse, problem, signedInSession } from '@/testing/render-app';
import { AlertsPanel } from './alerts-panel';

const made = (over: Partial<Alert>): Alert => ({
  id: '11111111-1111-4111-8111-111111111111',
  symbol: 'BTCUSDT',
  condition: 'PRICE_ABOVE',
  price: '80000',
  percent: null,
  windowMinutes: null,
  note: '',
  status: 'ACTIVE',
  triggeredAt: null,
  triggeredPrice: null,
  createdAt: '2026-12-01T10:00:00.000Z',
  updatedAt: '2026-12-01T10:00:00.000Z',
  ...over,
});

/** A fake /api/alerts: GET lists, POST answers `onCreate` (and lists what it made), DELETE removes. */
function serve(onCreate: (body: Record<string, unknown>) => Response) {
  const alerts: Alert[] = [];
  const calls: Array<{ method: string; url: string; body: unknown }> = [];
  vi.stubGlobal(
    'fetch',
    vi.fn<typeof fetch>(async (input, init) => {
      const url = String(input);
      const method = init?.method ?? 'GET';
      const body = typeof init?.body === 'string' ? (JSON.parse(init.body) as Record<string, unknown>) : undefined;
      calls.push({ method, url, body });
      if (method === 'POST') {
        const res = onCreate(body!);
        if (res.status === 201) alerts.unshift(made({ ...(body as Partial<Alert>) }));
        return res;
      }
      if (method === 'DELETE') {
        alerts.splice(0, 1);
        return new Response(null, { status: 204 });
      }
      return jsonResponse({ alerts });
    }),
  );
  return calls;
}

function renderPanel() {
  const store = createAppStore({ preferences: { language: 'en', theme: 'light' }, session: signedInSession() });
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <AppProvider store={store} queryClient={queryClient} webSocket={FakeWebSocket}>
      <MemoryRouter>
        <AlertsPanel symbol="BTCUSDT" livePrice="79000" />
      </MemoryRouter>
    </AppProvider>,
  );
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('alerts panel', () => {
  it('when a price already past is entered, then the refusal is explained; a valid one is created, listed and deleted', async () => {
    let refuse = true;
    const calls = serve((body) => (refuse ? jsonResponse(problem(409, 'ALERT_CONDITION_MET'), 409) : jsonResponse(made(body as Partial<Alert>), 201)));
    renderPanel();
    await screen.findByText(/No alerts yet/);
    const price = screen.getByRole('textbox', { name: 'Price (USDT)' });
    fireEvent.change(price, { target: { value: '' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create alert' }));
    expect(await screen.findByText('Enter a price above 0.')).toBeTruthy();
    expect(calls.filter((c) => c.method === 'POST')).toEqual([]);

    fireEvent.change(price, { target: { value: '78000' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create alert' }));
    expect((await screen.findByRole('alert')).textContent).toContain('already past that level');

    refuse = false;
    fireEvent.change(price, { target: { value: '80,500' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create alert' }));
    await screen.findByText('BTCUSDT at or above 80,500.00');
    expect(calls.filter((c) => c.method === 'POST').at(-1)!.body).toEqual({ symbol: 'BTCUSDT', condition: 'PRICE_ABOVE', price: '80500' });

    fireEvent.click(screen.getByRole('button', { name: 'Delete alert BTCUSDT at or above 80,500.00' }));
    await waitFor(() => expect(screen.queryByText('BTCUSDT at or above 80,500.00')).toBeNull());
  });
});
