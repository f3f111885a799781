import type { EntryPoint } from '../../../kernel/module.js';
import { startHistoryBackfill } from '../history/start-history-backfill.js';
import { WORLD_SOURCE } from '../world/market-world.js';
import { startProjector } from './start-projector.js';

/**
 * The projector role: consumes the market topics into cache and database, and fills any
 * missing candle history in the background so charts are never empty on a first start.
 */
export const projectorEntryPoint: EntryPoint = {
  name: 'market-projector',
  async start({ ports, logger }) {
    const world = () => {
      const settled = ports.market.world;
      return settled ? WORLD_SOURCE[settled.world.kind] : undefined;
    };
    const projector = await startProjector(ports, logger, world);
    const symbols = ports.market.symbols.list().map((s) => s.symbol);
    // A simulator that continues from a checkpoint fills its stopped time itself (ingest);
    // history generated backwards from today's prices would not join the stored candles.
    const settled = ports.market.world;
    const resumedSimulation = settled?.world.kind === 'simulated' && settled.checkpoint !== null;
    const backfill = resumedSimulation ? undefined : startHistoryBackfill(ports.db, ports.market, symbols, logger);
    return {
      async stop() {
        await backfill?.stop();
        await projector.stop();
      },
    };
  },
};
