import path from 'node:path';
import type { Logger } from 'pino';
import type { MarketSourceConfig } from '../../../config.js';
import type { MarketSource } from '../../../ports/market/market-source.js';
import { MarketSymbols } from '../symbols/symbol-registry.js';
import { AutoSource } from './auto-source.js';
import { BinanceSource } from './binance/binance-source.js';
import { ReplaySource } from './replay/replay-source.js';
import { SimulatorSource } from './simulator/simulator-source.js';

export interface MarketSourceSettings {
  market: MarketSourceConfig;
  logger: Logger;
}

/** Picks the market source from MARKET_SOURCE (docs/DESIGN.md's table). Makes no network call. */
export function createMarketSource({ market, logger }: MarketSourceSettings): MarketSource {
  const symbols = new MarketSymbols(market.symbols);
  const simulator = () => new SimulatorSource({ symbols, seed: market.seed, startPrices: market.simulatorStartPrices });
  const binance = () => new BinanceSource({ symbols, wsUrl: market.binanceWsUrl, restUrl: market.binanceRestUrl, logger });
  switch (market.source.kind) {
    case 'simulator':
      return simulator();
    case 'binance':
      return binance();
    case 'replay':
      return new ReplaySource({ files: market.source.files.map((f) => ({ file: path.resolve(f) })), speed: market.replaySpeed, logger });
    case 'auto':
      return new AutoSource({ binance: binance(), fallback: simulator, probeTimeoutMs: 5_000, logger });
  }
}
