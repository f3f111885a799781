/** The process's order batcher over the trading ports, sized to the database's connections. */
import type { TradingDeps } from '../trading-deps.js';
import { OrderBatcher, type BatchLimits } from './order-batcher.js';
import { runBatch } from './run-batch.js';

/**
 * Two batches in flight: one planned and answered in this process while the other is in
 * PostgreSQL. More added nothing in the orders benchmark on 2 cores (the batches only grow
 * instead), and each holds a connection the reads, the matcher and the other use cases need;
 * a pool of fewer than 4 gets one. PGlite (one connection) runs one transaction at a time anyway.
 */
export function batchLimitsFor(maxConnections: number, maxBatch = 128): BatchLimits {
  if (maxConnections < 4) return { maxInFlight: 1, maxBatch };
  return { maxInFlight: 2, maxBatch };
}

export function orderBatcherFor(deps: TradingDeps, maxBatch?: number): OrderBatcher {
  return new OrderBatcher((batch) => runBatch(deps, batch), batchLimitsFor(deps.dbPort.maxConnections, maxBatch));
}
