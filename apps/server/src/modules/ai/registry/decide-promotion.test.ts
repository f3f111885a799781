import { describe, expect, it } from 'vitest';
import { decidePromotion, type PromotionEvidence, type WindowScore } from './decide-promotion.js';

const window = { from: '2025-07-01T00:00:00.000Z', to: '2025-12-31T23:00:00.000Z' };
const score = (balancedAccuracy: number, logLoss: number, w = window): WindowScore => ({ window: w, balancedAccuracy, logLoss });

function evidence(overrides: Partial<PromotionEvidence> = {}): PromotionEvidence {
  return {
    candidate: score(0.4, 1.05),
    active: { version: 'm-old', ...score(0.38, 1.07) },
    baselines: { majority: score(1 / 3, 1.0986), persistence: score(0.36, 1.2) },
    ...overrides,
  };
}

describe('decidePromotion', () => {
  it('when the candidate beats the active model and both baselines on both figures, then it is promoted', () => {
    expect(decidePromotion(evidence())).toEqual({ promote: true, reasons: [], window, against: 'm-old' });
  });

  it('when no model is active, then beating both baselines is enough', () => {
    expect(decidePromotion(evidence({ active: null }))).toMatchObject({ promote: true, against: null });
  });

  it('when the candidate has the better balanced accuracy but a worse log loss than the active model, then it stays a candidate saying so', () => {
    const d = decidePromotion(evidence({ candidate: score(0.45, 1.08) }));
    expect(d.promote).toBe(false);
    expect(d.reasons).toEqual(["log loss 1.0800 does not beat active model m-old's 1.0700"]);
  });

  it('when the candidate loses to the persistence baseline on balanced accuracy only, then that is the reason', () => {
    const d = decidePromotion(evidence({ active: null, baselines: { majority: score(1 / 3, 1.0986), persistence: score(0.41, 1.2) } }));
    expect(d).toMatchObject({ promote: false, reasons: ["balanced accuracy 0.4000 does not beat persistence baseline's 0.4100"] });
  });

  it('when the candidate ties a rival, then a tie is not a win', () => {
    const d = decidePromotion(evidence({ active: { version: 'm-old', ...score(0.4, 1.05) } }));
    expect(d.promote).toBe(false);
    expect(d.reasons).toHaveLength(2);
  });

  it('when the active model was scored on another window, then nothing is compared across windows and it stays a candidate', () => {
    const other = { from: '2025-06-01T00:00:00.000Z', to: window.to };
    const d = decidePromotion(evidence({ active: { version: 'm-old', ...score(0.1, 3, other) } }));
    expect(d.promote).toBe(false);
    expect(d.reasons[0]).toMatch(/active model m-old was scored on 2025-06-01T00:00:00.000Z…/);
  });

  it('when a figure is NaN or infinite, then the candidate is never promoted on it', () => {
    expect(decidePromotion(evidence({ candidate: score(Number.NaN, 1) })).promote).toBe(false);
    expect(decidePromotion(evidence({ candidate: score(0.9, Number.POSITIVE_INFINITY) })).promote).toBe(false);
    expect(decidePromotion(evidence({ baselines: { majority: score(1 / 3, Number.NaN), persistence: score(0.36, 1.2) } })).reasons).toEqual([
      'majority baseline has no finite balanced accuracy and log loss to compare with',
    ]);
  });
});
