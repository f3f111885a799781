/**
 * The model artifact: XGBoost's own JSON model (as libxgboost or Python's
 * `booster.save_model("m.json")` writes it) plus what serving and scoring need around it.
 */
import { CLASSES, type Direction } from './labels.js';
import { FEATURE_NAMES } from './features.js';
import { INTERVAL_MS } from './candles.js';

export const ARTIFACT_FORMAT = 'cryptosim-xgboost-model';
export const ARTIFACT_FORMAT_VERSION = 1;
/** Larger texts are refused before parsing. */
export const MAX_ARTIFACT_BYTES = 20 * 1024 * 1024;

/** XGBoost's JSON model (learner → gradient_booster → model → trees); kept as XGBoost wrote it. */
export interface XGBoostJsonModel {
  learner: {
    feature_names?: string[];
    gradient_booster: { name: string; model: { tree_info: number[]; trees: unknown[]; [k: string]: unknown }; [k: string]: unknown };
    learner_model_param: { base_score?: string; num_class: string; num_feature: string; [k: string]: unknown };
    objective: { name: string; [k: string]: unknown };
    [k: string]: unknown;
  };
  version?: number[];
}

export interface ModelMetrics {
  /** Rows of the time-ordered early-stopping tail and its multi-class log loss at the best round. */
  validationRows?: number;
  validationLogLoss?: number;
  bestIteration?: number;
  rounds?: number;
  trainRows?: number;
  /** Class counts of the training rows in CLASSES order (the majority baseline's class). */
  trainClassCounts?: Record<Direction, number>;
  [k: string]: unknown;
}

export interface ModelArtifact {
  format: typeof ARTIFACT_FORMAT;
  formatVersion: number;
  /** The booster's class k is classes[k]: a permutation of CLASSES. */
  classes: Direction[];
  /** Feature k of the booster; every name is one of FEATURE_NAMES. */
  featureNames: string[];
  /** θ per symbol (fraction, e.g. 0.0021) fitted on the training window. */
  theta: Record<string, number>;
  interval: string;
  /** Bars ahead the label looks. */
  horizon: number;
  /** The candles used: symbols and ISO open times of the first and last bar. */
  dataWindow: { symbols: string[]; from: string; to: string };
  params: Record<string, string | number>;
  metrics: ModelMetrics;
  /** Which library trained it, e.g. "libxgboost 1.7.4" or "imported". */
  trainedWith: string;
  createdAt: string;
  /**
   * XGBoost's JSON model as text, byte for byte as libxgboost (or Python) wrote it: XGBoost's
   * reader tells integers from reals ("0E0" is not 0), so it is never re-serialized.
   */
  booster: string;
}

export class ModelArtifactError extends Error {
  constructor(message: string) {
    super(`invalid model artifact: ${message}`);
    this.name = 'ModelArtifactError';
  }
}

/** Parses and checks an artifact; throws ModelArtifactError naming what is wrong. */
export function parseModelArtifact(text: string, maxBytes = MAX_ARTIFACT_BYTES): ModelArtifact {
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > maxBytes) throw new ModelArtifactError(`${bytes} bytes is over the limit of ${maxBytes}`);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new ModelArtifactError(`not JSON (${(e as Error).message})`);
  }
  return validateModelArtifact(value);
}

export function serializeModelArtifact(artifact: ModelArtifact): string {
  validateModelArtifact(artifact);
  return JSON.stringify(artifact);
}

export interface ImportOptions {
  classes: string[];
  featureNames: string[];
  theta?: Record<string, number>;
  interval?: string;
  horizon?: number;
  dataWindow?: ModelArtifact['dataWindow'];
  createdAt?: string;
}

