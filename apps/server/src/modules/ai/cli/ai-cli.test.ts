/** The `npm run ai` CLI end to end on synthetic candle files in a temporary folder. */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findLibXGBoost } from '../engine/xgboost-native.js';
import { syntheticCandles } from '../engine/synthetic-candles.js';

const run = promisify(execFile);
const cli = path.join(path.dirname(fileURLToPath(import.meta.url)), 'ai.ts');
const hasLib = findLibXGBoost() !== undefined;
if (!hasLib && (process.env.CI === 'true' || process.env.CI === '1')) throw new Error('libxgboost is missing under CI (.ci/run installs libxgboost0)');

async function ai(args: string[]) {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--conditions=source', '--import', 'tsx', cli, ...args], { maxBuffer: 64 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

const lastJsonLine = (stdout: string) => JSON.parse(stdout.trim().split('\n').at(-1)!) as Record<string, unknown>;

describe('npm run ai', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'ai-cli-'));
    for (const [symbol, seed, price] of [['BTCUSDT', 1, 40_000], ['ETHUSDT', 2, 2_000]] as const) {
      const rows = syntheticCandles(3_000, { seed, price }).map((c) => `${c.openTime},${c.open},${c.high},${c.low},${c.close},${c.volume}`);
      await writeFile(path.join(dir, `${symbol}-1h.csv`), `open_time_ms,open,high,low,close,volume\n${rows.join('\n')}\n`);
    }
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('refuses an unknown option by name, with the usage', async () => {
    const r = await ai(['evaluate', '--modle', 'x.json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown option --modle for "evaluate"/);
    expect(r.stderr).toMatch(/usage: npm run ai/);
  });

  it.skipIf(!hasLib)('trains, then evaluates with the summary as the last JSON line and the predictions CSV', async () => {
    const model = path.join(dir, 'model.json');
    const btc = path.join(dir, 'BTCUSDT-1h.csv');
    const eth = path.join(dir, 'ETHUSDT-1h.csv');
    const trained = await ai(['train', '--candles', `${btc},${eth}`, '--to', '2024-03-31', '--max-rounds', '20', '--threads', '1', '--out', model]);
    expect(trained.code, trained.stderr).toBe(0);
    expect(lastJsonLine(trained.stdout)).toMatchObject({ out: model, features: 18 });
    const artifact = JSON.parse(await readFile(model, 'utf8')) as { dataWindow: { to: string } };
    expect(Date.parse(artifact.dataWindow.to)).toBeLessThanOrEqual(Date.UTC(2024, 2, 31, 23));

    const csv = path.join(dir, 'eth.csv');
    const evaluated = await ai(['evaluate', '--model', model, '--candles', eth, '--from', '2024-04-01', '--out', csv]);
    expect(evaluated.code, evaluated.stderr).toBe(0);
    const summary = lastJsonLine(evaluated.stdout);
    expect(Object.keys(summary)).toEqual(['rows', 'accuracy', 'balancedAccuracy', 'logLoss', 'baselines']);
    expect(summary.baselines).toEqual({
      majority: { accuracy: expect.any(Number), balancedAccuracy: expect.any(Number) },
      persistence: { accuracy: expect.any(Number), balancedAccuracy: expect.any(Number) },
    });
    const lines = (await readFile(csv, 'utf8')).trim().split('\n');
    expect(lines[0]).toBe('open_time_ms,actual,predicted,p_up,p_down,p_flat');
    expect(lines.length - 1).toBe(summary.rows);
    const [t, actual, predicted, up, down, flat] = lines[1]!.split(',');
    expect(Number(t)).toBeGreaterThanOrEqual(Date.UTC(2024, 3, 1));
    expect(['UP', 'DOWN', 'FLAT']).toContain(actual);
    expect(['UP', 'DOWN', 'FLAT']).toContain(predicted);
    expect(Number(up) + Number(down) + Number(flat)).toBeCloseTo(1, 5);
  });

  it('explains a corrupt model file instead of crashing', async () => {
    const bad = path.join(dir, 'bad.json');
    await writeFile(bad, '{"format":"cryptosim-xgboost-model"');
    const r = await ai(['evaluate', '--model', bad, '--candles', path.join(dir, 'ETHUSDT-1h.csv')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/invalid model artifact: not JSON/);
  });
});
