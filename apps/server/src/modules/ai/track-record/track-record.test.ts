import { describe, expect, it } from 'vitest';
import { majorityLabel, persistenceForecasts, type SequencedOutcome } from './baselines.js';
import { accuracy, balancedAccuracy, brierScore, confusionMatrix, logLoss, type Label, type Probabilities } from './classification-metrics.js';
import { accuracyByWeek, computeTrackRecord, type ScoredRow } from './compute-track-record.js';

const p = (UP: number, DOWN: number, FLAT: number): Probabilities => ({ UP, DOWN, FLAT });
const H = 3_600_000;
const T0 = Date.UTC(2026, 0, 5, 0); // a Monday

describe('classification metrics', () => {
  const actual: Label[] = ['UP', 'UP', 'UP', 'UP', 'DOWN', 'FLAT'];
  const predicted: Label[] = ['UP', 'UP', 'UP', 'DOWN', 'DOWN', 'UP'];

  it('when 4 of 6 are right, then accuracy is 4/6', () => {
    expect(accuracy(actual, predicted)).toBeCloseTo(4 / 6, 12);
  });

  it('when recalls are UP 3/4, DOWN 1/1, FLAT 0/1, then balanced accuracy is their mean', () => {
    expect(balancedAccuracy(actual, predicted)).toBeCloseTo((0.75 + 1 + 0) / 3, 12);
  });

  it('when one class never occurs, then it does not enter the balanced accuracy', () => {
    expect(balancedAccuracy(['UP', 'DOWN'], ['UP', 'FLAT'])).toBeCloseTo(0.5, 12);
  });

  it('when always answering the commonest class, then balanced accuracy is 1/k however lopsided the data', () => {
    const lopsided: Label[] = [...Array(98).fill('FLAT'), 'UP', 'DOWN'];
    expect(accuracy(lopsided, lopsided.map(() => 'FLAT'))).toBeCloseTo(0.98, 12);
    expect(balancedAccuracy(lopsided, lopsided.map(() => 'FLAT'))).toBeCloseTo(1 / 3, 12);
  });

  it('when the probabilities of the outcomes are 0.5 and 0.25, then log loss is the mean of −ln of them', () => {
    expect(logLoss(['UP', 'FLAT'], [p(0.5, 0.25, 0.25), p(0.5, 0.25, 0.25)])).toBeCloseTo((-Math.log(0.5) - Math.log(0.25)) / 2, 12);
  });

  it('when a forecast gave the outcome probability 0, then log loss is large but finite (clipped at 1e-15)', () => {
    expect(logLoss(['DOWN'], [p(1, 0, 0)])).toBeCloseTo(-Math.log(1e-15), 9);
  });

  it('when scored by Brier, then perfect is 0, certain and wrong is 2, uniform is 2/3', () => {
    expect(brierScore(['UP'], [p(1, 0, 0)])).toBe(0);
    expect(brierScore(['UP'], [p(0, 1, 0)])).toBe(2);
    expect(brierScore(['UP'], [p(1 / 3, 1 / 3, 1 / 3)])).toBeCloseTo(2 / 3, 12);
  });

  it('when counted, then confusion is indexed [outcome][predicted]', () => {
    expect(confusionMatrix(actual, predicted)).toEqual({
      UP: { UP: 3, DOWN: 1, FLAT: 0 },
      DOWN: { UP: 0, DOWN: 1, FLAT: 0 },
      FLAT: { UP: 1, DOWN: 0, FLAT: 0 },
    });
  });

  it('when there are no rows, then every figure is null rather than 0', () => {
    expect([accuracy([], []), balancedAccuracy([], []), logLoss([], []), brierScore([], [])]).toEqual([null, null, null, null]);
  });

  it('when outcomes and forecasts differ in length, then it throws instead of scoring a misalignment', () => {
    expect(() => accuracy(['UP'], [])).toThrow(/1 outcomes and 0 forecasts/);
  });
});

