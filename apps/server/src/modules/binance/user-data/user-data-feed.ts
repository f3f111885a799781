/**
 * One socket's user data stream for one listen key: the account's order and portfolio events
 * from the cache pub/sub channels the trading engine publishes to (`user.<id>.orders`,
 * `user.<id>.portfolio`, and `user.<id>.balance` for resets), so an order placed through any replica reaches a socket on any
 * other, turned into Binance's payloads. The stream ends when its listen key expires
 * (`listenKeyExpired` is sent first), is closed by DELETE, or its API key is revoked.
 */
import type { Order, OrderFrame, Portfolio, PortfolioFrame, Transaction } from '@cryptosim/contracts';
import type { Logger } from 'pino';
import type { CachePort, Unsubscribe } from '../../../ports/cache/cache-port.js';
import { apiKeyRevokedChannel, type ApiKeyAuthenticator, userChannel } from '../../accounts/index.js';
import type { TradingEngine } from '../../trading/index.js';
import { listenKeyClosedChannel, type ListenKeys } from './listen-keys.js';
import { balanceChannel, type BalanceChange } from '../../portfolio/index.js';
import { accountPosition, balanceUpdates, executionReports, listenKeyExpired, type BaseAssetOf } from './user-data-events.js';

export type UserDataEnd = 'expired' | 'closed' | 'revoked';

export interface UserDataFeedDeps {
  cache: CachePort;
  listenKeys: ListenKeys;
  authenticator: Pick<ApiKeyAuthenticator, 'isLive'>;
  engine: Pick<TradingEngine, 'fillsOf'>;
  baseAsset: BaseAssetOf;
  logger: Pick<Logger, 'warn'>;
}

export interface UserDataSink {
  /** A payload (one JSON object) for the client. */
  deliver(payload: string): void;
  /** The stream ended; no payload follows. */
  ended(reason: UserDataEnd): void;
}

/** Opens the feed, or resolves undefined when the listen key is not live. The result stops it. */
export async function openUserDataFeed(deps: UserDataFeedDeps, listenKey: string, sink: UserDataSink): Promise<(() => void) | undefined> {
  const record = await deps.listenKeys.lookup(listenKey);
  if (!record) return undefined;
  const { userId } = record;
  const offs: Unsubscribe[] = [];
  let stopped = false;
  let expiry: NodeJS.Timeout | undefined;
  // One at a time, in arrival order: an order's fills are read before the next event is sent.
  let queue: Promise<void> = Promise.resolve();

  const stop = () => {
    if (stopped) return;
    stopped = true;
    clearTimeout(expiry);
    for (const off of offs) void off().catch(() => undefined);
  };
  const end = (reason: UserDataEnd) => {
    if (stopped) return;
    stop();
    sink.ended(reason);
  };
  const send = (payload: object) => {
    if (!stopped) sink.deliver(JSON.stringify(payload));
  };
  const enqueue = (work: () => Promise<void> | void) => {
    queue = queue.then(work).catch((err: unknown) => deps.logger.warn({ err, userId }, 'user data event could not be sent'));
  };

  async function onOrder(order: Order): Promise<void> {
    let fills: Transaction[] = [];
    if (order.filledQuantity !== '0') fills = await deps.engine.fillsOf(userId, order.id);
    for (const report of executionReports(order, fills)) send(report);
  }

  const listen = async (channel: string, handler: (message: string) => void) => {
    const off = await deps.cache.subscribe(channel, handler);
    if (stopped) await off();
    else offs.push(off);
  };

  try {
    // Subscribed before the liveness check, so a revocation in between is not missed.
    await listen(apiKeyRevokedChannel(record.keyId), () => {
      enqueue(() => deps.listenKeys.forget(listenKey, record));
      end('revoked');
    });
    await listen(listenKeyClosedChannel(listenKey), () => end('closed'));
    if (!(await deps.authenticator.isLive(record.keyId))) {
      stop();
      return undefined;
    }
    await listen(userChannel(userId, 'order'), (message) => {
      const frame = JSON.parse(message) as OrderFrame;
      enqueue(() => onOrder(frame.data));
    });
    // Published before the account's new position, so balanceUpdate precedes it as on Binance.
    await listen(balanceChannel(userId), (message) => {
      const change = JSON.parse(message) as BalanceChange;
      enqueue(() => {
        for (const update of balanceUpdates(change, deps.baseAsset)) send(update);
      });
    });
    await listen(userChannel(userId, 'portfolio'), (message) => {
      const frame = JSON.parse(message) as PortfolioFrame;
      const portfolio: Portfolio = frame.data;
      enqueue(() => send(accountPosition(portfolio, deps.baseAsset)));
    });
  } catch (err) {
    stop();
    throw err;
  }

  // At the recorded expiry, read the record again: a keepalive through any replica moved it.
  const watch = (at: number) => {
    expiry = setTimeout(() => {
      enqueue(async () => {
        const now = await deps.listenKeys.lookup(listenKey);
        if (stopped) return;
        if (now && now.userId === userId) return watch(now.expiresAt);
        send(listenKeyExpired(listenKey));
        end('expired');
      });
    }, Math.max(0, at - Date.now()));
  };
  watch(record.expiresAt);
  return stop;
}
