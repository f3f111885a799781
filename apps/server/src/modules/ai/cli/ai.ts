/**
 * `npm run ai -- <command>`: train, evaluate, walk-forward and import models from the command
 * line. Progress goes to stderr; the summary is the last line on stdout, one JSON object.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
  CLASSES,
  DEFAULT_MODEL_PATH,
  FEATURE_NAMES,
  XGBoostUnavailableError,
  ModelArtifactError,
  calibration,
  importXGBoostModel,
  longFlat,
  parseCandlesCsv,
  parseModelArtifact,
  predictedClasses,
  readBooster,
  prepareSeries,
  rowsOfSymbol,
  scoreModel,
  serializeModelArtifact,
  summarizeScored,
  trainModelInWorker,
  walkForward,
  type Candle,
  type ScoredRows,
  type SymbolCandles,
  type TrainParams,
} from '../engine/index.js';
import { parseArgs, parseTime, UsageError } from './cli-args.js';
import { createProgressBar } from './progress-bar.js';

const COMMON = ['candles', 'btc', 'interval', 'horizon'];
const OPTIONS: Record<string, readonly string[]> = {
  train: [...COMMON, 'to', 'from', 'out', 'max-rounds', 'threads'],
  evaluate: [...COMMON, 'model', 'from', 'to', 'out'],
  'walk-forward': [...COMMON, 'to', 'from', 'folds', 'train-months', 'out', 'report', 'max-rounds', 'threads'],
  import: ['classes', 'features', 'theta', 'interval', 'horizon', 'out'],
};

const USAGE = `usage: npm run ai -- <command>
  train --candles <csv>[,<csv>…] [--to 2025-12-31] [--from ISO] [--btc <csv>] --out <model.json>
  evaluate --model <model.json|default> --candles <csv> [--from ISO] [--to ISO] [--out <predictions.csv>]
  walk-forward --candles <csv>[,<csv>…] --to 2025-12-31 --folds monthly [--from 2024-01] [--train-months 24] [--report <folds.json>]
  import <xgboost-model.json> --classes UP,DOWN,FLAT --features ${FEATURE_NAMES.slice(0, 3).join(',')},… [--theta BTCUSDT=0.004,…] --out <artifact.json>`;

interface CandleFile extends SymbolCandles {
  file: string;
  interval: string;
}

async function readCandleFile(file: string, to: number): Promise<CandleFile> {
  const m = /([A-Z0-9]+)-(\d+[mhd])\.csv$/.exec(path.basename(file));
  if (!m) throw new UsageError(`${file}: name it <SYMBOL>-<interval>.csv (e.g. BTCUSDT-1h.csv) so the symbol and interval are known`);
  if (!existsSync(file)) throw new UsageError(`${file}: no such file`);
  // Candles after --to are dropped as soon as they are read: held-out data never reaches a feature.
  const candles = parseCandlesCsv(await readFile(file, 'utf8'), file).filter((c) => c.openTime <= to);
  return { file, symbol: m[1]!, interval: m[2]!, candles };
}

async function readInputs(opts: Map<string, string>, to: number) {
  const list = opts.get('candles');
  if (!list) throw new UsageError('--candles <csv>[,<csv>…] is required');
  const files = await Promise.all(list.split(',').map((f) => readCandleFile(f.trim(), to)));
  const interval = opts.get('interval') ?? files[0]!.interval;
  for (const f of files) if (f.interval !== interval) throw new UsageError(`${f.file} holds ${f.interval} candles, expected ${interval}`);
  let btc: readonly Candle[] | undefined = files.find((f) => f.symbol === 'BTCUSDT')?.candles;
  if (!btc) {
    const btcFile = opts.get('btc') ?? path.join(path.dirname(files[0]!.file), `BTCUSDT-${interval}.csv`);
    if (existsSync(btcFile)) btc = (await readCandleFile(btcFile, to)).candles;
    else console.error(`note: no BTC candles (${btcFile}); the btc_* features are missing values`);
  }
  const horizon = Number(opts.get('horizon') ?? 1);
  if (!Number.isInteger(horizon) || horizon < 1) throw new UsageError('--horizon must be a positive integer');
  return { files, interval, btc, horizon };
}

function params(opts: Map<string, string>): Partial<TrainParams> {
  const maxRounds = opts.get('max-rounds');
  return maxRounds ? { maxRounds: Number(maxRounds) } : {};
}

function threads(opts: Map<string, string>): number | undefined {
  const t = opts.get('threads');
  return t ? Number(t) : undefined;
}

async function train(opts: Map<string, string>) {
  const out = opts.get('out');
  if (!out) throw new UsageError('--out <model.json> is required');
  const to = opts.has('to') ? parseTime(opts.get('to')!, true) : Infinity;
  const { files, interval, btc, horizon } = await readInputs(opts, to);
  const bar = createProgressBar('training');
  // On a worker thread, so the progress bar redraws and Ctrl-C stops training between rounds.
  const stop = new AbortController();
  const onInterrupt = () => stop.abort(new Error('training interrupted (SIGINT)'));
  process.once('SIGINT', onInterrupt);
  const result = await trainModelInWorker(
    {
      symbols: files,
      btc,
      interval,
      horizon,
      to,
      from: opts.has('from') ? parseTime(opts.get('from')!, false) : undefined,
      params: params(opts),
      threads: threads(opts),
    },
    { signal: stop.signal, onProgress: (d, t, l) => bar.update(d, t, l) },
  ).finally(() => process.off('SIGINT', onInterrupt));
  bar.done();
  const text = serializeModelArtifact(result.artifact);
  await mkdir(path.dirname(path.resolve(out)), { recursive: true });
  await writeFile(out, `${text}\n`);
  const m = result.artifact.metrics;
  console.log(
    JSON.stringify({
      out,
      bytes: Buffer.byteLength(text),
      rows: result.rows,
      features: result.artifact.featureNames.length,
      rounds: (m.bestIteration ?? 0) + 1,
      validationLogLoss: m.validationLogLoss,
      theta: result.artifact.theta,
      dataWindow: result.artifact.dataWindow,
      seconds: { total: result.timings.totalMs / 1000, libxgboost: result.timings.nativeMs / 1000, features: result.timings.featuresMs / 1000 },
    }),
  );
}

async function loadModel(ref: string) {
  const file = ref === 'default' ? DEFAULT_MODEL_PATH : ref;
  if (!existsSync(file)) throw new UsageError(`--model ${ref}: no such file (give a model.json path or "default"; registry versions are served by the API)`);
  return parseModelArtifact(await readFile(file, 'utf8'));
}

function perSymbolLines(scored: ScoredRows, horizon: number) {
  for (const symbol of scored.symbols) {
    const s = rowsOfSymbol(scored, symbol);
    if (s.rows === 0) continue;
    const cal = calibration(s.actual, s.probabilities);
    const strategy = longFlat(predictedClasses(s), s.forward, horizon, 0.001);
    console.log(JSON.stringify({ symbol, ...summarizeScored(s), ece: cal.ece, longFlat: strategy }));
  }
}

async function writePredictions(file: string, scored: ScoredRows) {
  const predicted = predictedClasses(scored);
  const lines = ['open_time_ms,actual,predicted,p_up,p_down,p_flat'];
  for (let i = 0; i < scored.rows; i++) {
    const p = scored.probabilities.subarray(i * 3, i * 3 + 3);
    lines.push(`${scored.openTimes[i]},${CLASSES[scored.actual[i]!]},${CLASSES[predicted[i]!]},${p[0]},${p[1]},${p[2]}`);
  }
  await mkdir(path.dirname(path.resolve(file)), { recursive: true });
  await writeFile(file, `${lines.join('\n')}\n`);
}

async function evaluate(opts: Map<string, string>) {
  const ref = opts.get('model');
  if (!ref) throw new UsageError('--model <model.json|default> is required');
  const artifact = await loadModel(ref);
  const to = opts.has('to') ? parseTime(opts.get('to')!, true) : Infinity;
  const from = opts.has('from') ? parseTime(opts.get('from')!, false) : -Infinity;
  const { files, interval, btc, horizon } = await readInputs(opts, to);
  if (interval !== artifact.interval || horizon !== artifact.horizon) throw new UsageError(`the model predicts ${artifact.horizon} × ${artifact.interval}; the candles are ${interval} (horizon ${horizon})`);
  for (const f of files) if (artifact.theta[f.symbol] === undefined) throw new UsageError(`the model has no θ for ${f.symbol} (it knows ${Object.keys(artifact.theta).join(', ')})`);
  if (opts.has('out') && files.length > 1) throw new UsageError('--out writes one symbol\'s predictions: give one --candles file');
  const bar = createProgressBar('features');
  const series = prepareSeries(files, { interval, horizon, btc });
  bar.done();
  const scored = scoreModel(artifact, series, { from, labelBy: to });
  if (scored.rows === 0) throw new UsageError('no labelled bars in that window');
  if (opts.has('out')) await writePredictions(opts.get('out')!, scored);
  perSymbolLines(scored, horizon);
  console.log(JSON.stringify(summarizeScored(scored)));
}

async function walkForwardCommand(opts: Map<string, string>) {
  if (!opts.has('to')) throw new UsageError('--to is required (e.g. --to 2025-12-31: nothing after it is used)');
  const folds = opts.get('folds') ?? 'monthly';
  if (folds !== 'monthly') throw new UsageError('--folds monthly is the only fold scheme');
  const to = parseTime(opts.get('to')!, true);
  const from = opts.has('from') ? parseTime(opts.get('from')!, false) : Date.UTC(new Date(to).getUTCFullYear(), 0, 1);
  const trainMonths = Number(opts.get('train-months') ?? 24);
  const { files, interval, btc, horizon } = await readInputs(opts, to);
  const series = prepareSeries(files, { interval, horizon, btc });
  const bar = createProgressBar('walk-forward');
  let fold = 0;
  let total = 1;
  let month = '';
  const { scored, folds: report } = walkForward(series, {
    interval,
    horizon,
    from,
    to,
    trainMonths,
    params: params(opts),
    threads: threads(opts),
    onFold: (f, n, label) => {
      fold = f;
      total = n;
      month = label;
      bar.update(f, n, `fold ${label}`);
    },
    onProgress: (d, t) => bar.update(fold + d / t, total, `fold ${month}`),
  });
  bar.done(`${report.length} folds`);
  if (opts.has('out')) {
    // One file per symbol: the CSV's columns carry no symbol.
    const out = opts.get('out')!;
    for (const symbol of scored.symbols) await writePredictions(scored.symbols.length > 1 ? out.replace(/(\.csv)?$/, `-${symbol}.csv`) : out, rowsOfSymbol(scored, symbol));
  }
  if (opts.has('report')) {
    const cal = calibration(scored.actual, scored.probabilities);
    await writeFile(opts.get('report')!, `${JSON.stringify({ folds: report, calibration: cal }, null, 2)}\n`);
  }
  perSymbolLines(scored, horizon);
  console.log(JSON.stringify(summarizeScored(scored)));
}

async function importCommand(positional: string[], opts: Map<string, string>) {
  const input = positional[0];
  if (!input) throw new UsageError('import <xgboost-model.json> needs the model file');
  const classes = opts.get('classes')?.split(',').map((c) => c.trim());
  const features = opts.get('features')?.split(',').map((f) => f.trim());
  if (!classes || !features) throw new UsageError('--classes and --features are required (the booster does not know them)');
  const theta = Object.fromEntries(
    (opts.get('theta') ?? '')
      .split(',')
      .filter(Boolean)
      .map((pair) => {
        const [symbol, value] = pair.split('=');
        const t = Number(value);
        if (!symbol || !Number.isFinite(t)) throw new UsageError(`--theta ${pair}: use SYMBOL=number`);
        return [symbol, t];
      }),
  );
  const artifact = importXGBoostModel(await readFile(input, 'utf8'), {
    classes,
    featureNames: features,
    theta,
    interval: opts.get('interval') ?? '1h',
    horizon: Number(opts.get('horizon') ?? 1),
  });
  const out = opts.get('out') ?? input.replace(/\.json$/, '') + '.artifact.json';
  await writeFile(out, `${serializeModelArtifact(artifact)}\n`);
  console.log(JSON.stringify({ out, classes: artifact.classes, features: artifact.featureNames.length, trees: readBooster(artifact).learner.gradient_booster.model.trees.length }));
}

async function main(argv: string[]) {
  const { command, positional, options } = parseArgs(argv, OPTIONS);
  switch (command) {
    case 'train':
      return train(options);
    case 'evaluate':
      return evaluate(options);
    case 'walk-forward':
      return walkForwardCommand(options);
    case 'import':
      return importCommand(positional, options);
    default:
      throw new UsageError(command ? `unknown command "${command}"` : 'no command given');
  }
}

try {
  await main(process.argv.slice(2));
} catch (e) {
  if (e instanceof UsageError) console.error(`${e.message}\n\n${USAGE}`);
  else if (e instanceof XGBoostUnavailableError || e instanceof ModelArtifactError) console.error(e.message);
  else throw e;
  process.exitCode = e instanceof UsageError ? 2 : 1;
}
