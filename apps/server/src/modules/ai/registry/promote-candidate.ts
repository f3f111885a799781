/**
 * Applies the promotion rule to a stored candidate in one transaction: lock the candidate and
 * the active row, decide, record the decision in the candidate's metrics (`promotion`), and
 * when it wins retire the active model and activate the candidate. Until the commit nothing
 * is visible, so a run killed half-way leaves the active model as it was; the one-active
 * unique index refuses a second activation racing this one.
 *
 * The evidence names the active model it was measured against; when another run changed the
 * active model meanwhile, the comparison is stale and the candidate stays a candidate.
 */
import type { Database } from '../../../ports/db/db-port.js';
import { decidePromotion, type PromotionDecision, type PromotionEvidence } from './decide-promotion.js';
import { activate, lockActiveVersion, lockModelStatus, recordInMetrics } from './model-repository.js';

export async function promoteCandidate(db: Database, version: string, evidence: PromotionEvidence, now = new Date()): Promise<PromotionDecision> {
  return db.transaction(async (tx) => {
    const status = await lockModelStatus(tx, version);
    if (status === undefined) throw new Error(`no model ${version}`);
    if (status !== 'candidate') throw new Error(`model ${version} is ${status}, not a candidate`);
    const active = await lockActiveVersion(tx);
    const measuredAgainst = evidence.active?.version ?? null;
    const decision: PromotionDecision =
      active === measuredAgainst
        ? decidePromotion(evidence)
        : {
            promote: false,
            reasons: [`the active model is ${active ?? 'none'}, not ${measuredAgainst ?? 'none'} as when the candidate was evaluated`],
            window: evidence.candidate.window,
            against: measuredAgainst,
          };
    await recordInMetrics(tx, version, { promotion: { ...decision, decidedAt: now.toISOString() } });
    if (decision.promote) await activate(tx, version);
    return decision;
  });
}
