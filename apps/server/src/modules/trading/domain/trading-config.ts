/**
 * The tunable numbers of the trading rules. config.ts reads them from the environment as
 * strings; `tradingConfig` parses and checks them once at start-up.
 */
import { dec } from '../../../core/decimal.js';
import { checkFeeRates, DEFAULT_FEE_RATES, type FeeRates } from './fees.js';
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
