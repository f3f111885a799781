/**
 * The portfolio view of docs/API.md. The users row keeps `balance` (all cash) and `reserved` (held
 * by open buys); the view splits them into free `cash` and `reserved`, so
 * totalValue = cash + reserved + Σ quantity × marketPrice = balance + Σ marketValue.
 * Only positions with a quantity are listed; a closed position's realized P&L stays in
 * totalPnl, which compares the total value with the initial balance.
 */
import type { Portfolio } from '@cryptosim/contracts';
import { Dec, sum, toDecimalString } from '@cryptosim/trading-rules';
import { availableCash, type CashAccount, type Position } from '../../trading/index.js';
import { percentOf, toPortfolioPosition, valuePosition, type PositionValuation } from './value-position.js';

export interface HeldPosition {
  symbol: string;
  position: Position;
  /** The live price; the caller falls back to the average price when the symbol has none. */
  marketPrice: Dec;
}

export interface PortfolioSummary {
  cash: Dec;
  reserved: Dec;
  totalValue: Dec;
  initialBalance: Dec;
  totalPnl: Dec;
  totalReturnPercent: Dec;
  positions: PositionValuation[];
}

export function summarizePortfolio(account: CashAccount, initialBalance: Dec, held: readonly HeldPosition[]): PortfolioSummary {
  const positions = held
    .filter((h) => h.position.quantity.gt(0))
    .map((h) => valuePosition(h.symbol, h.position, h.marketPrice))
    .sort((a, b) => (a.symbol < b.symbol ? -1 : a.symbol > b.symbol ? 1 : 0));
  const cash = availableCash(account);
  const totalValue = cash.plus(account.reserved).plus(sum(positions.map((p) => p.marketValue)));
  const totalPnl = totalValue.minus(initialBalance);
  return {
    cash,
    reserved: account.reserved,
    totalValue,
    initialBalance,
    totalPnl,
    totalReturnPercent: percentOf(totalPnl, initialBalance),
    positions,
  };
}

export function toPortfolioResponse(s: PortfolioSummary): Portfolio {
  return {
    cash: toDecimalString(s.cash),
    reserved: toDecimalString(s.reserved),
    totalValue: toDecimalString(s.totalValue),
    initialBalance: toDecimalString(s.initialBalance),
    totalPnl: toDecimalString(s.totalPnl),
    totalReturnPercent: toDecimalString(s.totalReturnPercent),
    positions: s.positions.map(toPortfolioPosition),
  };
}
