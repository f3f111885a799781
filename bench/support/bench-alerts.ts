/**
 * For tick-latency with BENCH_ALERTS=n: n armed price alerts (one bench user, spread over the
 * symbols, half PRICE_ABOVE, half PRICE_BELOW, thresholds the bench prices never reach, so the
 * figure is the cost of evaluating every tick against a full index), and the projector role's
 * alert evaluator running in the server process beside the price projector.
 */
import type { Logger } from 'pino';
import type { Config } from '../../apps/server/src/config.js';
import { moduleContext } from '../../apps/server/src/app/module-context.js';
import { priceAlerts, users } from '../../apps/server/src/db/schema.js';
import type { Running } from '../../apps/server/src/kernel/module.js';
import type { Ports } from '../../apps/server/src/kernel/ports.js';
import { alertsModule } from '../../apps/server/src/modules/alerts/index.js';

export async function startBenchAlerts(count: number, config: Config, ports: Ports, logger: Logger, symbols: string[]): Promise<Running> {
  const [user] = await ports.db.db
    .insert(users)
    .values({ username: `bench_alerts_${Date.now().toString(36)}`, email: `bench${Date.now()}@example.com`, passwordHash: 'x' })
    .returning({ id: users.id });
  const rows = Array.from({ length: count }, (_, i) => ({
    userId: user!.id,
    symbol: symbols[i % symbols.length]!,
    condition: i % 2 === 0 ? ('PRICE_ABOVE' as const) : ('PRICE_BELOW' as const),
    // Bench prices are sequence numbers from 1 up: never above 10^12, never below 1.
    price: i % 2 === 0 ? String(1_000_000_000_000 + i) : `0.${String(i + 1).padStart(8, '0')}`,
  }));
  for (let i = 0; i < rows.length; i += 1_000) await ports.db.db.insert(priceAlerts).values(rows.slice(i, i + 1_000));
  const ctx = { ...moduleContext({ config, ports, logger }, [alertsModule]), signal: new AbortController().signal };
  const evaluators = await Promise.all((alertsModule.entryPoints?.projector ?? []).map((e) => e.start(ctx)));
  return { stop: async () => void (await Promise.all(evaluators.map((e) => e.stop()))) };
}
