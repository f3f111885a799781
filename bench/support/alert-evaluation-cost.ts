/**
 * The alert evaluator's own CPU per tick, in this process: parse one market.ticks message and
 * run it through an index of `count` armed price alerts that it does not fire (the usual tick),
 * against the parse alone (which the price projector pays anyway). Less sensitive to a loaded
 * machine than a latency tail, since it is a mean over many ticks of one thread's work.
 */
import type { TickEventV1 } from '@cryptosim/contracts';
import { AlertIndex } from '../../apps/server/src/modules/alerts/evaluator/alert-index.js';
import { parseTick } from '../../apps/server/src/modules/market/index.js';

export function alertEvaluationCost(count: number, symbols: string[], ticks = 200_000): { parseUs: number; evaluateUs: number } {
  const index = new AlertIndex();
  for (let i = 0; i < count; i++) {
    index.upsert({
      id: `a${i}`,
      userId: 1,
      symbol: symbols[i % symbols.length]!,
      condition: i % 2 === 0 ? 'PRICE_ABOVE' : 'PRICE_BELOW',
      price: i % 2 === 0 ? String(1_000_000_000_000 + i) : `0.${String(i + 1).padStart(8, '0')}`,
      percent: null,
      windowMinutes: null,
      revision: 1,
    });
  }
  const messages = Array.from({ length: ticks }, (_, i) => {
    const tick: TickEventV1 = { v: 1, source: 'simulator', symbol: symbols[i % symbols.length]!, price: String(i + 1), open24h: '1', high24h: String(i + 1), low24h: '1', volume24h: '1', eventTime: i, seq: i };
    return JSON.stringify(tick);
  });
  const time = (evaluate: boolean) => {
    const started = process.cpuUsage();
    for (const m of messages) {
      const parsed = parseTick(m);
      if (evaluate && parsed.ok && index.tick(parsed.event.symbol, parsed.event.price, parsed.event.eventTime).length > 0) throw new Error('a bench alert fired');
    }
    const used = process.cpuUsage(started);
    return (used.user + used.system) / ticks;
  };
  time(true); // warm-up: JIT and the index's first comparisons
  const parseUs = time(false);
  const evaluateUs = time(true);
  return { parseUs: Math.round(parseUs * 100) / 100, evaluateUs: Math.round(evaluateUs * 100) / 100 };
}
