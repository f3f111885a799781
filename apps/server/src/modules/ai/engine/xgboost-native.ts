/**
 * libxgboost (Debian `libxgboost0`, 1.7.x C API) through koffi. Loaded lazily so a process that only
 * serves predictions (the TypeScript evaluator) never needs the native library.
 */
import { existsSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

/** What to tell a user whose machine has no libxgboost. */
export const LIBXGBOOST_INSTALL_HINT =
  'libxgboost was not found. Training needs the native XGBoost library: on Debian/Ubuntu run ' +
  '`sudo apt-get install libxgboost0`. ' +
  'Serving predictions does not need it: the TypeScript evaluator reads the committed model.';

export class XGBoostUnavailableError extends Error {
  constructor(detail?: string) {
    super(detail ? `${LIBXGBOOST_INSTALL_HINT} (${detail})` : LIBXGBOOST_INSTALL_HINT);
    this.name = 'XGBoostUnavailableError';
  }
}

const SEARCH_DIRS = ['/usr/lib/x86_64-linux-gnu', '/usr/lib/aarch64-linux-gnu', '/usr/lib', '/usr/local/lib', '/opt/homebrew/lib', '/usr/local/opt/xgboost/lib'];

/** The library file: an explicit path first, else the usual system folders. */
export function findLibXGBoost(explicit?: string): string | undefined {
  if (explicit) return existsSync(explicit) ? explicit : undefined;
  for (const dir of SEARCH_DIRS) {
    if (!existsSync(dir)) continue;
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      continue;
    }
    const hit = names.filter((n) => /^libxgboost\.(so(\.\d+)*|dylib)$/.test(n)).sort((a, b) => a.length - b.length)[0];
    if (hit) return path.join(dir, hit);
  }
  return undefined;
}

type Handle = unknown;

export interface XGBoostLib {
  path: string;
  version: string;
  createDMatrix(data: Float32Array, rows: number, cols: number): Handle;
  setLabels(dmat: Handle, labels: Float32Array): void;
  setFeatureNames(dmat: Handle, names: readonly string[]): void;
  freeDMatrix(dmat: Handle): void;
  createBooster(cache: Handle[]): Handle;
  setParam(booster: Handle, name: string, value: string): void;
  /** Stored in the saved model's learner.feature_names (as Python's wrapper does). */
  setBoosterFeatureNames(booster: Handle, names: readonly string[]): void;
  updateOneIter(booster: Handle, iteration: number, dtrain: Handle): void;
  evalOneIter(booster: Handle, iteration: number, dmats: Handle[], names: string[]): string;
  /** Probabilities, row-major (rows × classes). */
  predict(booster: Handle, dmat: Handle): Float32Array;
  slice(booster: Handle, begin: number, end: number): Handle;
  saveJsonModel(booster: Handle): string;
  saveJsonConfig(booster: Handle): string;
  loadModelFromBuffer(booster: Handle, text: string): void;
  freeBooster(booster: Handle): void;
}

let cached: XGBoostLib | undefined;

