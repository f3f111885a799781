/**
 * Group commit of order placements, per process: what matching engines do instead of one
 * commit per order. Every POST /api/trading/buy|sell queues here; while fewer than
 * `maxInFlight` batches are running, the next batch takes up to `maxBatch` queued placements
 * and runs them as one transaction (run-batch.ts). Nothing waits on a timer: batches are
 * started at the end of the event-loop turn in which placements arrived or a batch finished
 * (setImmediate, right after the turn's I/O), so a lone order on an idle server starts at
 * once, and under load the placements of a whole turn, and whatever queued while the slots
 * were busy, travel together. Starting on each arrival instead filled free slots with batches
 * of one, each paying a full commit while the queue behind them grew.
 *
 * Why: a market order's own work is tiny next to its transaction's fixed costs (two round
 * trips, a WAL flush at commit, a pooled connection held throughout). A batch of n orders
 * pays those once, so a busy server spends them per batch, not per order.
 *
 * The guarantees are those of one order per transaction:
 * - A user's orders run as if one after another: the batch locks its users (sorted by id, so
 *   overlapping batches on other connections or processes queue instead of deadlocking) and
 *   plans each placement, in arrival order, against the state the previous one left. Batches
 *   in flight together meet in the user row lock, as concurrent transactions always did.
 * - A refused placement (INSUFFICIENT_BALANCE, LOT_SIZE, ...) fails alone; the others commit.
 * - Idempotency: a clientOrderId already committed, or planned earlier in the same batch, is
 *   answered as a repeat of that first order (same-request.ts).
 * - All or nothing: the batch commits whole or not at all, and one that fails is retried one
 *   placement per transaction, so an unforeseen error reaches only the placement causing it.
 * - An answer and the live events are sent only after the commit.
 */
import type { PlacedOrder, Placement, QueuedPlacement } from './placement.js';
import { awaitingAnswer } from './placement.js';

export interface BatchLimits {
  /** Batches running at once (each holds one database connection for its transaction). */
  maxInFlight: number;
  /** Placements per batch at most. */
  maxBatch: number;
}

/** Runs one batch and settles every placement in it; must not reject. */
export type RunBatch = (batch: readonly QueuedPlacement[]) => Promise<void>;

export class OrderBatcher {
  private readonly queue: QueuedPlacement[] = [];
  private inFlight = 0;
  private scheduled = false;

  constructor(
    private readonly run: RunBatch,
    private readonly limits: BatchLimits,
  ) {
    if (limits.maxInFlight < 1 || limits.maxBatch < 1) throw new Error(`order batch limits must be at least 1: ${JSON.stringify(limits)}`);
  }

  place(placement: Placement): Promise<PlacedOrder> {
    const { queued, answer } = awaitingAnswer(placement);
    this.queue.push(queued);
    this.scheduleStart();
    return answer;
  }

  private scheduleStart(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.startBatches();
    });
  }

  private startBatches(): void {
    while (this.inFlight < this.limits.maxInFlight && this.queue.length > 0) {
      const batch = this.queue.splice(0, this.limits.maxBatch);
      this.inFlight += 1;
      void this.run(batch)
        .catch((err: unknown) => {
          for (const p of batch) p.reject(err);
        })
        .finally(() => {
          // A run that forgot a placement must not leave its caller waiting forever.
          for (const p of batch) if (!p.settled) p.reject(new Error('the order batch ended without answering this order'));
          this.inFlight -= 1;
          if (this.queue.length > 0) this.scheduleStart();
        });
    }
  }
}
