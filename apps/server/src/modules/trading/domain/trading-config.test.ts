import { describe, expect, it } from 'vitest';
import { dec } from '@cryptosim/trading-rules';
import { errorOf } from './testing/fixtures.js';
import { checkFeeRates, tradingConfig } from './trading-config.js';

describe('trading config', () => {
  it('when a rate is negative or 100 %, then the config is refused', () => {
    expect(errorOf(() => checkFeeRates({ maker: dec('-0.001'), taker: dec('0.001') })).message).toMatch(/maker fee rate/);
    expect(errorOf(() => checkFeeRates({ maker: dec('0'), taker: dec('1') })).message).toMatch(/taker fee rate/);
  });

  it('when the environment gives rates, then they replace the defaults', () => {
    expect(tradingConfig({ makerFeeRate: '0.0002' }).fees).toEqual({ maker: dec('0.0002'), taker: dec('0.001') });
  });
});
