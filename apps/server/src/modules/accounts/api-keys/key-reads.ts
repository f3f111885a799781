/**
 * Signed requests' key lookups, batched: the lookups asked for in one turn of the event loop
 * share one query, started after all of them arrived. Each request still reads the key's state
 * as it is after the request came in, so a revocation committed before a request is always
 * seen by it; only the round trips are shared (a bot fleet's 100 concurrent orders cost one
 * read, not 100, on the database every order also writes to).
 */
import type { Logger } from 'pino';
import type { Database } from '../../../ports/db/db-port.js';
import { findApiKeys, type ApiKeyMaterialRow, type ApiKeyState } from './api-key-repository.js';

/** Past this many distinct keys a batch is split, to keep the IN list (and its plan) small. */
const MAX_BATCH = 500;

interface Waiter {
  withMaterial: boolean;
  resolve(row: ApiKeyState | ApiKeyMaterialRow | undefined): void;
  reject(err: unknown): void;
}

export type KeyRead = (apiKey: string, withMaterial: boolean) => Promise<ApiKeyState | ApiKeyMaterialRow | undefined>;

export function batchedKeyReads(db: Database, logger?: Pick<Logger, 'debug'>): KeyRead {
  let pending = new Map<string, Waiter[]>();
  let scheduled = false;

  async function flush(batch: Map<string, Waiter[]>): Promise<void> {
    const keys = [...batch.keys()];
    for (let i = 0; i < keys.length; i += MAX_BATCH) {
      const part = keys.slice(i, i + MAX_BATCH);
      const withMaterial = part.some((k) => batch.get(k)!.some((w) => w.withMaterial));
      try {
        const rows = await findApiKeys(db, part, withMaterial);
        const byKey = new Map(rows.map(({ apiKey, ...row }) => [apiKey, row]));
        for (const key of part) for (const w of batch.get(key)!) w.resolve(byKey.get(key));
      } catch (err) {
        for (const key of part) for (const w of batch.get(key)!) w.reject(err);
      }
    }
    logger?.debug({ keys: keys.length }, 'api key lookups batched');
  }

  return (apiKey, withMaterial) =>
    new Promise((resolve, reject) => {
      const waiters = pending.get(apiKey);
      if (waiters) waiters.push({ withMaterial, resolve, reject });
      else pending.set(apiKey, [{ withMaterial, resolve, reject }]);
      if (scheduled) return;
      scheduled = true;
      // setImmediate runs after this poll phase, so requests parsed from the same burst of I/O join.
      setImmediate(() => {
        const batch = pending;
        pending = new Map();
        scheduled = false;
        void flush(batch);
      });
    });
}
