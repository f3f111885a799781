import { describe, expect, it } from 'vitest';
import { backoffDelay, retryWithBackoff } from './retry-with-backoff.js';

describe('retryWithBackoff', () => {
  it('when fn fails twice then succeeds, then it returns the value after two retries', async () => {
    let calls = 0;
    const retries: number[] = [];
    const value = await retryWithBackoff(
      async () => {
        calls++;
        if (calls < 3) throw new Error(`down ${calls}`);
        return 'up';
      },
      { baseMs: 1, maxMs: 2, onRetry: (_e, attempt) => retries.push(attempt) },
    );
    expect(value).toBe('up');
    expect(calls).toBe(3);
    expect(retries).toEqual([1, 2]);
  });

  it('when attempts run out, then the last error is thrown', async () => {
    await expect(
      retryWithBackoff(async () => Promise.reject(new Error('still down')), { baseMs: 1, attempts: 3 }),
    ).rejects.toThrow('still down');
  });

  it('when the error is not retryable, then it is thrown at once', async () => {
    let calls = 0;
    await expect(
      retryWithBackoff(
        async () => {
          calls++;
          throw new TypeError('cannot be fixed by waiting');
        },
        { baseMs: 1, retryable: (e) => !(e instanceof TypeError) },
      ),
    ).rejects.toThrow('cannot be fixed by waiting');
    expect(calls).toBe(1);
  });

  it('when the signal aborts while waiting, then it stops retrying', async () => {
    const controller = new AbortController();
    let calls = 0;
    const run = retryWithBackoff(
      async () => {
        calls++;
        throw new Error('down');
      },
      { baseMs: 10_000, signal: controller.signal },
    );
    controller.abort(new Error('shutting down'));
    await expect(run).rejects.toThrow('shutting down');
    expect(calls).toBe(1);
  });

  it('when attempts grow, then the delay doubles up to the cap, with jitter within ±25 %', () => {
    const mid = () => 0.5;
    expect([1, 2, 3, 4, 10].map((a) => backoffDelay(a, 100, 1000, mid))).toEqual([100, 200, 400, 800, 1000]);
    expect(backoffDelay(1, 100, 1000, () => 0)).toBe(75);
    expect(backoffDelay(1, 100, 1000, () => 0.999999)).toBe(125);
  });
});
