/**
 * `GET /api/ai/analysis`: the indicators of the symbol's closed bars of the model interval, the
 * trend label, the active model's prediction (null while none can be made) and a summary
 * written from those numbers.
 */
import type { AnalysisResponse } from '@cryptosim/contracts';
import { AppError } from '../../../kernel/app-error.js';
import type { Database } from '../../../ports/db/db-port.js';
import { readClosedCandles } from '../../market/index.js';
import { FEATURE_LOOKBACK_BARS, latestIndicators } from '../engine/index.js';
import type { ActiveModelCache } from '../serving/active-model-cache.js';
import { predictNow, type PredictNowOptions } from '../serving/predict-now.js';
import type { PredictionMemo } from '../serving/prediction-memo.js';
import { toEngine } from '../serving/predict-latest.js';
import { classifyTrend } from './classify-trend.js';
import type { SummaryLanguage } from './pick-language.js';
import { writeSummary, type AnalysisFacts } from './write-summary.js';

export const ANALYSIS_INTERVAL = '1h';

export async function analyzeMarket(db: Database, models: ActiveModelCache, memo: PredictionMemo, symbol: string, lang: SummaryLanguage, options: PredictNowOptions = {}): Promise<AnalysisResponse> {
  const [candles, prediction] = await Promise.all([
    readClosedCandles(db, symbol, ANALYSIS_INTERVAL, { limit: FEATURE_LOOKBACK_BARS }),
    predictNow(models, memo, symbol, options).catch((err: unknown) => {
      // No prediction (none can be made now, or the model does not cover the symbol): the analysis still answers.
      if (err instanceof AppError && (err.code === 'MODEL_UNAVAILABLE' || err.code === 'SYMBOL_NOT_COVERED')) return null;
      throw err;
    }),
  ]);
  const bars = candles.map(toEngine);
  const ind = latestIndicators(bars);
  const indicators: AnalysisResponse['indicators'] = {
    rsi14: ind?.rsi14 ?? null,
    macd: ind?.macd?.macd ?? null,
    macdSignal: ind?.macd?.signal ?? null,
    macdHistogram: ind?.macd?.histogram ?? null,
    bollingerUpper: ind?.bollinger?.upper ?? null,
    bollingerLower: ind?.bollinger?.lower ?? null,
    sma20: ind?.bollinger?.middle ?? null,
    ema50: ind?.ema50 ?? null,
    atr14: ind?.atr14 ?? null,
    volatility: ind?.volatility ?? null,
  };
  const facts: AnalysisFacts = {
    symbol,
    interval: ANALYSIS_INTERVAL,
    indicators,
    trend: classifyTrend(bars[bars.length - 1]?.close, indicators.sma20, indicators.ema50),
    prediction,
  };
  return { ...facts, summary: writeSummary(facts, lang) };
}
