import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createEvaluator } from './evaluator.js';
import { buildFeatures, FEATURE_NAMES } from './features.js';
import { DEFAULT_MODEL_PATH } from './index.js';
import { importXGBoostModel, parseModelArtifact, readBooster, serializeModelArtifact, type ModelArtifact } from './model-artifact.js';
import { syntheticCandles } from './synthetic-candles.js';

const text = readFileSync(DEFAULT_MODEL_PATH, 'utf8');
const artifact = parseModelArtifact(text);

/** The default artifact with `edit` applied to a copy of its parsed booster (or of itself). */
function withBooster(edit: (b: ReturnType<typeof readBooster>) => void): string {
  const b = readBooster(artifact);
  edit(b);
  return JSON.stringify({ ...artifact, booster: JSON.stringify(b) });
}

function withArtifact(edit: (a: Record<string, unknown>) => void): string {
  const a = JSON.parse(text) as Record<string, unknown>;
  edit(a);
  return JSON.stringify(a);
}

describe('the committed default model', () => {
  it('is small, trained by libxgboost on candles up to 2025-12-31 only', () => {
    expect(Buffer.byteLength(text)).toBeLessThanOrEqual(5 * 1024 * 1024);
    expect(artifact.trainedWith).toMatch(/^libxgboost \d+\.\d+\.\d+$/);
    expect(Date.parse(artifact.dataWindow.to)).toBeLessThanOrEqual(Date.UTC(2025, 11, 31, 23));
    expect(artifact.classes).toEqual(['UP', 'DOWN', 'FLAT']);
    expect(artifact.featureNames).toEqual([...FEATURE_NAMES]);
    expect(Object.keys(artifact.theta).sort()).toEqual(['BNBUSDT', 'BTCUSDT', 'ETHUSDT', 'SOLUSDT', 'XRPUSDT']);
    expect(readBooster(artifact).learner.objective.name).toBe('multi:softprob');
  });

  it('round-trips through serialize and parse unchanged', () => {
    expect(parseModelArtifact(serializeModelArtifact(artifact))).toEqual(artifact);
  });
});

describe('parseModelArtifact refuses, naming the problem', () => {
  const cases: Array<[string, string, RegExp]> = [
    ['corrupt JSON', text.slice(0, 1000), /not JSON/],
    ['a bare XGBoost model', artifact.booster, /"format" must be/],
    ['classes that are not UP, DOWN, FLAT', withArtifact((a) => (a.classes = ['UP', 'DOWN', 'SIDEWAYS'])), /"classes" must list/],
    ['an unknown feature', withArtifact((a) => (a.featureNames = [...FEATURE_NAMES.slice(0, -1), 'moon_phase'])), /unknown feature "moon_phase"/],
    ['fewer features than the booster', withArtifact((a) => (a.featureNames = FEATURE_NAMES.slice(0, 5))), /the booster has 18 features, the artifact lists 5/],
    [
      'feature names that differ from the booster’s',
      withArtifact((a) => (a.featureNames = [...FEATURE_NAMES].reverse())),
      /the booster was trained on features/,
    ],
    ['a regression booster', withBooster((b) => (b.learner.objective.name = 'reg:squarederror')), /objective is reg:squarederror/],
    ['a two-class booster', withBooster((b) => (b.learner.learner_model_param.num_class = '2')), /has 2 classes/],
    [
      'a tree whose children point backwards',
      withBooster((b) => ((b.learner.gradient_booster.model.trees[0] as { left_children: number[] }).left_children[0] = 0)),
      /tree 0 node 0 has bad children/,
    ],
    [
      'a split on a feature that does not exist',
      withBooster((b) => ((b.learner.gradient_booster.model.trees[1] as { split_indices: number[] }).split_indices[0] = 99)),
      /splits on feature 99/,
    ],
    [
      'categorical splits',
      withBooster((b) => ((b.learner.gradient_booster.model.trees[2] as { split_type: number[] }).split_type[0] = 1)),
      /categorical splits/,
    ],
    ['a negative θ', withArtifact((a) => (a.theta = { BTCUSDT: -1 })), /"theta"/],
    ['an unsupported interval', withArtifact((a) => (a.interval = '7m')), /unsupported interval/],
  ];
  it.each(cases)('%s', (_name, input, message) => {
    expect(() => parseModelArtifact(input)).toThrow(message);
  });

  it('an oversized text, before parsing it', () => {
    expect(() => parseModelArtifact(text, 1000)).toThrow(/over the limit of 1000/);
  });
});

describe('importXGBoostModel (a model saved by XGBoost, e.g. Python booster.save_model("m.json"))', () => {
  const candles = syntheticCandles(200, { seed: 5 });
  const m = buildFeatures(candles, { btc: syntheticCandles(200, { seed: 6, price: 40_000 }) });
  const row = m.values.subarray(150 * m.cols, 151 * m.cols);

  it('imports the XGBoost JSON as is and maps its class order by name', () => {
    // scikit-learn's LabelEncoder order, as a Python-trained model would have it.
    const imported: ModelArtifact = importXGBoostModel(artifact.booster, { classes: ['DOWN', 'FLAT', 'UP'], featureNames: [...FEATURE_NAMES], theta: { BTCUSDT: 0.002 } });
    expect(imported.booster).toBe(artifact.booster);
    expect(imported.trainedWith).toMatch(/^imported \(XGBoost 1\.7\.4|^imported \(XGBoost \d/);
    const original = createEvaluator(artifact).predict(row);
    const relabelled = createEvaluator(imported).predict(row);
    // The booster's class 0 (UP in the original) is DOWN in the imported artifact, and so on.
    expect(relabelled.DOWN).toBe(original.UP);
    expect(relabelled.FLAT).toBe(original.DOWN);
    expect(relabelled.UP).toBe(original.FLAT);
    expect(parseModelArtifact(serializeModelArtifact(imported))).toEqual(imported);
  });

  it('refuses a model whose feature list does not match the booster', () => {
    expect(() => importXGBoostModel(artifact.booster, { classes: ['UP', 'DOWN', 'FLAT'], featureNames: ['ret_1', 'ret_3'] })).toThrow(/the booster has 18 features/);
    expect(() => importXGBoostModel('{"learner":', { classes: ['UP', 'DOWN', 'FLAT'], featureNames: [...FEATURE_NAMES] })).toThrow(/not JSON/);
    expect(() => importXGBoostModel(text, { classes: ['UP', 'DOWN', 'FLAT'], featureNames: [...FEATURE_NAMES] })).toThrow(/already a cryptosim artifact/);
  });
});
