/**
 * Keeps the database's feed checkpoint current while the feed runs: after each closed
 * candle (at most once per `intervalMs`) and once more at stop, so a restart continues
 * from the last closed minute rather than from the beginning.
 */
import type { Logger } from 'pino';
import type { DbPort } from '../../../ports/db/db-port.js';
import type { MarketSource } from '../../../ports/market/market-source.js';
import { saveCheckpoint } from './world-store.js';

export class CheckpointSaver {
  #timer: NodeJS.Timeout | undefined;
  #saving: Promise<void> = Promise.resolve();
  #lastSaved = '';
  #stopped = false;

  constructor(
    private readonly db: DbPort,
    private readonly source: MarketSource,
    private readonly logger: Logger,
    private readonly intervalMs = 1_000,
  ) {}

  /** A candle closed: save soon. */
  poke(): void {
    if (this.#stopped || this.#timer) return;
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      void this.save();
    }, this.intervalMs);
  }

  save(): Promise<void> {
    this.#saving = this.#saving.then(async () => {
      const checkpoint = this.source.checkpoint?.();
      if (!checkpoint) return;
      const text = JSON.stringify(checkpoint);
      if (text === this.#lastSaved) return;
      try {
        await saveCheckpoint(this.db, checkpoint);
        this.#lastSaved = text;
      } catch (error) {
        this.logger.warn(`cannot save the market checkpoint (${error instanceof Error ? error.message : String(error)}); the next closed minute tries again`);
      }
    });
    return this.#saving;
  }

  /** Call after the source has stopped: the last state it reached is saved. */
  async stop(): Promise<void> {
    this.#stopped = true;
    clearTimeout(this.#timer);
    this.#timer = undefined;
    await this.save();
  }
}
