import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { QueryClient } from '@tanstack/react-query';
import { MemoryRouter } from 'react-router';
import type { AlertNotification } from '@cryptosim/contracts';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppProvider } from '@/app/provider';
import { createAppStore } from '@/app/store';
import { axeViolations } from '@/testing/axe';
import { FakeWebSocket } from '@/testing/fake-web-socket';
import { jsonResponse, signedInSession } from '@/testing/render-app';
import { AlertBell, unreadLabel } from './alert-bell';

const fired = (id: string, read: boolean): AlertNotification => ({
  id,
  alertId: null,
  symbol: 'BTCUSDT',
  condition: 'PRICE_ABOVE',
  price: '65000',
  percent: null,
  windowMinutes: null,
  note: '',
  triggeredPrice: '65001.5',
  read,
  createdAt: '2026-12-01T10:00:00.000Z',
});

function serve(state: { notifications: AlertNotification[] }) {
  const posts: string[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn<typeof fetch>(async (input, init) => {
      const url = String(input);
      if ((init?.method ?? 'GET') === 'POST') {
        posts.push(url);
        const one = /\/notifications\/([0-9a-f-]{36})\/read$/.exec(url)?.[1];
        state.notifications = state.notifications.map((n) => (one === undefined || n.id === one ? { ...n, read: true } : n));
        return jsonResponse({ unread: state.notifications.filter((n) => !n.read).length });
      }
      return jsonResponse({ notifications: state.notifications, unread: state.notifications.filter((n) => !n.read).length });
    }),
  );
  return posts;
}

function renderBell(language: 'en' | 'ko' = 'en') {
  const store = createAppStore({ preferences: { language, theme: 'light' }, session: signedInSession() });
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <AppProvider store={store} queryClient={queryClient} webSocket={FakeWebSocket}>
      <MemoryRouter>
        <AlertBell />
      </MemoryRouter>
    </AppProvider>,
  );
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  FakeWebSocket.reset();
});

describe('alert bell', () => {
  it('when past 99 unread, then the badge says 99+', () => {
    expect([unreadLabel(0), unreadLabel(3), unreadLabel(99), unreadLabel(100)]).toEqual(['0', '3', '99', '99+']);
  });

  it('when alerts are unread, then the button is named with the count the badge shows (badge hidden from AT), and the page is axe-clean', async () => {
    serve({ notifications: [fired('11111111-1111-4111-8111-111111111111', false), fired('22222222-2222-4222-8222-222222222222', false), fired('33333333-3333-4333-8333-333333333333', true)] });
    const { container } = renderBell();
    const button = await screen.findByRole('button', { name: 'Notifications, 2 unread' });
    expect(button.querySelector('[aria-hidden="true"].MuiBadge-badge')?.textContent).toBe('2');
    expect(await axeViolations(container)).toEqual([]);
  });

  it('when an alert fires on /ws/alerts, then a toast says so; the centre marks all read', async () => {
    const state = { notifications: [fired('11111111-1111-4111-8111-111111111111', false)] };
    const posts = serve(state);
    renderBell('ko');
    await screen.findByRole('button', { name: '알림, 읽지 않음 1개' });
    const socket = await waitFor(() => FakeWebSocket.instances.find((s) => s.url.endsWith('/ws/alerts'))!);
    act(() => {
      socket.open();
      socket.receive({ type: 'authenticated', userId: 1, expiresAt: Date.now() + 60_000 });
      socket.receive({ type: 'alert', data: fired('44444444-4444-4444-8444-444444444444', false) });
    });
    expect((await screen.findByRole('status')).textContent).toContain('BTCUSDT');
    fireEvent.click(screen.getByRole('button', { name: /알림, 읽지 않음/ }));
    fireEvent.click(await screen.findByRole('button', { name: '모두 읽음으로 표시' }));
    await waitFor(() => expect(posts.some((u) => u.endsWith('/api/alerts/notifications/read-all'))).toBe(true));
    // Behind the open popover the bell is hidden from AT; its name already says none unread.
    await screen.findByRole('button', { name: '알림', hidden: true });
  });

  it('when one unread alert is marked read in the centre, then only it is posted and the count drops by one', async () => {
    const first = fired('11111111-1111-4111-8111-111111111111', false);
    const second = { ...fired('22222222-2222-4222-8222-222222222222', false), condition: 'PRICE_BELOW' as const, price: '60000' };
    const posts = serve({ notifications: [first, second] });
    const { baseElement } = renderBell();
    fireEvent.click(await screen.findByRole('button', { name: 'Notifications, 2 unread' }));
    const dialog = await screen.findByRole('dialog', { name: 'Alert centre' });
    const marks = await within(dialog).findAllByRole('button', { name: /^Mark read: / });
    expect(marks).toHaveLength(2);
    expect(await axeViolations(baseElement)).toEqual([]);
    fireEvent.click(marks[1]!);
    await waitFor(() => expect(posts).toEqual([expect.stringMatching(/\/api\/alerts\/notifications\/22222222-2222-4222-8222-222222222222\/read$/)]));
    await waitFor(() => expect(within(dialog).getAllByRole('button', { name: /^Mark read: / })).toHaveLength(1));
    await screen.findByRole('button', { name: 'Notifications, 1 unread', hidden: true });
  });
});