/** Wraps a bare XGBoost JSON model (e.g. from Python) with its classes and feature list. */
export function importXGBoostModel(text: string, options: ImportOptions, maxBytes = MAX_ARTIFACT_BYTES): ModelArtifact {
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > maxBytes) throw new ModelArtifactError(`${bytes} bytes is over the limit of ${maxBytes}`);
  let booster: unknown;
  try {
    booster = JSON.parse(text);
  } catch (e) {
    throw new ModelArtifactError(`not JSON (${(e as Error).message}); save the model with booster.save_model("model.json")`);
  }
  const boosterText = text;
  if (isObject(booster) && booster.format === ARTIFACT_FORMAT) throw new ModelArtifactError('this is already a cryptosim artifact, not a bare XGBoost model');
  const version = isObject(booster) && Array.isArray(booster.version) ? booster.version.join('.') : 'unknown';
  return validateModelArtifact({
    format: ARTIFACT_FORMAT,
    formatVersion: ARTIFACT_FORMAT_VERSION,
    classes: options.classes,
    featureNames: options.featureNames,
    theta: options.theta ?? {},
    interval: options.interval ?? '1h',
    horizon: options.horizon ?? 1,
    dataWindow: options.dataWindow ?? { symbols: Object.keys(options.theta ?? {}), from: '', to: '' },
    params: {},
    metrics: {},
    trainedWith: `imported (XGBoost ${version})`,
    createdAt: options.createdAt ?? new Date().toISOString(),
    booster: boosterText,
  });
}

function validateModelArtifact(value: unknown): ModelArtifact {
  const fail = (m: string): never => {
    throw new ModelArtifactError(m);
  };
  if (!isObject(value)) fail('expected a JSON object');
  const a = value as Record<string, unknown>;
  if (a.format !== ARTIFACT_FORMAT) fail(`"format" must be "${ARTIFACT_FORMAT}" (a bare XGBoost model is imported with its classes and features)`);
  if (a.formatVersion !== ARTIFACT_FORMAT_VERSION) fail(`unsupported formatVersion ${String(a.formatVersion)}`);
  const classes = a.classes;
  if (!Array.isArray(classes) || classes.length !== CLASSES.length || new Set(classes).size !== CLASSES.length || !classes.every((c) => (CLASSES as readonly unknown[]).includes(c)))
    fail(`"classes" must list ${CLASSES.join(', ')} once each, in the booster's class order (got ${JSON.stringify(classes)})`);
  const names = a.featureNames;
  if (!Array.isArray(names) || names.length === 0 || !names.every((n) => typeof n === 'string')) fail('"featureNames" must be a non-empty list of names');
  const known = FEATURE_NAMES as readonly string[];
  for (const n of names as string[]) if (!known.includes(n)) fail(`unknown feature "${n}" (this engine computes: ${FEATURE_NAMES.join(', ')})`);
  if (new Set(names as string[]).size !== (names as string[]).length) fail('"featureNames" has duplicates');
  if (!isObject(a.theta) || !Object.values(a.theta).every((t) => typeof t === 'number' && t >= 0 && Number.isFinite(t))) fail('"theta" must map symbols to non-negative numbers');
  if (typeof a.interval !== 'string' || INTERVAL_MS[a.interval] === undefined) fail(`unsupported interval ${JSON.stringify(a.interval)}`);
  if (!Number.isInteger(a.horizon) || (a.horizon as number) < 1) fail('"horizon" must be a positive integer');
  if (!isObject(a.dataWindow) || !Array.isArray(a.dataWindow.symbols)) fail('"dataWindow" must have symbols, from and to');
  if (!isObject(a.params) || !isObject(a.metrics)) fail('"params" and "metrics" must be objects');
  if (typeof a.trainedWith !== 'string' || typeof a.createdAt !== 'string') fail('"trainedWith" and "createdAt" must be strings');
  if (typeof a.booster !== 'string') fail('"booster" must be the XGBoost JSON model as text');
  let booster: unknown;
  try {
    booster = JSON.parse(a.booster as string);
  } catch (e) {
    fail(`"booster" is not JSON (${(e as Error).message})`);
  }
  validateBooster(booster, names as string[], fail);
  return value as ModelArtifact;
}

