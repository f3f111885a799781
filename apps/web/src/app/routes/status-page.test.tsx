import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Readiness } from '@cryptosim/contracts';
import { renderApp } from '@/testing/render-app';
import { stubFetch, type FetchMock } from '@/testing/stub-fetch';
import { READINESS_REFRESH_MS } from '@/features/status';

const degraded: Readiness = {
  status: 'unavailable',
  ports: {
    db: { impl: 'postgres', ok: true },
    cache: { impl: 'redis', ok: false, error: 'connect ECONNREFUSED 127.0.0.1:6379' },
    bus: { impl: 'kafka', ok: true },
    jobs: { impl: 'bullmq', ok: true },
  },
};

function jsonResponse(body: unknown, status: number, contentType = 'application/json'): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': contentType } });
}

/** The table row whose header cell names the component, e.g. "Cache". */
async function findPortRow(label: string): Promise<HTMLElement> {
  const header = await screen.findByRole('rowheader', { name: new RegExp(label) });
  const row = header.closest('tr');
  if (!row) throw new Error(`row header "${label}" is not inside a table row`);
  return row;
}

describe('status page', () => {
  let fetchMock: FetchMock;

  beforeEach(() => {
    fetchMock = stubFetch();
  });

  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('when /readyz answers 503 with one port down, then every port shows its impl and the down one says Down', async () => {
    fetchMock.mockResolvedValue(jsonResponse(degraded, 503));
    renderApp({ path: '/status' });

    const cacheRow = await findPortRow('Cache');
    expect(within(cacheRow).getByText('redis')).toBeTruthy();
    expect(within(cacheRow).getByText('Down')).toBeTruthy();
    expect(within(cacheRow).getByText(/ECONNREFUSED/)).toBeTruthy();

    for (const [label, impl] of [['Database', 'postgres'], ['Message bus', 'kafka'], ['Job scheduler', 'bullmq']]) {
      const row = await findPortRow(label!);
      expect(within(row).getByText(impl!), `${label} row should name its implementation`).toBeTruthy();
      expect(within(row).getByText('OK'), `${label} row should say OK`).toBeTruthy();
      expect(within(row).queryByText('Down'), `${label} row must not say Down`).toBeNull();
    }
    expect(screen.getByText('Some systems are down')).toBeTruthy();
    expect(fetchMock).toHaveBeenCalledWith('/readyz', expect.anything());
  });

  it('when the user picks 한국어, then the shell and the status page switch to Korean', async () => {
    fetchMock.mockResolvedValue(jsonResponse(degraded, 503));
    renderApp({ path: '/status' });
    await findPortRow('Cache');

    fireEvent.click(screen.getByRole('button', { name: '한국어' }));

    expect(await screen.findByRole('heading', { name: '시스템 상태' })).toBeTruthy();
    const cacheRow = await findPortRow('캐시');
    expect(within(cacheRow).getByText('중단')).toBeTruthy();
    expect(screen.getByText('일부 시스템이 중단되었습니다')).toBeTruthy();
    expect(screen.queryByText('System status'), 'English heading should be gone').toBeNull();
    expect(screen.getByRole('button', { name: '한국어' }).getAttribute('aria-pressed')).toBe('true');
    expect(document.documentElement.lang).toBe('ko');
  });

  it('when a poll 5 s later reports the port back up, then its row changes to OK without a reload', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      const recovered: Readiness = { status: 'ok', ports: { ...degraded.ports, cache: { impl: 'redis', ok: true } } };
      fetchMock.mockResolvedValueOnce(jsonResponse(degraded, 503)).mockResolvedValue(jsonResponse(recovered, 200));
      renderApp({ path: '/status' });
      expect(within(await findPortRow('Cache')).getByText('Down')).toBeTruthy();

      await vi.advanceTimersByTimeAsync(READINESS_REFRESH_MS);

      await vi.waitFor(async () => expect(within(await findPortRow('Cache')).getByText('OK')).toBeTruthy());
      expect(screen.getByText('All systems operational')).toBeTruthy();
      expect(fetchMock).toHaveBeenCalledTimes(2);
    } finally {
      vi.useRealTimers();
    }
  });

  it('when every port is up, then the summary says all systems are operational', async () => {
    const healthy: Readiness = { status: 'ok', ports: { db: { impl: 'pglite', ok: true } } };
    fetchMock.mockResolvedValue(jsonResponse(healthy, 200));
    renderApp({ path: '/status' });

    expect(await screen.findByText('All systems operational')).toBeTruthy();
    expect(screen.queryByText('Down')).toBeNull();
  });

  it('when the server answers with a problem, then its code is shown with a retry that refetches', async () => {
    const problem = { type: 'about:blank', title: 'Internal error', status: 500, detail: 'x', code: 'INTERNAL_ERROR' };
    fetchMock.mockResolvedValue(jsonResponse(problem, 500, 'application/problem+json'));
    renderApp({ path: '/status' });

    expect(await screen.findByText(/INTERNAL_ERROR/)).toBeTruthy();
    const callsBefore = fetchMock.mock.calls.length;
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    await vi.waitFor(() => expect(fetchMock.mock.calls.length).toBeGreaterThan(callsBefore));
  });

  it('when the proxy answers a bare 502, then the page says the server could not be reached', async () => {
    fetchMock.mockResolvedValue(new Response('', { status: 502 }));
    renderApp({ path: '/status' });

    expect(await screen.findByText(/The server could not be reached/)).toBeTruthy();
  });

  it('when the network fails, then the page says the server could not be reached', async () => {
    fetchMock.mockRejectedValue(new TypeError('Failed to fetch'));
    renderApp({ path: '/status' });

    expect(await screen.findByText(/The server could not be reached/)).toBeTruthy();
    expect(screen.getByText(/NETWORK_ERROR/)).toBeTruthy();
  });
});
