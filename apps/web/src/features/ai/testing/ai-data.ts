import type { AnalysisResponse, ModelsResponse, PredictionsResponse, PredictResponse, TrackRecord } from '@cryptosim/contracts';

/** Replies shaped by the contracts, for the unit tests and the browser layout check. */
export const prediction: PredictResponse = {
  symbol: 'BTCUSDT',
  horizon: '1h',
  label: 'UP',
  probabilities: { UP: 0.62, DOWN: 0.23, FLAT: 0.15 },
  modelVersion: 'xgb-2026-11-30.1',
  generatedAt: '2026-12-01T10:00:00.000Z',
  trackRecord: {
    scored: 1200,
    accuracy: 0.483,
    balancedAccuracy: 0.41,
    baselines: { majority: { accuracy: 0.417, balancedAccuracy: 0.333 }, persistence: { accuracy: 0.3667, balancedAccuracy: 0.35 } },
  },
};

export const analysis: AnalysisResponse = {
  symbol: 'BTCUSDT',
  interval: '1h',
  indicators: {
    rsi14: 61.234567, macd: 120.5, macdSignal: 98.25, macdHistogram: 22.25, bollingerUpper: 65000.5, bollingerLower: 61000.25,
    sma20: 63000, ema50: 62000, atr14: 450.75, volatility: 0.0123,
  },
  trend: 'UP',
  prediction,
  summary: 'BTCUSDT is in an uptrend: RSI 61.23, above its 50-bar EMA 62000.',
};

export const trackRecord: TrackRecord = {
  scored: 60,
  accuracy: 0.5,
  balancedAccuracy: 0.45,
  logLoss: 1.0123,
  brier: 0.6021,
  confusion: { UP: { UP: 12, DOWN: 5, FLAT: 3 }, DOWN: { UP: 6, DOWN: 11, FLAT: 3 }, FLAT: { UP: 4, DOWN: 6, FLAT: 10 } },
  baselines: { majority: { accuracy: 0.3333, balancedAccuracy: 0.3333 }, persistence: { accuracy: 0.35, balancedAccuracy: 0.35 } },
  byWeek: [
    { week: '2026-11-16', scored: 20, accuracy: 0.45 },
    { week: '2026-11-23', scored: 40, accuracy: 0.525 },
  ],
};

export const models: ModelsResponse = {
  models: [
    { version: 'xgb-2026-11-30.1', status: 'active', params: {}, metrics: {}, createdAt: '2026-11-30T08:00:00.000Z' },
    { version: 'xgb-2026-11-20.1', status: 'retired', params: {}, metrics: {}, createdAt: '2026-11-20T08:00:00.000Z' },
  ],
  nextCursor: null,
};

export const predictions: PredictionsResponse = {
  predictions: [
    {
      id: 2, symbol: 'ETHUSDT', horizon: '1h', label: 'DOWN', probabilities: { UP: 0.2, DOWN: 0.5, FLAT: 0.3 }, modelVersion: 'xgb-2026-11-30.1',
      generatedAt: '2026-12-01T09:00:00.000Z', resolveAt: '2026-12-01T10:00:00.000Z', status: 'scored', outcome: 'UP', priceAt: '3000', resolvedPrice: '3010', scoredAt: '2026-12-01T10:01:00.000Z',
    },
  ],
  nextCursor: null,
};
