/**
 * The projector role's entry point: two members of the projector consumer groups, one per
 * topic, so a batch of candle writes never holds up the ticker stream behind it.
 */
import { MarketTopics } from '@cryptosim/contracts';
import type { Running } from '../../../kernel/module.js';
import type { Ports } from '../../../kernel/ports.js';
import type { Logger } from 'pino';
import { MARKET_TOPIC_PARTITIONS } from '../ingest/start-ingest.js';
import { createKlineProjector } from './project-klines.js';
import { createTickProjector } from './project-ticks.js';

export { MARKET_TOPIC_PARTITIONS };
export const PROJECTOR_GROUPS = { ticks: 'projector.ticks', klines: 'projector.klines' } as const;

/** `world()` names the feed of the database's market world (events of another are skipped). */
export async function startProjector(ports: Pick<Ports, 'bus' | 'cache' | 'db'>, logger: Logger, world: () => string | undefined = () => undefined): Promise<Running> {
  const log = logger.child({ component: 'market-projector' });
  await ports.bus.ensureTopics([
    { name: MarketTopics.ticks, partitions: MARKET_TOPIC_PARTITIONS },
    { name: MarketTopics.klines, partitions: MARKET_TOPIC_PARTITIONS },
  ]);
  const ticks = await ports.bus.consume({
    topics: [MarketTopics.ticks],
    groupId: PROJECTOR_GROUPS.ticks,
    // A ticker is a level, not a history: a brand-new group starts at the newest tick.
    fromBeginning: false,
    handler: createTickProjector(ports.cache, log, world),
  });
  const klines = await ports.bus.consume({
    topics: [MarketTopics.klines],
    groupId: PROJECTOR_GROUPS.klines,
    handler: createKlineProjector(ports.db, ports.cache, log, world),
  });
  log.info('projector consuming market.ticks and market.klines');
  return {
    async stop() {
      await Promise.all([ticks.close(), klines.close()]);
    },
  };
}
