import { cleanup, render, screen } from '@testing-library/react';
import { QueryClient } from '@tanstack/react-query';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PerformanceResponse } from '@cryptosim/contracts';
import { AppProvider } from '@/app/provider';
import { createAppStore } from '@/app/store';
import type { Language } from '@/lib/i18n';
import { FakeWebSocket } from '@/testing/fake-web-socket';
import { jsonResponse, signedInSession } from '@/testing/render-app';
import { stubFetch } from '@/testing/stub-fetch';
import { PerformancePanel } from './performance-panel';

const performance: PerformanceResponse = {
  equity: [{ time: 0, value: '100000' }, { time: 60_000, value: '99904.9' }],
  metrics: { totalReturnPercent: '-0.0951', maxDrawdownPercent: '0.0951', sharpe: null, winRate: '0', trades: 2, feesPaid: '95.10000001' },
};

function renderPanel(language: Language) {
  const store = createAppStore({ preferences: { language, theme: 'light' }, session: signedInSession() });
  render(
    <AppProvider store={store} queryClient={new QueryClient()} webSocket={FakeWebSocket}>
      <PerformancePanel />
    </AppProvider>,
  );
}

describe('performance panel', () => {
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it.each([['en', 'Fees paid', '95.10 USDT'], ['ko', '지불한 수수료', '95.10 USDT']] as const)(
    'when the range has fills (%s), then the fees paid show in USDT to the cent with the exact sum on hover',
    async (language, label, shown) => {
      const fetchMock = stubFetch({ '/api/portfolio/performance': () => jsonResponse(performance) });
      renderPanel(language);
      const fees = (await screen.findByText(label)).nextElementSibling!;
      expect(fees.textContent).toBe(shown);
      expect(fees.getAttribute('title')).toBe('95.10000001 USDT');
      expect(String(fetchMock.mock.calls[0]![0])).toBe('/api/portfolio/performance?range=1d');
    },
  );
});
