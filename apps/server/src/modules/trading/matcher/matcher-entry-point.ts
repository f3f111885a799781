/**
 * The matcher in the projector role: its own consumer group on market.ticks, so it sees
 * every tick independently of the price projector. Offsets are committed only after a
 * batch's fills are, so a crash redelivers the batch; the order status check inside each
 * fill makes that redelivery fill nothing twice.
 */
import { MarketTopics } from '@cryptosim/contracts';
import type { EntryPoint } from '../../../kernel/module.js';
import { MARKET_TOPIC_PARTITIONS } from '../../market/index.js';
import { tradingDepsOf } from '../trading-deps-of.js';
import { createMatcher } from './match-ticks.js';

export const MATCHER_GROUP = 'matcher';

export const matcherEntryPoint: EntryPoint = {
  name: 'trading-matcher',
  async start(ctx) {
    const deps = tradingDepsOf(ctx);
    await ctx.ports.bus.ensureTopics([{ name: MarketTopics.ticks, partitions: MARKET_TOPIC_PARTITIONS }]);
    const subscription = await ctx.ports.bus.consume({
      topics: [MarketTopics.ticks],
      groupId: MATCHER_GROUP,
      // A new group starts at the newest tick: resting orders trade against the live market, not a replay of old prices.
      fromBeginning: false,
      handler: createMatcher(deps),
    });
    return { stop: () => subscription.close() };
  },
};
