/**
 * A TypeScript evaluator of XGBoost's JSON model (gbtree, multi:softprob), so serving needs no
 * native library. It follows libxgboost's CPU predictor: inputs are float32 (as a DMatrix stores
 * them), a node goes left when value < split condition, a missing value (NaN) follows the node's
 * default direction, each class's margin is the base score plus its trees' leaves, then softmax.
 */
import { CLASSES, type Direction } from './labels.js';
import { readBooster, type ModelArtifact } from './model-artifact.js';

export interface Evaluator {
  readonly featureNames: readonly string[];
  /** Class probabilities for one feature vector in the artifact's `featureNames` order. */
  predict(features: ArrayLike<number>): Record<Direction, number>;
  /** The same into `out` (length 3, CLASSES order) without allocating; for batches. */
  predictInto(features: ArrayLike<number>, out: Float64Array): void;
}

interface XGBTree {
  left_children: number[];
  right_children: number[];
  split_indices: number[];
  split_conditions: number[];
  default_left: Array<number | boolean>;
  split_type?: number[];
}

/** Flattens every tree into typed arrays: one walk per tree, no objects on the hot path. */
export function createEvaluator(artifact: ModelArtifact): Evaluator {
  const learner = readBooster(artifact).learner;
  const model = learner.gradient_booster.model;
  const trees = model.trees as XGBTree[];
  const treeInfo = model.tree_info;
  const numClass = artifact.classes.length;
  const numFeature = artifact.featureNames.length;
  let total = 0;
  for (const t of trees) total += t.left_children.length;
  const left = new Int32Array(total);
  const right = new Int32Array(total);
  const feature = new Int32Array(total);
  const threshold = new Float32Array(total);
  const defaultLeft = new Uint8Array(total);
  const roots = new Int32Array(trees.length);
  const group = new Int32Array(trees.length);
  let offset = 0;
  trees.forEach((t, k) => {
    roots[k] = offset;
    group[k] = treeInfo[k]!;
    const n = t.left_children.length;
    for (let i = 0; i < n; i++) {
      const l = t.left_children[i]!;
      left[offset + i] = l === -1 ? -1 : offset + l;
      right[offset + i] = l === -1 ? -1 : offset + t.right_children[i]!;
      feature[offset + i] = t.split_indices[i]!;
      threshold[offset + i] = t.split_conditions[i]!;
      defaultLeft[offset + i] = t.default_left[i] ? 1 : 0;
    }
    offset += n;
  });
  const baseScores = baseMargins(learner.learner_model_param.base_score, numClass);
  // Artifact class k → CLASSES position, so results are always in CLASSES order.
  const toCanonical = artifact.classes.map((c) => CLASSES.indexOf(c));
  const x = new Float32Array(numFeature);
  const margin = new Float64Array(numClass);

  function predictInto(features: ArrayLike<number>, out: Float64Array): void {
    if (features.length !== numFeature) throw new Error(`expected ${numFeature} features (${artifact.featureNames.join(', ')}), got ${features.length}`);
    for (let j = 0; j < numFeature; j++) x[j] = features[j]!;
    margin.set(baseScores);
    for (let k = 0; k < roots.length; k++) {
      let node = roots[k]!;
      for (;;) {
        const l = left[node]!;
        if (l === -1) break;
        const v = x[feature[node]!]!;
        node = v !== v ? (defaultLeft[node] ? l : right[node]!) : v < threshold[node]! ? l : right[node]!;
      }
      margin[group[k]!]! += threshold[node]!;
    }
    let max = -Infinity;
    for (let c = 0; c < numClass; c++) if (margin[c]! > max) max = margin[c]!;
    let sum = 0;
    for (let c = 0; c < numClass; c++) {
      const e = Math.exp(margin[c]! - max);
      margin[c] = e;
      sum += e;
    }
    for (let c = 0; c < numClass; c++) out[toCanonical[c]!] = margin[c]! / sum;
  }

  const scratch = new Float64Array(CLASSES.length);
  return {
    featureNames: artifact.featureNames,
    predictInto,
    predict(features) {
      predictInto(features, scratch);
      return { UP: scratch[0]!, DOWN: scratch[1]!, FLAT: scratch[2]! };
    },
  };
}

/** XGBoost writes base_score as "5E-1" (1.x/2.x) or "[5E-1,…]" (3.x, possibly one per class). */
export function baseMargins(raw: unknown, numClass: number): Float64Array {
  const text = String(raw ?? '0.5').replace(/^\[|\]$/g, '');
  const values = text.split(',').map(Number);
  if (values.some((v) => !Number.isFinite(v))) throw new Error(`unreadable base_score ${String(raw)}`);
  if (values.length !== 1 && values.length !== numClass) throw new Error(`base_score has ${values.length} values for ${numClass} classes`);
  return Float64Array.from({ length: numClass }, (_, c) => values[values.length === 1 ? 0 : c]!);
}