describe('baselines', () => {
  const seq = (outcomes: Label[], symbol = 'BTCUSDT', start = T0): SequencedOutcome[] =>
    outcomes.map((outcome, i) => ({ modelVersion: 'm1', symbol, horizon: '1h', outcome, generatedAt: start + i * H, resolveAt: start + (i + 1) * H }));

  it('when counting the majority, then the commonest outcome wins and a tie goes to UP, DOWN, FLAT order', () => {
    expect(majorityLabel(['FLAT', 'DOWN', 'FLAT'])).toBe('FLAT');
    expect(majorityLabel(['FLAT', 'DOWN'])).toBe('DOWN');
  });

  it('when predictions come every bar, then persistence forecasts the previous bar outcome (the first one falls back to the majority)', () => {
    expect(persistenceForecasts(seq(['UP', 'DOWN', 'DOWN', 'FLAT', 'DOWN']))).toEqual(['DOWN', 'UP', 'DOWN', 'DOWN', 'FLAT']);
  });

  it('when an earlier prediction had not resolved yet, then persistence does not peek at its outcome', () => {
    const rows = seq(['DOWN', 'UP', 'FLAT']).map((r) => ({ ...r, resolveAt: r.resolveAt + 2 * H }));
    // Horizon 3 bars: the first outcome is known only at the fourth prediction time; until then the majority (FLAT).
    expect(persistenceForecasts([...rows, ...seq(['FLAT'], 'BTCUSDT', T0 + 3 * H)])).toEqual(['FLAT', 'FLAT', 'FLAT', 'DOWN']);
  });

  it('when rows of two symbols interleave in any order, then each symbol persists its own outcomes', () => {
    const btc = seq(['UP', 'UP', 'DOWN'], 'BTCUSDT');
    const eth = seq(['FLAT', 'DOWN', 'DOWN'], 'ETHUSDT');
    const rows = [eth[2]!, btc[1]!, eth[0]!, btc[2]!, eth[1]!, btc[0]!];
    expect(persistenceForecasts(rows)).toEqual(['DOWN', 'UP', 'DOWN', 'UP', 'FLAT', 'DOWN']);
  });
});

describe('track record', () => {
  const row = (i: number, label: Label, outcome: Label, probabilities: Probabilities, symbol = 'BTCUSDT'): ScoredRow => ({
    modelVersion: 'm1',
    symbol,
    horizon: '1h',
    label,
    outcome,
    probabilities,
    generatedAt: T0 + i * H,
    resolveAt: T0 + (i + 1) * H,
  });

  it('when the figures are assembled, then model and baselines are scored over the same predictions', () => {
    const rows = [
      row(0, 'UP', 'UP', p(0.6, 0.2, 0.2)),
      row(1, 'UP', 'DOWN', p(0.5, 0.3, 0.2)),
      row(2, 'DOWN', 'DOWN', p(0.2, 0.7, 0.1)),
      row(3, 'FLAT', 'DOWN', p(0.2, 0.3, 0.5)),
    ];
    const record = computeTrackRecord(rows);
    expect(record.scored).toBe(4);
    expect(record.accuracy).toBeCloseTo(0.5, 12);
    expect(record.balancedAccuracy, 'UP 1/1, DOWN 1/3').toBeCloseTo((1 + 1 / 3) / 2, 12);
    expect(record.logLoss).toBeCloseTo(-(Math.log(0.6) + Math.log(0.3) + Math.log(0.7) + Math.log(0.3)) / 4, 12);
    // majority = DOWN for all: right 3 of 4; recalls UP 0, DOWN 1.
    expect(record.baselines.majority).toEqual({ accuracy: 0.75, balancedAccuracy: 0.5 });
    // persistence = [DOWN (fallback), UP, DOWN, DOWN]: right on rows 2 and 3.
    expect(record.baselines.persistence).toEqual({ accuracy: 0.5, balancedAccuracy: (0 + 2 / 3) / 2 });
    expect(record.confusion.DOWN).toEqual({ UP: 1, DOWN: 1, FLAT: 1 });
  });

  it('when predictions span weeks, then accuracy is given per UTC week starting Monday, oldest first', () => {
    const sundayNight = Date.UTC(2026, 0, 11, 23) - T0;
    const rows = [
      { ...row(0, 'UP', 'UP', p(1, 0, 0)), generatedAt: T0 + sundayNight + 2 * H },
      { ...row(0, 'UP', 'UP', p(1, 0, 0)), generatedAt: T0 + sundayNight },
      { ...row(0, 'UP', 'DOWN', p(1, 0, 0)), generatedAt: T0 },
    ];
    expect(accuracyByWeek(rows)).toEqual([
      { week: '2026-01-05', scored: 2, accuracy: 0.5 },
      { week: '2026-01-12', scored: 1, accuracy: 1 },
    ]);
  });

  it('when nothing is scored, then the record says so with nulls and an empty confusion', () => {
    const record = computeTrackRecord([]);
    expect(record).toMatchObject({ scored: 0, accuracy: null, balancedAccuracy: null, logLoss: null, brier: null, byWeek: [] });
    expect(record.baselines.majority).toEqual({ accuracy: null, balancedAccuracy: null });
    expect(record.confusion.UP).toEqual({ UP: 0, DOWN: 0, FLAT: 0 });
  });
});
