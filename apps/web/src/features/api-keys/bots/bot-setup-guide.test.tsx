import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { QueryClient } from '@tanstack/react-query';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppProvider } from '@/app/provider';
import { createAppStore } from '@/app/store';
import { axeViolations } from '@/testing/axe';
import { FakeWebSocket } from '@/testing/fake-web-socket';
import { signedInSession } from '@/testing/render-app';
import { botUrls } from './bot-snippets';
import { BotSetupGuide } from './bot-setup-guide';

function renderGuide(language: 'en' | 'ko' = 'en') {
  const store = createAppStore({ preferences: { language, theme: 'light' }, session: signedInSession() });
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <AppProvider store={store} queryClient={queryClient} webSocket={FakeWebSocket}>
      <MemoryRouter>
        <main>
          <BotSetupGuide />
        </main>
      </MemoryRouter>
    </AppProvider>,
  );
}

// The first render loads MUI's modules; on a busy 2-core machine that alone can pass vitest's 5 s default.
describe('Settings → trading bots', { timeout: 30_000 }, () => {
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('when the page is served from a host, then the REST and stream URLs are that host’s /binance', () => {
    renderGuide();
    const origin = window.location.origin;
    expect(screen.getByTestId('bot-rest-url').textContent).toBe(`${origin}/binance`);
    expect(screen.getByTestId('bot-stream-url').textContent).toBe(`ws://${window.location.host}/binance`);
  });

  it('when served over https, then the streams are wss on the same host', () => {
    expect(botUrls({ protocol: 'https:', host: 'sim.example.com', origin: 'https://sim.example.com' })).toEqual({
      rest: 'https://sim.example.com/binance',
      streams: 'wss://sim.example.com/binance',
    });
  });

  it('when the examples are shown, then python-binance, ccxt and @binance/spot each point at this server with the key placeholders', () => {
    renderGuide();
    const rest = `${window.location.origin}/binance`;
    const blocks = ['python-binance', 'ccxt (Python)', '@binance/spot (Node.js)'].map((library) => screen.getByLabelText(`Example for ${library}`).textContent ?? '');
    expect(blocks[0]).toContain(`Client.API_URL = "${rest}/api"`);
    expect(blocks[1]).toContain(`exchange.urls["api"]["private"] = "${rest}/api/v3"`);
    expect(blocks[2]).toContain(`basePath: '${rest}'`);
    for (const code of blocks) {
      expect(code).toContain('YOUR_API_KEY');
      expect(code).toContain('YOUR_SECRET_KEY');
      expect(code).not.toContain('api.binance.com');
    }
  });

  it('when an example’s copy button is pressed, then the clipboard gets that example’s code', async () => {
    const writeText = vi.fn(async () => undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    renderGuide();
    fireEvent.click(screen.getByRole('button', { name: 'Copy ccxt (Python)' }));
    await waitFor(() => expect(writeText).toHaveBeenCalledTimes(1));
    expect(writeText.mock.calls[0]).toEqual([screen.getByLabelText('Example for ccxt (Python)').textContent]);
    expect(await screen.findByRole('button', { name: 'Copied' })).toBeTruthy();
  });

  it('when read in English, then the supported endpoints and the differences from Binance are listed', () => {
    renderGuide();
    const lists = screen.getAllByRole('list');
    expect(screen.getByRole('heading', { name: 'Supported endpoints' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Differences from Binance' })).toBeTruthy();
    expect(within(lists[0]!).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      expect.stringMatching(/^Public: ping, time, exchangeInfo/),
      expect.stringMatching(/^Signed: order \(new, query, cancel\)/),
      expect.stringMatching(/^Streams: <symbol>@ticker/),
    ]);
    expect(lists[1]!.textContent).toContain('commissionAsset is always USDT');
  });

  it('when read in Korean, then headings and lists are Korean while the code stays as written', () => {
    renderGuide('ko');
    expect(screen.getByRole('heading', { name: '지원하는 엔드포인트' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: '바이낸스와 다른 점' })).toBeTruthy();
    expect(screen.getByLabelText('python-binance 예제').textContent).toContain('client.order_market_buy(symbol="BTCUSDT"');
  });

  for (const language of ['en', 'ko'] as const) {
    it(`when rendered in ${language}, then axe finds no WCAG A/AA violation`, async () => {
      const { container } = renderGuide(language);
      expect(await axeViolations(container)).toEqual([]);
    });
  }
});
