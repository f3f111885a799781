/**
 * Property-based: whatever sequence of orders, cancels and price moves a user produces, the
 * account stays consistent (issue 5, "Invariants, tested").
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hasLimitPrice, hasStopPrice, OrderTypes, takesTimeInForce, TimeInForces } from '@cryptosim/contracts';
import { Dec, floorToStep, sum } from '@cryptosim/trading-rules';
import { BTC } from '@cryptosim/trading-rules/testing';
import type { OrderIntent } from './order-model.js';
import { DOGE } from './testing/fixtures.js';
import { PaperAccount } from './testing/paper-account.js';
import { DEFAULT_TRADING_CONFIG, tradingConfig, type TradingConfig } from './trading-config.js';

const SYMBOLS = new Map([
  [BTC.symbol, BTC],
  [DOGE.symbol, DOGE],
]);
const START = { [BTC.symbol]: new Dec('50000'), [DOGE.symbol]: new Dec('0.2') };
const INITIAL = new Dec('100000');
/** Average prices are stored with 18 decimals; the reconciliation may drift by that rounding only. */
const AVG_ROUNDING_TOLERANCE = new Dec('1e-9');

const symbolArb = fc.constantFrom(BTC.symbol, DOGE.symbol);
/** A move of −20 % … +20 %, in basis points. */
const bpsArb = fc.integer({ min: -2000, max: 2000 });

// Mostly affordable sizes, sometimes far too large; levels near the price so moves cross them.
const stepsArb = fc.oneof(fc.integer({ min: 0, max: 20_000 }), fc.integer({ min: 0, max: 400_000 }));
const actionArb = fc.oneof(
  { weight: 3, arbitrary: fc.record({
    kind: fc.constant('place' as const),
    symbol: symbolArb,
    side: fc.constantFrom('BUY' as const, 'SELL' as const),
    type: fc.constantFrom(...OrderTypes),
    steps: stepsArb,
    byQuote: fc.boolean(),
    levelBps: fc.integer({ min: -800, max: 800 }),
    /** A stop-limit's limit price, from its stop. */
    limitBps: fc.integer({ min: -400, max: 400 }),
    timeInForce: fc.constantFrom(...TimeInForces),
  }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('cancel' as const), index: fc.nat() }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('move' as const), symbol: symbolArb, bps: bpsArb }) },
);
type Action = typeof actionArb extends fc.Arbitrary<infer A> ? A : never;

function shift(price: Dec, bps: number, tick: Dec): Dec {
  return Dec.max(floorToStep(price.times(new Dec(bps).div(10_000).plus(1)), tick), tick);
}

function run(actions: Action[], config: TradingConfig): PaperAccount {
  const sim = new PaperAccount(INITIAL, SYMBOLS, START, new Dec('20000000'), config);
  for (const a of actions) {
    if (a.kind === 'cancel') sim.cancel(a.index);
    else if (a.kind === 'move') {
      const rules = SYMBOLS.get(a.symbol)!;
      sim.movePrice(a.symbol, shift(sim.price(a.symbol), a.bps, rules.tickSize));
    } else {
      const rules = SYMBOLS.get(a.symbol)!;
      const quantity = rules.stepSize.times(a.steps);
      const level = shift(sim.price(a.symbol), a.levelBps, rules.tickSize);
      const quote = a.type === 'MARKET' && a.side === 'BUY' && a.byQuote;
      const intent: OrderIntent = {
        side: a.side,
        type: a.type,
        quantity: quote ? null : quantity,
        quoteAmount: quote ? quantity.times(sim.price(a.symbol)).toDecimalPlaces(2) : null,
        price: !hasLimitPrice(a.type) ? null : hasStopPrice(a.type) ? shift(level, a.limitBps, rules.tickSize) : level,
        stopPrice: hasStopPrice(a.type) ? level : null,
        timeInForce: takesTimeInForce(a.type) ? a.timeInForce : null,
      };
      sim.place(a.symbol, intent);
    }
    checkInvariants(sim);
  }
  return sim;
}

