/**
 * The matcher's bus handler for market.ticks. Per symbol in a batch: load once the open
 * orders the batch's whole price path could reach, then walk the ticks in order; at each
 * move, the orders it crossed fill in price-time priority (selectCrossedOrders), each in
 * its own transaction at that tick's market. A stop-limit that triggers and rests stays in the
 * walk as the limit it became, so a later tick of the same batch can fill it.
 *
 * The previous price of a symbol is remembered only after all its ticks in the batch are
 * settled, so a batch that fails midway is redelivered along the same path; orders that
 * did fill the first time are skipped by their status. After a restart there is no previous
 * price and only the current one counts (trigger.ts).
 */
import type { Logger } from 'pino';
import type { TickEventV1 } from '@cryptosim/contracts';
import { dec, Dec } from '@cryptosim/trading-rules';
import type { BusMessage } from '../../../ports/bus/bus-port.js';
import { parseTick } from '../../market/index.js';
import { selectCrossedOrders } from '../domain/match-orders.js';
import { snapshotOf } from '../live-market.js';
import { toRestingOrder } from '../order-view.js';
import { publishOrderChanges } from '../publish-order-changes.js';
import type { TradingDeps } from '../trading-deps.js';
import { crossableOrders } from './crossable-orders.js';
import { settleCrossedOrder } from './settle-crossed-order.js';

export interface MatcherStats {
  filled: number;
  rejected: number;
  skipped: number;
  /** Stop-limits whose stop was reached and that now rest as limits. */
  triggered: number;
  /** IOC / FOK stop-limits that triggered with a limit not marketable. */
  expired: number;
}

const noStats = (): MatcherStats => ({ filled: 0, rejected: 0, skipped: 0, triggered: 0, expired: 0 });

function ticksBySymbol(messages: BusMessage[], logger: Logger): Map<string, TickEventV1[]> {
  const bySymbol = new Map<string, TickEventV1[]>();
  for (const message of messages) {
    const parsed = parseTick(message.value);
    if (!parsed.ok) {
      logger.warn({ offset: String(message.offset), reason: parsed.reason }, 'matcher skipping malformed tick');
      continue;
    }
    const list = bySymbol.get(parsed.event.symbol) ?? [];
    list.push(parsed.event);
    bySymbol.set(parsed.event.symbol, list);
  }
  return bySymbol;
}

export function createMatcher(deps: TradingDeps, stats: MatcherStats = noStats()) {
  const previous = new Map<string, Dec>();

  async function matchSymbol(symbol: string, ticks: TickEventV1[]): Promise<void> {
    const prices = ticks.map((t) => dec(t.price));
    const start = previous.get(symbol) ?? null;
    const path = start ? [start, ...prices] : prices;
    const rows = await crossableOrders(deps.db, symbol, Dec.min(...path), Dec.max(...path));
    let open = rows.map((row) => ({ ...toRestingOrder(row), userId: row.userId }));
    let from = start;
    for (const [i, tick] of ticks.entries()) {
      if (open.length === 0) break;
      const crossed = selectCrossedOrders(open, { previous: from, current: prices[i]! });
      const nowLimits = new Map<number | string, (typeof open)[number]>();
      for (const { order } of crossed) {
        const outcome = await settleCrossedOrder(deps, Number(order.id), order.userId, snapshotOf(tick.price, tick.volume24h), order);
        stats[outcome.kind] += 1;
        if (outcome.kind !== 'skipped') {
          await publishOrderChanges(deps, order.userId, [outcome.order], outcome.account);
        }
        if (outcome.kind === 'triggered') nowLimits.set(order.id, { ...toRestingOrder(outcome.order), userId: order.userId });
      }
      const done = new Set(crossed.map((c) => c.order.id));
      open = open.flatMap((o) => (done.has(o.id) ? (nowLimits.has(o.id) ? [nowLimits.get(o.id)!] : []) : [o]));
      from = prices[i]!;
    }
    previous.set(symbol, prices[prices.length - 1]!);
  }

  return async (messages: BusMessage[]): Promise<void> => {
    for (const [symbol, ticks] of ticksBySymbol(messages, deps.logger)) await matchSymbol(symbol, ticks);
  };
}
