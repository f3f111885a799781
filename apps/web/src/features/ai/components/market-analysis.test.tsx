import { cleanup, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, problem } from '@/testing/render-app';
import { stubFetch, type FetchMock } from '@/testing/stub-fetch';
import { analysis, renderPanel } from '../testing/ai-fixtures';
import { MarketAnalysis } from './market-analysis';

/** The value shown under an indicator's name in the description list. */
function indicator(name: string): string | null | undefined {
  return screen.getByText(name, { selector: 'dt' }).nextElementSibling?.textContent;
}

describe('market analysis', () => {
  let fetchMock: FetchMock;

  beforeEach(() => {
    fetchMock = stubFetch();
  });

  afterEach(() => {
    cleanup();
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('when the request is in flight, then a loading placeholder shows', () => {
    fetchMock.mockReturnValue(new Promise(() => undefined));
    renderPanel(<MarketAnalysis symbol="BTCUSDT" />);
    expect(screen.getByRole('status', { name: 'Loading…' })).toBeTruthy();
  });

  it('when the analysis arrives, then the trend in the up colour, the summary and every indicator formatted show', async () => {
    fetchMock.mockResolvedValue(jsonResponse(analysis));
    renderPanel(<MarketAnalysis symbol="BTCUSDT" />);

    const trend = await screen.findByText('Uptrend');
    expect(getComputedStyle(trend.closest('.MuiChip-root')!).color).toBe('rgb(2, 122, 80)');
    expect(screen.getByText(analysis.summary)).toBeTruthy();
    expect(indicator('RSI (14)')).toBe('61.2346');
    expect(indicator('Bollinger upper')).toBe('65,000.5');
    expect(indicator('Volatility')).toBe('0.0123');
    expect(screen.getByText('Interval 1h')).toBeTruthy();
    const [url, init] = fetchMock.mock.calls[0]!;
    expect(url).toBe('/api/ai/analysis?symbol=BTCUSDT');
    expect(new Headers(init?.headers).get('Accept-Language'), 'the summary comes in the page language').toBe('en');
  });

  it('when the page is in Korean, then the summary is asked for in Korean and numbers use the Korean format', async () => {
    fetchMock.mockResolvedValue(jsonResponse({ ...analysis, trend: 'SIDEWAYS', indicators: { ...analysis.indicators, rsi14: null } }));
    renderPanel(<MarketAnalysis symbol="BTCUSDT" />, { preferences: { language: 'ko' } });
    expect(await screen.findByText('횡보')).toBeTruthy();
    expect(indicator('RSI (14)'), 'an indicator without enough data shows a dash').toBe('—');
    expect(indicator('볼린저 상단')).toBe('65,000.5');
    expect(new Headers(fetchMock.mock.calls[0]![1]?.headers).get('Accept-Language')).toBe('ko');
  });

  it('when the server answers 503 MODEL_UNAVAILABLE, then it says not available yet and asks again after Retry-After', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    fetchMock.mockResolvedValueOnce(jsonResponse(problem(503, 'MODEL_UNAVAILABLE'), 503, { 'Retry-After': '12' }));
    fetchMock.mockResolvedValue(jsonResponse(analysis));
    renderPanel(<MarketAnalysis symbol="BTCUSDT" />);
    expect(await screen.findByText(/not available yet.*Trying again in 12 s\./)).toBeTruthy();
    await vi.advanceTimersByTimeAsync(12_000);
    expect(await screen.findByText('Uptrend')).toBeTruthy();
  });

  it('when the symbol is unknown to the server, then an error shows', async () => {
    fetchMock.mockResolvedValue(jsonResponse(problem(404, 'UNKNOWN_SYMBOL'), 404));
    renderPanel(<MarketAnalysis symbol="BTCUSDT" />);
    expect(await screen.findByText('The analysis could not be loaded.')).toBeTruthy();
    expect(fetchMock, 'a 404 is not retried').toHaveBeenCalledTimes(1);
  });
});