/** The artifact's booster, parsed (validated by parseModelArtifact). */
export function readBooster(artifact: Pick<ModelArtifact, 'booster'>): XGBoostJsonModel {
  return JSON.parse(artifact.booster) as XGBoostJsonModel;
}

function validateBooster(b: unknown, featureNames: string[], fail: (m: string) => never): void {
  const numFeatures = featureNames.length;
  const learner = isObject(b) ? b.learner : undefined;
  if (!isObject(learner)) return fail('"booster" is not an XGBoost JSON model (no "learner")');
  const objective = isObject(learner.objective) ? learner.objective.name : undefined;
  if (objective !== 'multi:softprob' && objective !== 'multi:softmax') fail(`the booster's objective is ${String(objective)}, expected multi:softprob`);
  const gb = learner.gradient_booster;
  if (!isObject(gb) || gb.name !== 'gbtree') fail(`only gbtree boosters are supported (got ${isObject(gb) ? String(gb.name) : 'none'})`);
  const param = learner.learner_model_param;
  if (!isObject(param)) return fail('the booster has no learner_model_param');
  if (Number(param.num_class) !== CLASSES.length) fail(`the booster has ${String(param.num_class)} classes, the artifact lists ${CLASSES.length}`);
  if (Number(param.num_feature) !== numFeatures) fail(`the booster has ${String(param.num_feature)} features, the artifact lists ${numFeatures}`);
  const fnames = learner.feature_names;
  if (Array.isArray(fnames) && fnames.length > 0 && JSON.stringify(fnames) !== JSON.stringify(featureNames))
    fail(`the booster was trained on features ${JSON.stringify(fnames)}, the artifact lists ${JSON.stringify(featureNames)}`);
  const model = (gb as Record<string, unknown>).model;
  if (!isObject(model) || !Array.isArray(model.trees) || !Array.isArray(model.tree_info)) return fail('the booster has no trees');
  if (model.trees.length !== model.tree_info.length) fail('tree_info and trees differ in length');
  model.tree_info.forEach((g: unknown, k: number) => {
    if (!Number.isInteger(g) || (g as number) < 0 || (g as number) >= CLASSES.length) fail(`tree ${k} belongs to class ${String(g)}`);
  });
  model.trees.forEach((t: unknown, k: number) => {
    if (!isObject(t)) return fail(`tree ${k} is not an object`);
    const arrays = ['left_children', 'right_children', 'split_indices', 'split_conditions', 'default_left'] as const;
    for (const key of arrays) if (!Array.isArray(t[key])) fail(`tree ${k} has no ${key}`);
    const n = (t.left_children as unknown[]).length;
    if (n === 0) fail(`tree ${k} is empty`);
    for (const key of arrays) if ((t[key] as unknown[]).length !== n) fail(`tree ${k}: ${key} has ${(t[key] as unknown[]).length} entries, expected ${n}`);
    if (Array.isArray(t.split_type) && t.split_type.some((s: unknown) => s !== 0)) fail(`tree ${k} has categorical splits, which are not supported`);
    const left = t.left_children as number[];
    const right = t.right_children as number[];
    const split = t.split_indices as number[];
    const cond = t.split_conditions as number[];
    for (let i = 0; i < n; i++) {
      const l = left[i]!;
      const r = right[i]!;
      if (!Number.isFinite(cond[i])) fail(`tree ${k} node ${i} has a non-numeric split condition`);
      if (l === -1) continue;
      // Children come after their parent in XGBoost's layout; this also rules out cycles.
      if (!Number.isInteger(l) || !Number.isInteger(r) || l <= i || r <= i || l >= n || r >= n) fail(`tree ${k} node ${i} has bad children (${l}, ${r})`);
      if (!Number.isInteger(split[i]) || split[i]! < 0 || split[i]! >= numFeatures) fail(`tree ${k} node ${i} splits on feature ${split[i]}, outside 0..${numFeatures - 1}`);
    }
  });
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
