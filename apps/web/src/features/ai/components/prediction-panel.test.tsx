import { cleanup, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, problem } from '@/testing/render-app';
import { stubFetch, type FetchMock } from '@/testing/stub-fetch';
import { prediction, renderPanel } from '../testing/ai-fixtures';
import { PredictionPanel } from './prediction-panel';

// Words a prediction panel must never use: it shows an estimate, not a promise.
const PROMISES = /profit|guarantee|sure win|수익 보장|확실/i;

describe('prediction panel', () => {
  let fetchMock: FetchMock;

  beforeEach(() => {
    fetchMock = stubFetch();
  });

  afterEach(() => {
    cleanup();
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('when the request is in flight, then a loading placeholder and the not-advice caption show', () => {
    fetchMock.mockReturnValue(new Promise(() => undefined));
    renderPanel(<PredictionPanel symbol="BTCUSDT" />);
    expect(screen.getByRole('status', { name: 'Loading…' })).toBeTruthy();
    expect(screen.getByText(/not investment advice/)).toBeTruthy();
  });

  it('when a prediction arrives, then label, probabilities, horizon, model and the record against the baselines show', async () => {
    fetchMock.mockResolvedValue(jsonResponse(prediction));
    const { container } = renderPanel(<PredictionPanel symbol="BTCUSDT" />);

    const headline = await screen.findByText('Next 1h: Up');
    expect(getComputedStyle(headline).color, 'UP takes the green-up colour in light mode').toBe('rgb(2, 122, 80)');
    expect(screen.getByRole('progressbar', { name: 'Up' }).getAttribute('aria-valuetext')).toBe('62%');
    expect(screen.getByRole('progressbar', { name: 'Down' }).getAttribute('aria-valuenow')).toBe('23');
    expect(screen.getByRole('progressbar', { name: 'Flat' }).getAttribute('aria-valuetext')).toBe('15%');
    expect(screen.getByText('xgb-2026-11-30.1')).toBeTruthy();
    expect(screen.getByText(/^1,200 scored: accuracy 48\.3% vs baselines \(majority 41\.7%, persistence 36\.7%\)/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Track record' }).getAttribute('href')).toBe('/ai');
    expect(container.textContent, 'no wording that promises gains').not.toMatch(PROMISES);

    const [url, init] = fetchMock.mock.calls[0]!;
    expect(url).toBe('/api/ai/predict');
    expect(init?.method).toBe('POST');
    expect(JSON.parse(String(init?.body))).toEqual({ symbol: 'BTCUSDT', horizon: '1h' });
    expect(new Headers(init?.headers).get('Authorization')).toBe('Bearer access-1');
  });

  it('when the user prefers red for up and reads Korean, then the label is red and in Korean with no promise of gains', async () => {
    fetchMock.mockResolvedValue(jsonResponse(prediction));
    const { container } = renderPanel(<PredictionPanel symbol="BTCUSDT" />, { preferences: { language: 'ko', priceColours: 'redUp' } });
    const headline = await screen.findByText('다음 1h: 상승');
    expect(getComputedStyle(headline).color).toBe('rgb(198, 40, 57)');
    expect(screen.getByText(/^채점 1,200건: 정확도 48\.3%/)).toBeTruthy();
    expect(container.textContent).toMatch(/투자 조언이 아닙니다/);
    expect(container.textContent).not.toMatch(PROMISES);
  });

  it('when the server answers 503 MODEL_UNAVAILABLE with Retry-After, then it says not available yet and asks again after that wait', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    fetchMock.mockResolvedValueOnce(jsonResponse(problem(503, 'MODEL_UNAVAILABLE'), 503, { 'Retry-After': '30' }));
    fetchMock.mockResolvedValue(jsonResponse(prediction));
    renderPanel(<PredictionPanel symbol="BTCUSDT" />);

    expect(await screen.findByText(/No estimate is available yet.*Trying again in 30 s\./)).toBeTruthy();
    expect(fetchMock, 'a 503 is an answer: no immediate retry').toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(30_000);
    expect(await screen.findByText('Next 1h: Up')).toBeTruthy();
    expect(screen.queryByText(/No estimate is available yet/)).toBeNull();
  });

  it('when the server answers 404 SYMBOL_NOT_COVERED, then it says the model was not trained on the symbol (in Korean too), without retrying at once', async () => {
    fetchMock.mockImplementation(async () => jsonResponse(problem(404, 'SYMBOL_NOT_COVERED'), 404));
    renderPanel(<PredictionPanel symbol="DOGEUSDT" />);
    expect(await screen.findByText(/The active model was not trained on DOGEUSDT, so it makes no estimate for it/)).toBeTruthy();
    expect(screen.queryByText('The estimate could not be loaded.')).toBeNull();
    expect(fetchMock, 'a 404 is an answer: no immediate retry').toHaveBeenCalledTimes(1);
    cleanup();
    renderPanel(<PredictionPanel symbol="DOGEUSDT" />, { preferences: { language: 'ko' } });
    expect(await screen.findByText(/현재 활성 모델은 DOGEUSDT 데이터로 학습되지 않아/)).toBeTruthy();
  });

  it('when the server fails, then an error shows instead of a stale or made-up estimate', async () => {
    fetchMock.mockResolvedValue(jsonResponse(problem(500, 'INTERNAL'), 500));
    renderPanel(<PredictionPanel symbol="BTCUSDT" />);
    expect(await screen.findByText('The estimate could not be loaded.')).toBeTruthy();
    expect(screen.queryByRole('progressbar')).toBeNull();
  });

  it('when nothing of the model is scored yet, then it says the accuracy is unknown rather than 0 %', async () => {
    fetchMock.mockResolvedValue(jsonResponse({ ...prediction, trackRecord: { scored: 0, accuracy: null, balancedAccuracy: null, baselines: { majority: { accuracy: null, balancedAccuracy: null }, persistence: { accuracy: null, balancedAccuracy: null } } } }));
    renderPanel(<PredictionPanel symbol="BTCUSDT" />);
    expect(await screen.findByText(/No prediction of this model has been scored yet/)).toBeTruthy();
  });

  it('when a minute passes, then the estimate is fetched again so a new bar shows', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    fetchMock.mockResolvedValueOnce(jsonResponse(prediction));
    fetchMock.mockResolvedValue(jsonResponse({ ...prediction, label: 'DOWN', probabilities: { UP: 0.2, DOWN: 0.5, FLAT: 0.3 } }));
    renderPanel(<PredictionPanel symbol="BTCUSDT" />);
    await screen.findByText('Next 1h: Up');
    await vi.advanceTimersByTimeAsync(60_000);
    expect(await screen.findByText('Next 1h: Down')).toBeTruthy();
  });

  it('when signed out, then nothing is requested and it asks to log in', () => {
    renderPanel(<PredictionPanel symbol="BTCUSDT" />, { signedIn: false });
    expect(screen.getByText(/Log in to see the model’s estimate/)).toBeTruthy();
    expect(fetchMock, 'the AI routes need a session').not.toHaveBeenCalled();
  });
});
