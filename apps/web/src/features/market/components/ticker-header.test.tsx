import { cleanup, render, screen } from '@testing-library/react';
import { QueryClient } from '@tanstack/react-query';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PriceRow, SymbolInfo } from '@cryptosim/contracts';
import { AppProvider } from '@/app/provider';
import { createAppStore } from '@/app/store';
import type { Language } from '@/lib/i18n';
import { FakeWebSocket } from '@/testing/fake-web-socket';
import { jsonResponse } from '@/testing/render-app';
import { stubFetch } from '@/testing/stub-fetch';
import { TickerHeader } from './ticker-header';

const BTC: SymbolInfo = {
  symbol: 'BTCUSDT', baseAsset: 'BTC', quoteAsset: 'USDT', status: 'TRADING',
  tickSize: '0.01', stepSize: '0.00001', minQty: '0.00001', minNotional: '5',
};
const ROW: PriceRow = {
  symbol: 'BTCUSDT', price: '67012.1', open24h: '68012.1', high24h: '69000', low24h: '66000.5', volume24h: '12345.678',
  changePercent24h: '-1.47', updatedAt: 0, stale: false,
};

function renderHeader(row: PriceRow | undefined, language: Language = 'en') {
  stubFetch({ '/api/market/symbols': () => jsonResponse({ symbols: [BTC] }) });
  const store = createAppStore({ preferences: { language, theme: 'light' } });
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <AppProvider store={store} queryClient={queryClient} webSocket={FakeWebSocket}>
      <TickerHeader row={row} />
    </AppProvider>,
  );
}

const stat = (label: string) => screen.getByText(label).nextElementSibling?.textContent;

describe('ticker header', { timeout: 20_000 }, () => {
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
    document.title = 'cryptosim';
  });

  it('when the ticker is live, then last price, 24 h change in USDT and %, high, low and both volumes are shown', async () => {
    renderHeader(ROW);
    await screen.findByText('24h volume (BTC)');
    expect(screen.getByText('67,012.10')).toBeTruthy();
    expect(screen.getByText('-1.47%')).toBeTruthy();
    expect(stat('24h change (USDT)')).toBe('-1,000.00');
    expect(stat('24h high')).toBe('69,000.00');
    expect(stat('24h low')).toBe('66,000.50');
    expect(stat('24h volume (BTC)')).toBe('12,345.68');
    expect(stat('24h volume (USDT, est.)')).toBe('≈ 827.31M');
  });

  it('when the price moves, then the tab title follows it, and the old title returns when the header goes', async () => {
    document.title = 'cryptosim';
    const view = renderHeader(ROW);
    await screen.findByText('24h volume (BTC)');
    expect(document.title).toBe('67,012.10 BTCUSDT · cryptosim');
    view.rerender(
      <AppProvider store={createAppStore({ preferences: { language: 'en', theme: 'light' } })} queryClient={new QueryClient()} webSocket={FakeWebSocket}>
        <TickerHeader row={{ ...ROW, price: '67100' }} />
      </AppProvider>,
    );
    await screen.findByText('24h volume (BTC)');
    expect(document.title).toBe('67,100.00 BTCUSDT · cryptosim');
    view.unmount();
    expect(document.title).toBe('cryptosim');
  });

  it('when the reader uses Korean, then the labels are Korean', async () => {
    renderHeader({ ...ROW, price: '68112.1' }, 'ko');
    await screen.findByText('24시간 거래량 (BTC)');
    expect(stat('24시간 변동 (USDT)')).toBe('+100.00');
    expect(screen.getByText('24시간 거래대금 (USDT, 추정)')).toBeTruthy();
  });
});