/** Loads libxgboost once; throws XGBoostUnavailableError (with the install hint) when it is missing. */
export function loadXGBoost(explicitPath?: string): XGBoostLib {
  if (cached && (explicitPath === undefined || cached.path === explicitPath)) return cached;
  const file = findLibXGBoost(explicitPath);
  if (!file) throw new XGBoostUnavailableError(explicitPath ? `no file at ${explicitPath}` : undefined);
  let koffi: typeof import('koffi');
  try {
    koffi = require('koffi') as typeof import('koffi');
  } catch (e) {
    throw new XGBoostUnavailableError(`the koffi package could not be loaded: ${(e as Error).message}`);
  }
  let lib: ReturnType<typeof koffi.load>;
  try {
    lib = koffi.load(file);
  } catch (e) {
    throw new XGBoostUnavailableError(`${file} could not be loaded: ${(e as Error).message}`);
  }
  // Registers the opaque handle type the signatures below name.
  koffi.pointer('XGBHandle', koffi.opaque());
  const fn = {
    version: lib.func('void XGBoostVersion(_Out_ int *major, _Out_ int *minor, _Out_ int *patch)'),
    lastError: lib.func('const char *XGBGetLastError()'),
    fromMat: lib.func('int XGDMatrixCreateFromMat(const float *data, uint64_t nrow, uint64_t ncol, float missing, _Out_ XGBHandle *out)'),
    setFloatInfo: lib.func('int XGDMatrixSetFloatInfo(XGBHandle handle, const char *field, const float *array, uint64_t len)'),
    setStrInfo: lib.func('int XGDMatrixSetStrFeatureInfo(XGBHandle handle, const char *field, const char **features, uint64_t size)'),
    freeDMatrix: lib.func('int XGDMatrixFree(XGBHandle handle)'),
    create: lib.func('int XGBoosterCreate(XGBHandle *dmats, uint64_t len, _Out_ XGBHandle *out)'),
    setBoosterStrInfo: lib.func('int XGBoosterSetStrFeatureInfo(XGBHandle handle, const char *field, const char **features, uint64_t size)'),
    setParam: lib.func('int XGBoosterSetParam(XGBHandle handle, const char *name, const char *value)'),
    update: lib.func('int XGBoosterUpdateOneIter(XGBHandle handle, int iter, XGBHandle dtrain)'),
    evalOne: lib.func('int XGBoosterEvalOneIter(XGBHandle handle, int iter, XGBHandle *dmats, const char **names, uint64_t len, _Out_ const char **out)'),
    predict: lib.func('int XGBoosterPredict(XGBHandle handle, XGBHandle dmat, int option_mask, unsigned int ntree_limit, int training, _Out_ uint64_t *out_len, _Out_ void **out_result)'),
    slice: lib.func('int XGBoosterSlice(XGBHandle handle, int begin_layer, int end_layer, int step, _Out_ XGBHandle *out)'),
    saveToBuffer: lib.func('int XGBoosterSaveModelToBuffer(XGBHandle handle, const char *config, _Out_ uint64_t *out_len, _Out_ void **out_dptr)'),
    saveConfig: lib.func('int XGBoosterSaveJsonConfig(XGBHandle handle, _Out_ uint64_t *out_len, _Out_ const char **out_str)'),
    loadFromBuffer: lib.func('int XGBoosterLoadModelFromBuffer(XGBHandle handle, const void *buf, uint64_t len)'),
    freeBooster: lib.func('int XGBoosterFree(XGBHandle handle)'),
  };
  const check = (rc: number, what: string) => {
    if (rc !== 0) throw new Error(`libxgboost ${what} failed: ${String(fn.lastError())}`);
  };
  const major = [0];
  const minor = [0];
  const patch = [0];
  fn.version(major, minor, patch);
  const out = (): [unknown] => [null];
  cached = {
    path: file,
    version: `${major[0]}.${minor[0]}.${patch[0]}`,
    createDMatrix(data, rows, cols) {
      const o = out();
      check(fn.fromMat(data, rows, cols, Number.NaN, o), 'XGDMatrixCreateFromMat');
      return o[0];
    },
    setLabels(dmat, labels) {
      check(fn.setFloatInfo(dmat, 'label', labels, labels.length), 'XGDMatrixSetFloatInfo(label)');
    },
    setFeatureNames(dmat, names) {
      check(fn.setStrInfo(dmat, 'feature_name', [...names], names.length), 'XGDMatrixSetStrFeatureInfo(feature_name)');
    },
    freeDMatrix(dmat) {
      check(fn.freeDMatrix(dmat), 'XGDMatrixFree');
    },
    createBooster(cache) {
      const o = out();
      check(fn.create(cache, cache.length, o), 'XGBoosterCreate');
      return o[0];
    },
    setBoosterFeatureNames(booster, names) {
      check(fn.setBoosterStrInfo(booster, 'feature_name', [...names], names.length), 'XGBoosterSetStrFeatureInfo(feature_name)');
    },
    setParam(booster, name, value) {
      check(fn.setParam(booster, name, value), `XGBoosterSetParam(${name}=${value})`);
    },
    updateOneIter(booster, iteration, dtrain) {
      check(fn.update(booster, iteration, dtrain), 'XGBoosterUpdateOneIter');
    },
    evalOneIter(booster, iteration, dmats, names) {
      const o: [string | null] = [null];
      check(fn.evalOne(booster, iteration, dmats, names, dmats.length, o), 'XGBoosterEvalOneIter');
      return o[0] ?? '';
    },
    predict(booster, dmat) {
      const len = [0];
      const ptr = out();
      check(fn.predict(booster, dmat, 0, 0, 0, len, ptr), 'XGBoosterPredict');
      const n = Number(len[0]);
      // Copied out: the library reuses its prediction buffer on the next call.
      return Float32Array.from(koffi.decode(ptr[0], 'float', n) as number[]);
    },
    slice(booster, begin, end) {
      const o = out();
      check(fn.slice(booster, begin, end, 1, o), 'XGBoosterSlice');
      return o[0];
    },
    saveJsonModel(booster) {
      const len = [0];
      const ptr = out();
      check(fn.saveToBuffer(booster, JSON.stringify({ format: 'json' }), len, ptr), 'XGBoosterSaveModelToBuffer');
      const bytes = koffi.decode(ptr[0], 'uint8_t', Number(len[0])) as number[];
      return Buffer.from(bytes).toString('utf8');
    },
    saveJsonConfig(booster) {
      const len = [0];
      const o: [string | null] = [null];
      check(fn.saveConfig(booster, len, o), 'XGBoosterSaveJsonConfig');
      return o[0] ?? '';
    },
    loadModelFromBuffer(booster, text) {
      const buf = Buffer.from(text, 'utf8');
      check(fn.loadFromBuffer(booster, buf, buf.length), 'XGBoosterLoadModelFromBuffer');
    },
    freeBooster(booster) {
      check(fn.freeBooster(booster), 'XGBoosterFree');
    },
  };
  return cached;
}
