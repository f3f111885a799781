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

const DEFAULT_LEFT = 1 << 30;
const FEATURE_MASK = DEFAULT_LEFT - 1;

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
  // Every tree is re-laid out breadth-first with each node's two children side by side, so the
  // walk needs only the left child's index (right = left + 1). A node is three 32-bit slots in
  // one buffer (left child, feature | default-left flag, threshold or leaf value) for locality.
  const buffer = new ArrayBuffer(total * 12);
  const ints = new Int32Array(buffer);
  const floats = new Float32Array(buffer);
  const roots = new Int32Array(trees.length);
  const group = new Int32Array(trees.length);
  let offset = 0;
  trees.forEach((t, k) => {
    roots[k] = offset * 3;
    group[k] = treeInfo[k]!;
    const queue = [0];
    let next = offset + 1;
    for (let q = 0; q < queue.length; q++) {
      const src = queue[q]!;
      const dst = (offset + q) * 3;
      floats[dst + 2] = t.split_conditions[src]!;
      const l = t.left_children[src]!;
      if (l === -1) {
        ints[dst] = -1;
        continue;
      }
      ints[dst] = next * 3;
      next += 2;
      ints[dst + 1] = t.split_indices[src]! | (t.default_left[src] ? DEFAULT_LEFT : 0);
      queue.push(l, t.right_children[src]!);
    }
    offset += queue.length;
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
      let l = ints[node]!;
      while (l !== -1) {
        const split = ints[node + 1]!;
        const v = x[split & FEATURE_MASK]!;
        // NaN fails `<`: then the node's default direction decides.
        node = v < floats[node + 2]! ? l : v === v || (split & DEFAULT_LEFT) === 0 ? l + 3 : l;
        l = ints[node]!;
      }
      margin[group[k]!]! += floats[node + 2]!;
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
