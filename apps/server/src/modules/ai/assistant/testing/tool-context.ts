/** The tools' context over a test app's ports, for re-running a turn's tool calls in a test. */
import type { ChatLanguage } from '@cryptosim/contracts';
import type { Ports } from '../../../../kernel/ports.js';
import { tradingConfig } from '../../../trading/index.js';
import { ActiveModelCache } from '../../serving/active-model-cache.js';
import { PredictionMemo } from '../../serving/prediction-memo.js';
import type { ToolContext } from '../tools/tool.js';

export function testToolContext(ports: Ports, userId: number, language: ChatLanguage, trading: Parameters<typeof tradingConfig>[0] = { slippageK: '0' }): ToolContext {
  const db = ports.db.db;
  return {
    userId,
    language,
    signal: new AbortController().signal,
    services: {
      db,
      cache: ports.cache,
      symbols: () => ports.market.symbols,
      marketSource: () => ports.market.impl,
      trading: tradingConfig(trading),
      models: new ActiveModelCache(db),
      memo: new PredictionMemo(db),
    },
  };
}
