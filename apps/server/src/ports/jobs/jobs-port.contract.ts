/**
 * The behaviour every JobsPort must have. Run it from each implementation's test file:
 * `describeJobsPortContract((prefix) => new XJobs(...), prefix)`.
 * Intervals are small so the suite is quick; nothing here asserts how fast a run happens.
 * Where a test must let time pass (to see that something does not run too often, or at all),
 * it waits for a metronome, another schedule at the same interval, to tick a number of times:
 * the comparison then holds whatever the machine's speed, and no fixed sleep decides it.
 */
import { afterEach, expect, it } from 'vitest';
import { eventually } from '../../testing/eventually.js';
import type { JobsPort } from './jobs-port.js';

export type MakeJobs = (keyPrefix: string) => JobsPort | Promise<JobsPort>;

/** A schedule that only counts its runs: the clock a test measures other schedules against. */
export async function startMetronome(jobs: JobsPort, everyMs: number, name = 'metronome'): Promise<{ readonly ticks: number }> {
  const counter = { ticks: 0 };
  jobs.define(name, async () => void (counter.ticks += 1));
  await jobs.start();
  await jobs.schedule(name, everyMs);
  return counter;
}

export function describeJobsPortContract(makeJobs: MakeJobs, basePrefix: string): void {
  const open: JobsPort[] = [];
  let n = 0;
  const fresh = async () => {
    const jobs = await makeJobs(`${basePrefix}:${++n}`);
    open.push(jobs);
    return jobs;
  };
  afterEach(async () => {
    await Promise.all(open.splice(0).map((j) => j.close()));
  });

  it('when a job is enqueued, its handler runs with the data and the run is recorded', async () => {
    const jobs = await fresh();
    const seen: unknown[] = [];
    jobs.define('echo', async (data) => void seen.push(data));
    jobs.define('other', async () => undefined);
    await jobs.enqueue('echo', { symbol: 'BTCUSDT', n: 1 }); // before start: waits for it
    await jobs.start();
    await eventually('the enqueued job runs', () => seen.length === 1);
    expect(seen).toEqual([{ symbol: 'BTCUSDT', n: 1 }]);
    await jobs.enqueue('other');
    await eventually('both runs are recorded', async () => (await jobs.recentRuns()).length === 2);
    const runs = await jobs.recentRuns();
    expect(runs.map((r) => [r.name, r.status, r.attempts]), 'newest first').toEqual([
      ['other', 'completed', 1],
      ['echo', 'completed', 1],
    ]);
    expect(await jobs.recentRuns(1), 'limit caps the list').toHaveLength(1);
  });

  it('when a handler fails twice then succeeds, it is retried and recorded completed after 3 attempts', async () => {
    const jobs = await fresh();
    let calls = 0;
    const attempts: number[] = [];
    jobs.define(
      'flaky',
      async (_data, run) => {
        calls += 1;
        attempts.push(run.attempt);
        if (calls < 3) throw new Error(`flaky failure ${calls}`);
      },
      { attempts: 3, backoffMs: 20 },
    );
    await jobs.start();
    await jobs.enqueue('flaky');
    await eventually('the flaky job completes', async () => (await jobs.recentRuns()).some((r) => r.name === 'flaky'));
    const [run] = await jobs.recentRuns();
    expect(run).toMatchObject({ name: 'flaky', status: 'completed', attempts: 3 });
    expect(calls, 'the handler ran once per attempt').toBe(3);
    expect(attempts, 'each try knows its number').toEqual([1, 2, 3]);
  });

  it('when a handler keeps failing, the run is recorded failed with its error once attempts run out', async () => {
    const jobs = await fresh();
    let calls = 0;
    jobs.define('doomed', async () => {
      calls += 1;
      throw new Error('exchange unreachable');
    }, { attempts: 2, backoffMs: 20 });
    await jobs.start();
    await jobs.enqueue('doomed');
    await eventually('the failure is recorded', async () => (await jobs.recentRuns()).length === 1);
    expect((await jobs.recentRuns())[0]).toMatchObject({ name: 'doomed', status: 'failed', attempts: 2, error: 'exchange unreachable' });
    expect(calls, 'no attempt beyond the limit').toBe(2);
  });

  it('when a job is scheduled, it runs repeatedly', async () => {
    const jobs = await fresh();
    const seen: unknown[] = [];
    jobs.define('tick', async (data) => void seen.push(data));
    await jobs.start();
    await jobs.schedule('tick', 50, { kind: 'tick' });
    await eventually('three scheduled runs', () => seen.length >= 3);
    expect(new Set(seen.map((d) => JSON.stringify(d))), 'every run gets the schedule data').toEqual(new Set(['{"kind":"tick"}']));
  });

  it('when the same name is scheduled again, the schedule is replaced, not doubled', async () => {
    const jobs = await fresh();
    const versions: number[] = [];
    let metronomeAtV2: number | undefined;
    jobs.define('beat', async (data) => {
      const { v } = data as { v: number };
      if (v === 2) metronomeAtV2 ??= metronome.ticks;
      versions.push(v);
    });
    // Same interval as the beat: one schedule keeps pace with it, a doubled one runs about twice as often.
    const metronome = await startMetronome(jobs, 100);
    await jobs.schedule('beat', 100, { v: 1 });
    await eventually('the first schedule runs', () => versions.includes(1));
    await jobs.schedule('beat', 100, { v: 2 });
    await jobs.schedule('beat', 100, { v: 2 });
    await eventually('the new schedule runs', () => versions.includes(2));
    await eventually('ten metronome ticks after the new schedule first ran', () => metronome.ticks >= metronomeAtV2! + 10, 20_000);
    const ticks = metronome.ticks - metronomeAtV2!;
    const after = versions.slice(versions.indexOf(2));
    expect(after.filter((v) => v !== 2), 'no run of the replaced schedule').toEqual([]);
    // +2 for the replacement's immediate first run and the two clocks' phase.
    expect(after.length, `${after.length} beats while the metronome at the same interval ticked ${ticks} times`).toBeLessThanOrEqual(ticks + 2);
  });

  it('when the port is closed, running handlers finish and nothing runs afterwards', async () => {
    const jobs = await fresh();
    let ticks = 0;
    let slowStarted = false;
    let slowFinished = false;
    let release: () => void = () => undefined;
    const released = new Promise<void>((r) => (release = r));
    jobs.define('tick', async () => void (ticks += 1));
    jobs.define('slow', async () => {
      slowStarted = true;
      await released;
      slowFinished = true;
    });
    await jobs.start();
    await jobs.schedule('tick', 50);
    await jobs.enqueue('slow');
    // On a port that stays open, at the closed one's interval: how long "afterwards" is.
    const metronome = await startMetronome(await fresh(), 50);
    await eventually('the schedule runs and the slow job starts', () => ticks >= 2 && slowStarted);
    let closed = false;
    const closing = jobs.close().then(() => (closed = true));
    const atCloseCall = metronome.ticks;
    await eventually('two intervals pass after close() was called', () => metronome.ticks >= atCloseCall + 2);
    expect(closed, 'close waits while a handler is running').toBe(false);
    release();
    await closing;
    expect(slowFinished, 'the running handler was allowed to finish').toBe(true);
    const atClose = ticks;
    const metronomeAtClose = metronome.ticks;
    await eventually('eight intervals pass after close', () => metronome.ticks >= metronomeAtClose + 8);
    expect(ticks, 'no scheduled run after close').toBe(atClose);
  });
}