function checkInvariants(sim: PaperAccount): void {
  const { balance, reserved } = sim.account;
  expect(balance.gte(0), `cash ${balance.toFixed()} went negative`).toBe(true);
  expect(reserved.gte(0) && reserved.lte(balance), `reserved ${reserved.toFixed()} is outside [0, cash ${balance.toFixed()}]`).toBe(true);
  const openBuys = sum(sim.open.filter((o) => o.side === 'BUY').map((o) => o.reservedAmount));
  expect(reserved.toFixed(), 'reserved cash differs from what the open buy orders hold').toBe(openBuys.toFixed());

  let marketValue = new Dec(0);
  let unrealized = new Dec(0);
  for (const symbol of SYMBOLS.keys()) {
    const p = sim.position(symbol);
    expect(p.quantity.gte(0), `${symbol} position ${p.quantity.toFixed()} went negative`).toBe(true);
    expect(p.reservedQuantity.gte(0) && p.reservedQuantity.lte(p.quantity), `${symbol} reserved coins exceed the position`).toBe(true);
    const openSells = sum(sim.open.filter((o) => o.symbol === symbol && o.side === 'SELL').map((o) => o.reservedAmount));
    expect(p.reservedQuantity.toFixed(), `${symbol} reserved coins differ from the open sell orders`).toBe(openSells.toFixed());
    const fills = sim.fills.filter((f) => f.symbol === symbol);
    const net = sum(fills.map((f) => (f.side === 'BUY' ? f.quantity : f.quantity.neg())));
    expect(net.toFixed(), `${symbol} fills do not sum to the position`).toBe(p.quantity.toFixed());
    expect(sum(fills.map((f) => f.realizedPnl ?? new Dec(0))).toFixed(), `${symbol} realized P&L differs from its sells`).toBe(p.realizedPnl.toFixed());
    const price = sim.price(symbol);
    marketValue = marketValue.plus(p.quantity.times(price));
    unrealized = unrealized.plus(price.minus(p.avgPrice).times(p.quantity));
  }

  const fees = sum(sim.fills.map((f) => f.fee));
  const cashFlow = sum(sim.fills.map((f) => (f.side === 'BUY' ? f.notional.plus(f.fee).neg() : f.notional.minus(f.fee))));
  expect(balance.toFixed(), 'cash differs from initial balance + fills').toBe(INITIAL.plus(cashFlow).toFixed());

  // Realized P&L of a sell is net of its fee, so the gross figure adds the fee back.
  const grossRealized = sum(sim.fills.map((f) => (f.realizedPnl ? f.realizedPnl.plus(f.fee) : new Dec(0))));
  const expected = INITIAL.minus(fees).plus(grossRealized).plus(unrealized);
  const drift = balance.plus(marketValue).minus(expected).abs();
  expect(drift.lte(AVG_ROUNDING_TOLERANCE), `cash + positions ≠ initial − fees + realized + unrealized (off by ${drift.toFixed()})`).toBe(true);
}

describe('account invariants over random order flow', () => {
  const configs: [string, TradingConfig][] = [
    ['default fees and slippage', DEFAULT_TRADING_CONFIG],
    ['steep slippage and unequal fees', tradingConfig({ makerFeeRate: '0.0002', takerFeeRate: '0.002', slippageK: '0.5', slippageCap: '0.1' })],
  ];

  it.each(configs)('when orders, cancels and price moves come in any order (%s), then the account stays consistent', (_name, config) => {
    fc.assert(
      fc.property(fc.array(actionArb, { minLength: 1, maxLength: 60 }), (actions) => {
        run(actions, config);
      }),
      { numRuns: 150 },
    );
  });

  it('when random flow runs, then it actually trades, rests, cancels, expires, triggers and refuses (the property is not vacuous)', () => {
    const seen = { fills: 0, rested: 0, canceled: 0, matched: 0, expired: 0, triggeredResting: 0, refusals: new Set<string>() };
    fc.assert(
      fc.property(fc.array(actionArb, { minLength: 20, maxLength: 60 }), (actions) => {
        const sim = run(actions, DEFAULT_TRADING_CONFIG);
        seen.fills += sim.fills.length;
        seen.rested += sim.counts.rested;
        seen.canceled += sim.counts.canceled;
        seen.matched += sim.counts.matched;
        seen.expired += sim.counts.expired;
        seen.triggeredResting += sim.counts.triggeredResting;
        sim.refusals.forEach((r) => seen.refusals.add(r));
      }),
      { numRuns: 60, seed: 42 },
    );
    expect(seen.fills).toBeGreaterThan(100);
    expect(seen.rested, 'orders that rested').toBeGreaterThan(50);
    expect(seen.canceled, 'cancels').toBeGreaterThan(10);
    expect(seen.matched, 'fills through the matcher').toBeGreaterThan(20);
    expect(seen.expired, 'IOC / FOK orders that expired').toBeGreaterThan(10);
    expect(seen.triggeredResting, 'stop-limits that triggered and rested as limits').toBeGreaterThan(1);
    expect([...seen.refusals]).toEqual(
      expect.arrayContaining(['INSUFFICIENT_BALANCE', 'INSUFFICIENT_POSITION', 'LOT_SIZE', 'WOULD_MATCH_IMMEDIATELY', 'WOULD_TRIGGER_IMMEDIATELY']),
    );
  });
});
