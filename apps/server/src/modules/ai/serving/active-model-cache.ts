/**
 * The active model, parsed and compiled into an evaluator once per version. A read checks the
 * registry's active version at most every `ttlMs` (one indexed lookup of a short string); the
 * artifact is loaded and compiled only when that version changed. Concurrent reads share one
 * check, so a burst of requests costs one query.
 */
import { eq } from 'drizzle-orm';
import { models } from '../../../db/schema.js';
import type { Database } from '../../../ports/db/db-port.js';
import { createEvaluator, parseModelArtifact, type Evaluator, type ModelArtifact } from '../engine/index.js';

export interface ServedModel {
  version: string;
  artifact: ModelArtifact;
  evaluator: Evaluator;
}

export class ActiveModelCache {
  #model: ServedModel | undefined;
  #checkedAt = -Infinity;
  #pending: Promise<ServedModel | undefined> | undefined;

  constructor(
    private readonly db: Database,
    private readonly ttlMs = 5_000,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** The active model, or undefined while none is active. */
  async get(): Promise<ServedModel | undefined> {
    if (this.now() - this.#checkedAt < this.ttlMs) return this.#model;
    this.#pending ??= this.#refresh().finally(() => {
      this.#pending = undefined;
    });
    return this.#pending;
  }

  /** Forgets the check time, so the next read looks at the registry (after a promotion here). */
  invalidate(): void {
    this.#checkedAt = -Infinity;
  }

  async #refresh(): Promise<ServedModel | undefined> {
    const [row] = await this.db.select({ version: models.version }).from(models).where(eq(models.status, 'active'));
    if (!row) {
      this.#model = undefined;
    } else if (row.version !== this.#model?.version) {
      const [full] = await this.db.select({ artifact: models.artifact }).from(models).where(eq(models.version, row.version));
      if (full) {
        const artifact = parseModelArtifact(full.artifact);
        this.#model = { version: row.version, artifact, evaluator: createEvaluator(artifact) };
      }
    }
    this.#checkedAt = this.now();
    return this.#model;
  }
}
