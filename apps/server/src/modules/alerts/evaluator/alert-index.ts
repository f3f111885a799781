/**
 * The armed alerts of every symbol, kept so that a tick costs O(log n + fired):
 * - PRICE_ABOVE thresholds sorted ascending: a tick at p fires the prefix with price ≤ p;
 * - PRICE_BELOW thresholds sorted ascending: a tick at p fires the suffix with price ≥ p;
 * - PERCENT_MOVE alerts grouped by window, each group's percents sorted ascending, beside
 *   the window's low/high (MoveWindow): a move of m % fires the prefix with percent ≤ m.
 * Fired alerts leave the index at once (the caller then decides in the database whether they
 * really fire: see fire-alert.ts). Each id is indexed at most once, at its newest revision.
 */
import { Decimal } from 'decimal.js';
import type { AlertCondition } from '@cryptosim/contracts';
import { MoveWindow } from './move-window.js';

export interface IndexedAlert {
  id: string;
  userId: number;
  symbol: string;
  condition: AlertCondition;
  /** PRICE_ABOVE / PRICE_BELOW threshold (decimal string). */
  price: string | null;
  /** PERCENT_MOVE percent (decimal string) and window. */
  percent: string | null;
  windowMinutes: number | null;
  revision: number;
}

interface Entry {
  alert: IndexedAlert;
  /** The threshold compared on each tick: the price, or the percent. */
  key: Decimal;
  /** `key` as a float: lets a tick far from every threshold skip the exact comparison. */
  approx: number;
}

interface MoveGroup {
  window: MoveWindow;
  entries: Entry[];
}

class SymbolAlerts {
  readonly above: Entry[] = [];
  readonly below: Entry[] = [];
  readonly moves = new Map<number, MoveGroup>();

  listOf(alert: IndexedAlert): Entry[] {
    if (alert.condition === 'PRICE_ABOVE') return this.above;
    if (alert.condition === 'PRICE_BELOW') return this.below;
    const minutes = alert.windowMinutes!;
    let group = this.moves.get(minutes);
    if (!group) {
      group = { window: new MoveWindow(minutes * 60_000), entries: [] };
      this.moves.set(minutes, group);
    }
    return group.entries;
  }

  get size(): number {
    let n = this.above.length + this.below.length;
    for (const g of this.moves.values()) n += g.entries.length;
    return n;
  }
}

/** First index whose key is > `key` (or ≥ with `inclusive`), by binary search. */
function bound(entries: Entry[], key: Decimal, inclusive: boolean): number {
  let lo = 0;
  let hi = entries.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const c = entries[mid]!.key.comparedTo(key);
    if (c < 0 || (c === 0 && !inclusive)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export class AlertIndex {
  private readonly symbols = new Map<string, SymbolAlerts>();
  private readonly byId = new Map<string, IndexedAlert>();
  /**
   * The newest revision of each alert that fired or was removed here: a late copy of the same
   * revision (the pub/sub echo of a change already applied directly) must not arm it again.
   */
  private readonly gone = new Map<string, number>();

  get size(): number {
    return this.byId.size;
  }

  /** Whether ticks of `symbol` matter: it has alerts, or move windows that must stay current. */
  watches(symbol: string): boolean {
    const alerts = this.symbols.get(symbol);
    return alerts !== undefined && (alerts.moves.size > 0 || alerts.size > 0);
  }

  has(id: string, revision?: number): boolean {
    const a = this.byId.get(id);
    return a !== undefined && (revision === undefined || a.revision === revision);
  }

  /** Arms an alert, replacing an older revision of it; an older revision than the indexed one is ignored. */
  upsert(alert: IndexedAlert): void {
    const current = this.byId.get(alert.id);
    if (current && current.revision > alert.revision) return;
    if ((this.gone.get(alert.id) ?? 0) >= alert.revision) return;
    if (current) this.remove(alert.id);
    let symbol = this.symbols.get(alert.symbol);
    if (!symbol) {
      symbol = new SymbolAlerts();
      this.symbols.set(alert.symbol, symbol);
    }
    const key = new Decimal(alert.condition === 'PERCENT_MOVE' ? alert.percent! : alert.price!);
    const entry: Entry = { alert, key, approx: key.toNumber() };
    const list = symbol.listOf(alert);
    list.splice(bound(list, entry.key, false), 0, entry);
    this.byId.set(alert.id, alert);
  }

  /** Puts back an alert `tick` returned whose firing could not be decided (the database failed). */
  restore(alert: IndexedAlert): void {
    if (this.gone.get(alert.id) === alert.revision) this.gone.delete(alert.id);
    this.upsert(alert);
  }

  /** Removes the alert (only while indexed at `upTo` or an older revision, when given). */
  remove(id: string, upTo?: number): void {
    const alert = this.byId.get(id);
    if (upTo === undefined) this.gone.set(id, Number.POSITIVE_INFINITY);
    else this.gone.set(id, Math.max(this.gone.get(id) ?? 0, upTo));
    if (!alert || (upTo !== undefined && alert.revision > upTo)) return;
    this.byId.delete(id);
    const symbol = this.symbols.get(alert.symbol)!;
    const list = symbol.listOf(alert);
    const key = new Decimal(alert.condition === 'PERCENT_MOVE' ? alert.percent! : alert.price!);
    // Entries with an equal key sit together from the lower bound on.
    for (let i = bound(list, key, true); i < list.length && list[i]!.key.eq(key); i++) {
      if (list[i]!.alert.id === id) {
        list.splice(i, 1);
        break;
      }
    }
  }

  /**
   * One tick of `symbol` at `price` (decimal string) and market time `time` (ms): returns the
   * alerts it fires and removes them from the index. Every tick feeds the symbol's move windows.
   */
  tick(symbol: string, price: string, time: number): IndexedAlert[] {
    const alerts = this.symbols.get(symbol);
    if (!alerts) return [];
    // Floats rule out the usual tick (nowhere near the nearest threshold) cheaply; near one,
    // the exact decimals decide. NEAR is far above a double's error at any price we see.
    const approx = Number(price);
    const NEAR = 1e-9;
    const fired: Entry[] = [];
    const first = alerts.above[0];
    const last = alerts.below.at(-1);
    if ((first && first.approx <= approx * (1 + NEAR)) || (last && last.approx >= approx * (1 - NEAR))) {
      const p = new Decimal(price);
      if (first && first.key.lte(p)) fired.push(...alerts.above.splice(0, bound(alerts.above, p, false)));
      if (last && last.key.gte(p)) fired.push(...alerts.below.splice(bound(alerts.below, p, true)));
    }
    if (alerts.moves.size > 0) {
      for (const group of alerts.moves.values()) {
        const move = group.window.push(time, approx);
        if (group.entries.length > 0 && group.entries[0]!.approx <= move) {
          fired.push(...group.entries.splice(0, bound(group.entries, new Decimal(move), false)));
        }
      }
    }
    for (const entry of fired) {
      this.byId.delete(entry.alert.id);
      this.gone.set(entry.alert.id, Math.max(this.gone.get(entry.alert.id) ?? 0, entry.alert.revision));
    }
    return fired.map((e) => e.alert);
  }
}
