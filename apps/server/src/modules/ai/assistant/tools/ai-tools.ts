/**
 * AI tools: the market analysis (indicators, trend, the current prediction), the prediction with
 * its track record, and what an indicator means (its definition and the zones the analysis uses).
 */
import Type from 'typebox';
import { LiteralUnion } from '@cryptosim/contracts';
import { analyzeMarket } from '../../analysis/analyze-market.js';
import { predictNow } from '../../serving/predict-now.js';
import { fractionPercent } from '../language/format.js';
import { INDICATOR_GUIDE, INDICATORS, rsiZone, RSI_ZONES, type Indicator } from './indicator-guide.js';
import { knownSymbol, SYMBOL_PATTERN } from './known-symbol.js';
import { defineTool } from './tool.js';

const Symbol = Type.String({ pattern: SYMBOL_PATTERN, description: 'exchange symbol, e.g. BTCUSDT' });

/** The periods the analysis computes its indicators over (engine/indicators.ts). */
export const INDICATOR_PERIODS = { rsi: 14, bollinger: 20, bollingerStdDevs: 2, sma: 20, ema: 50, atr: 14, macdFast: 12, macdSlow: 26, macdSignal: 9, volatilityReturns: 24 };

export const analysisTool = defineTool({
  name: 'get_market_analysis',
  description:
    "Indicators of the symbol's closed hourly bars (RSI 14, MACD, Bollinger bands, SMA 20, EMA 50, ATR 14, volatility), the trend label, the model's current prediction and a summary written from them.",
  parameters: Type.Object({ symbol: Symbol }, { additionalProperties: false }),
  async execute(ctx, args) {
    const symbol = knownSymbol(ctx, args.symbol).symbol;
    const { db, models, memo } = ctx.services;
    const analysis = await analyzeMarket(db, models, memo, symbol, ctx.language);
    const rsi = analysis.indicators.rsi14;
    const summary = ctx.language === 'ko' ? `${symbol} 분석: 추세 ${analysis.trend}` : `${symbol} analysis: trend ${analysis.trend}`;
    return {
      data: { ...analysis, rsiZone: rsi === null ? null : rsiZone(rsi), rsiZones: RSI_ZONES, periods: INDICATOR_PERIODS },
      summary,
    };
  },
});

export const predictionTool = defineTool({
  name: 'get_prediction',
  description:
    "The active model's prediction for the symbol's next hourly bar (UP, DOWN or FLAT with probabilities) and its track record: how many of its predictions were scored, their accuracy, and the baselines' accuracy over the same predictions. A statistical estimate, not a promise.",
  parameters: Type.Object({ symbol: Symbol }, { additionalProperties: false }),
  async execute(ctx, args) {
    const symbol = knownSymbol(ctx, args.symbol).symbol;
    const p = await predictNow(ctx.services.models, ctx.services.memo, symbol);
    const top = p.probabilities[p.label];
    const summary = ctx.language === 'ko' ? `${symbol} 예측 ${p.label} ${fractionPercent(top)}` : `${symbol} prediction ${p.label} ${fractionPercent(top)}`;
    return { data: { ...p, topProbability: top }, summary };
  },
});

export const indicatorGuideTool = defineTool({
  name: 'explain_indicator',
  description:
    'What a technical indicator measures and how to read it (the zones this platform uses); with a value, which zone that value is in. No market data: pair it with get_market_analysis for a current value.',
  parameters: Type.Object(
    { indicator: LiteralUnion(INDICATORS), value: Type.Optional(Type.Number({ description: 'a value to place in the zones (e.g. RSI 72)' })) },
    { additionalProperties: false },
  ),
  async execute(ctx, args) {
    const indicator = args.indicator as Indicator;
    const guide = INDICATOR_GUIDE[indicator];
    const value = args.value as number | undefined;
    const zone = indicator === 'rsi' && value !== undefined ? rsiZone(value) : null;
    return {
      data: { indicator, name: guide.name, meaning: guide[ctx.language], value: value ?? null, zone, rsiZones: indicator === 'rsi' ? RSI_ZONES : null, periods: INDICATOR_PERIODS },
      summary: ctx.language === 'ko' ? `${guide.name} 설명` : `${guide.name} explained`,
    };
  },
});
