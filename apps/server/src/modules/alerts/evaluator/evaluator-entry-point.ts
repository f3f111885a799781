/**
 * Alert evaluation in the projector role: its own consumer group on market.ticks, beside the
 * matcher, so alerts see every tick without holding up prices or fills.
 */
import { MarketTopics } from '@cryptosim/contracts';
import type { EntryPoint } from '../../../kernel/module.js';
import { MARKET_TOPIC_PARTITIONS } from '../../market/index.js';
import { startAlertEvaluator } from './alert-evaluator.js';

export const ALERTS_GROUP = 'alerts';

export const alertEvaluatorEntryPoint: EntryPoint = {
  name: 'alerts-evaluator',
  async start(ctx) {
    const evaluator = await startAlertEvaluator({ db: ctx.ports.db, cache: ctx.ports.cache, logger: ctx.logger.child({ component: 'alerts' }) });
    await ctx.ports.bus.ensureTopics([{ name: MarketTopics.ticks, partitions: MARKET_TOPIC_PARTITIONS }]);
    const subscription = await ctx.ports.bus.consume({
      topics: [MarketTopics.ticks],
      groupId: ALERTS_GROUP,
      // Alerts watch the live market: a new group starts at the newest tick.
      fromBeginning: false,
      handler: (messages) => evaluator.handle(messages),
    });
    return {
      async stop() {
        await subscription.close();
        await evaluator.stop();
      },
    };
  },
};
