/**
 * The tunable numbers of the trading rules. config.ts reads them from the environment as
 * strings; `tradingConfig` parses and checks them once at start-up.
 */
import { type Dec, dec, DEFAULT_FEE_RATES, type FeeRates } from '@cryptosim/trading-rules';
import { AppError } from '../../../kernel/app-error.js';
import { checkSlippageModel, DEFAULT_SLIPPAGE, type SlippageModel } from './slippage.js';

export interface TradingConfig {
  fees: FeeRates;
  slippage: SlippageModel;
}

export const DEFAULT_TRADING_CONFIG: TradingConfig = { fees: DEFAULT_FEE_RATES, slippage: DEFAULT_SLIPPAGE };

export interface TradingConfigInput {
  makerFeeRate?: string;
  takerFeeRate?: string;
  slippageK?: string;
  slippageCap?: string;
}

/** Refuses rates a config could hold but the rules cannot honour: a sell must still pay out. */
export function checkFeeRates(rates: FeeRates): FeeRates {
  for (const [name, rate] of Object.entries(rates) as [string, Dec][]) {
    if (rate.isNegative() || rate.gte(1)) {
      throw new AppError('VALIDATION_FAILED', 400, `${name} fee rate must be at least 0 and below 1, got ${rate.toFixed()}`);
    }
  }
  return rates;
}

export function tradingConfig(input: TradingConfigInput = {}): TradingConfig {
  return {
    fees: checkFeeRates({
      maker: input.makerFeeRate === undefined ? DEFAULT_FEE_RATES.maker : dec(input.makerFeeRate),
      taker: input.takerFeeRate === undefined ? DEFAULT_FEE_RATES.taker : dec(input.takerFeeRate),
    }),
    slippage: checkSlippageModel({
      k: input.slippageK === undefined ? DEFAULT_SLIPPAGE.k : dec(input.slippageK),
      cap: input.slippageCap === undefined ? DEFAULT_SLIPPAGE.cap : dec(input.slippageCap),
    }),
  };
}
