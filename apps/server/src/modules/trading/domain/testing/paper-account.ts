/**
 * A tiny in-memory exchange account built only from the domain's pure functions, so property
 * tests can drive random sequences of orders, cancels and price moves and check what must
 * always hold. Test code: the real use cases do the same steps inside a DB transaction.
 */
import { AppError } from '../../../../kernel/app-error.js';
import { Dec, type SymbolRules } from '@cryptosim/trading-rules';
import { matchExecution, selectCrossedOrders, stopLimitOnTrigger } from '../match-orders.js';
import type { CashAccount, Execution, OrderIntent, Position, RestingOrder } from '../order-model.js';
import { planFill, type Fill } from '../plan-fill.js';
import { planOrder } from '../plan-order.js';
import { releaseOrder } from '../reservations.js';
import type { TradingConfig } from '../trading-config.js';

export interface PaperFill extends Fill {
  symbol: string;
}

interface OpenOrder extends RestingOrder {
  symbol: string;
}

const emptyPosition = (): Position => ({ quantity: new Dec(0), reservedQuantity: new Dec(0), avgPrice: new Dec(0), realizedPnl: new Dec(0) });

export class PaperAccount {
  account: CashAccount;
  readonly positions = new Map<string, Position>();
  readonly open: OpenOrder[] = [];
  readonly fills: PaperFill[] = [];
  readonly refusals: string[] = [];
  /** How many orders rested, were canceled, filled later through the matcher, expired, or triggered and rested as limits. */
  readonly counts = { rested: 0, canceled: 0, matched: 0, expired: 0, triggeredResting: 0 };
  private readonly prices = new Map<string, Dec>();
  private previous = new Map<string, Dec>();
  private clock = 0;
  private ids = 0;

  constructor(
    readonly initialBalance: Dec,
    private readonly symbols: Map<string, SymbolRules>,
    startPrices: Record<string, Dec>,
    private readonly quoteVolume: Dec,
    private readonly config: TradingConfig,
  ) {
    this.account = { balance: initialBalance, reserved: new Dec(0) };
    for (const [symbol, price] of Object.entries(startPrices)) this.prices.set(symbol, price);
  }

  price(symbol: string): Dec {
    const p = this.prices.get(symbol);
    if (!p) throw new Error(`no price for ${symbol}`);
    return p;
  }

  position(symbol: string): Position {
    return this.positions.get(symbol) ?? emptyPosition();
  }

  private rules(symbol: string): SymbolRules {
    const r = this.symbols.get(symbol);
    if (!r) throw new Error(`unknown symbol ${symbol}`);
    return r;
  }

  /** Runs `step`; an AppError is an expected refusal (recorded), anything else a bug. */
  private attempt(step: () => void): void {
    try {
      step();
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      this.refusals.push(err.code);
    }
  }

  place(symbol: string, intent: OrderIntent): void {
    this.attempt(() => {
      const plan = planOrder({
        intent,
        rules: this.rules(symbol),
        market: { price: this.price(symbol), quoteVolume: this.quoteVolume },
        account: this.account,
        position: this.position(symbol),
        config: this.config,
      });
      if (plan.kind === 'fill') {
        this.apply(symbol, plan.plan.account, plan.plan.position, plan.plan.fill);
        return;
      }
      if (plan.kind === 'expire') {
        this.counts.expired++;
        return;
      }
      this.account = plan.account;
      this.positions.set(symbol, plan.position);
      const quantity = plan.checked.quantity;
      this.open.push({ ...intent, quantity, symbol, id: ++this.ids, createdAt: ++this.clock, reservedAmount: plan.reservation.amount });
      this.counts.rested++;
    });
  }

  cancel(index: number): void {
    const order = this.open[index % Math.max(1, this.open.length)];
    if (!order) return;
    this.remove(order);
    this.counts.canceled++;
  }

  private remove(order: OpenOrder): void {
    const released = releaseOrder(order, this.account, this.position(order.symbol));
    this.account = released.account;
    this.positions.set(order.symbol, released.position);
    this.open.splice(this.open.indexOf(order), 1);
  }

  movePrice(symbol: string, price: Dec): void {
    const previous = this.previous.get(symbol) ?? this.price(symbol);
    this.prices.set(symbol, price);
    this.previous.set(symbol, price);
    const mine = this.open.filter((o) => o.symbol === symbol);
    const market = { price, quoteVolume: this.quoteVolume };
    for (const { order, fillsAs } of selectCrossedOrders(mine, { previous, current: price })) {
      let execution: Execution;
      if (fillsAs === 'trigger') {
        const outcome = stopLimitOnTrigger(order, market, this.rules(symbol), this.config);
        if (outcome.kind === 'rest') {
          order.triggered = true;
          this.counts.triggeredResting++;
          continue;
        }
        if (outcome.kind === 'expire') {
          this.remove(order);
          this.counts.expired++;
          continue;
        }
        execution = outcome.execution;
      } else {
        execution = matchExecution(order, market, this.rules(symbol), this.config);
      }
      try {
        const plan = planFill({
          order,
          execution,
          rules: this.rules(symbol),
          account: this.account,
          position: this.position(symbol),
          config: this.config,
        });
        this.open.splice(this.open.indexOf(order), 1);
        this.apply(symbol, plan.account, plan.position, plan.fill);
        this.counts.matched++;
      } catch (err) {
        // A buy stop whose price gapped past its reservation and the free cash: rejected.
        if (!(err instanceof AppError)) throw err;
        this.refusals.push(`REJECTED:${err.code}`);
        this.remove(order);
      }
    }
  }

  private apply(symbol: string, account: CashAccount, position: Position, fill: Fill): void {
    this.account = account;
    this.positions.set(symbol, position);
    this.fills.push({ ...fill, symbol });
  }
}
