import type { EntryPoint } from '../../../kernel/module.js';
import { startHistoryBackfill } from '../history/start-history-backfill.js';
import { startProjector } from './start-projector.js';

/**
 * The projector role: consumes the market topics into cache and database, and fills any
 * missing candle history in the background so charts are never empty on a first start.
 */
export const projectorEntryPoint: EntryPoint = {
  name: 'market-projector',
  async start({ ports, logger }) {
    const projector = await startProjector(ports, logger);
    const symbols = ports.market.symbols.list().map((s) => s.symbol);
    const backfill = startHistoryBackfill(ports.db, ports.market, symbols, logger);
    return {
      async stop() {
        await backfill.stop();
        await projector.stop();
      },
    };
  },
};
