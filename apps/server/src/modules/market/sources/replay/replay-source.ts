import type { Logger } from 'pino';
import type { PortHealth } from '../../../../ports/port-health.js';
import type { MarketListener, MarketSource, MarketSourceStatus, SourceCheckpoint, SourceKline } from '../../../../ports/market/market-source.js';
import { MarketSymbols } from '../../symbols/symbol-registry.js';
import { candlePath } from './candle-path.js';
import { readCandleCsv, symbolFromFileName, type CsvCandle } from './read-candle-csv.js';
import { ReplayedDay } from './rolling-day-strings.js';

const MINUTE = 60_000;

export interface ReplayFile {
  file: string;
  /** Defaults to the file name's prefix (`BTCUSDT-1m.csv` → BTCUSDT). */
  symbol?: string;
}

export interface ReplaySourceOptions {
  files: ReplayFile[];
  /** Market time per real time: 600 plays ten minutes of market each second. */
  speed: number;
  logger: Logger;
}

interface Step {
  at: number;
  run(): void;
}

/**
 * Plays recorded 1m candles as a live feed: ticks along each candle's path, then the candle
 * closed with the file's values verbatim. Event times are the file's (market) times. After
 * `resume()` it continues after the checkpoint's minute instead of from the file's start.
 */
export class ReplaySource implements MarketSource {
  readonly impl = 'replay' as const;
  readonly symbols: MarketSymbols;
  #files: Required<ReplayFile>[];
  #candles: Promise<Map<string, CsvCandle[]>> | undefined;
  #timer: NodeJS.Timeout | undefined;
  #playing = false;
  #lastEventAt: number | null = null;
  #closed = false;
  #resumeAfter = -Infinity;
  #lastClosedMinute: number | undefined;

  constructor(private readonly options: ReplaySourceOptions) {
    if (!(options.speed > 0)) throw new Error('replay speed must be positive');
    this.#files = options.files.map(({ file, symbol }) => {
      const name = symbol ?? symbolFromFileName(file);
      if (!name) throw new Error(`cannot tell the symbol of ${file}: name it like BTCUSDT-1m.csv`);
      return { file, symbol: name };
    });
    this.symbols = new MarketSymbols(this.#files.map((f) => f.symbol));
  }

  #load(): Promise<Map<string, CsvCandle[]>> {
    this.#candles ??= Promise.all(this.#files.map(async (f) => [f.symbol, await readCandleCsv(f.file)] as const)).then((e) => new Map(e));
    return this.#candles;
  }

  async resume(checkpoint: SourceCheckpoint): Promise<void> {
    if (checkpoint.kind !== 'replay') throw new Error(`a replay cannot continue a ${checkpoint.kind} checkpoint`);
    if (this.#playing) throw new Error('resume() must come before start()');
    this.#resumeAfter = checkpoint.minute;
  }

  /** The last minute played to its close. */
  checkpoint(): SourceCheckpoint | undefined {
    return this.#lastClosedMinute === undefined ? undefined : { kind: 'replay', minute: this.#lastClosedMinute };
  }

  async start(listener: MarketListener): Promise<void> {
    const candles = await this.#load();
    if (this.#closed || this.#playing) return;
    const steps = this.#steps(candles, listener);
    let next = steps.next();
    if (next.done) return;
    this.#playing = true;
    const startReal = Date.now();
    const startMarket = next.value.at;
    const run = () => {
      const marketNow = startMarket + (Date.now() - startReal) * this.options.speed;
      while (!next.done && next.value.at <= marketNow) {
        next.value.run();
        next = steps.next();
      }
      if (next.done) {
        this.#playing = false;
        this.options.logger.info({ symbols: this.symbols.configured }, 'replay finished');
        return;
      }
      this.#timer = setTimeout(run, Math.max(1, (next.value.at - marketNow) / this.options.speed));
    };
    run();
  }

  /** Every event in market-time order: per minute, each symbol's path, then each symbol's close. */
  *#steps(candles: Map<string, CsvCandle[]>, listener: MarketListener): Generator<Step> {
    const feeds = [...candles].map(([symbol, rows]) => ({ symbol, rows, i: 0, day: new ReplayedDay() }));
    // Minutes played before a restart are not played again; they still make up the 24 h stats.
    for (const f of feeds) {
      while (f.rows[f.i] && f.rows[f.i]!.openTime <= this.#resumeAfter) f.day.add(f.rows[f.i++]!);
    }
    for (;;) {
      const openTime = Math.min(...feeds.map((f) => f.rows[f.i]?.openTime ?? Infinity));
      if (openTime === Infinity) return;
      const due = feeds
        .filter((f) => f.rows[f.i]?.openTime === openTime)
        .map((f) => {
          const c = f.rows[f.i++]!;
          return { f, c, path: candlePath(c) };
        });
      for (let j = 0; j < due[0]!.path.length; j++) {
        for (const { f, c, path } of due) {
          const point = path[j]!;
          const at = openTime + point.offsetMs;
          yield {
            at,
            run: () => {
              this.#lastEventAt = Date.now();
              listener.onKline({ ...point.partial, symbol: f.symbol, eventTime: at });
              listener.onTick({ symbol: f.symbol, price: point.price, ...f.day.stats({ ...point.partial, open: c.open }), eventTime: at });
            },
          };
        }
      }
      for (const { f, c } of due) {
        yield {
          at: openTime + MINUTE - 1,
          run: () => {
            this.#lastEventAt = Date.now();
            f.day.add(c);
            this.#lastClosedMinute = openTime;
            listener.onKline({ symbol: f.symbol, ...c, closed: true, eventTime: openTime + MINUTE - 1 });
          },
        };
      }
    }
  }

  status(): MarketSourceStatus {
    return { connected: this.#playing, lastEventAt: this.#lastEventAt };
  }

  async backfill(symbol: string, startMs: number, endMs: number): Promise<SourceKline[]> {
    const rows = (await this.#load()).get(symbol) ?? [];
    return rows
      .filter((c) => c.openTime >= startMs && c.openTime < endMs)
      .map((c) => ({ symbol, ...c, closed: true, eventTime: c.openTime + MINUTE - 1 }));
  }

  async health(): Promise<PortHealth> {
    return this.#closed ? { impl: this.impl, ok: false, error: 'closed' } : { impl: this.impl, ok: true };
  }

  async close(): Promise<void> {
    this.#closed = true;
    this.#playing = false;
    clearTimeout(this.#timer);
  }
}
