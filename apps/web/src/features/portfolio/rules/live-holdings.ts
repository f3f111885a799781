import Decimal from 'decimal.js';
import type { Portfolio, PortfolioPosition } from '@cryptosim/contracts';

export interface LiveHolding extends PortfolioPosition {
  /** Share of the total value, in percent. */
  weightPercent: string;
}

export interface LiveHoldings {
  holdings: LiveHolding[];
  cash: string;
  reserved: string;
  totalValue: string;
  totalPnl: string;
  totalReturnPercent: string;
  /** USDT (cash + reserved) as a share of the total value, in percent. */
  cashWeightPercent: string;
}

const percentOf = (part: Decimal, whole: Decimal) => (whole.isZero() ? new Decimal(0) : part.div(whole).times(100));

/**
 * The portfolio revalued at the live prices the socket delivers, the same way the server values
 * it (contracts/portfolio.ts): value = quantity × price, P&L = (price − avgPrice) × quantity.
 * A symbol without a live price keeps the server's valuation.
 */
export function liveHoldings(portfolio: Portfolio, livePrices: ReadonlyMap<string, string>): LiveHoldings {
  const valued = portfolio.positions.map((position) => {
    const price = new Decimal(livePrices.get(position.symbol) ?? position.marketPrice);
    const quantity = new Decimal(position.quantity);
    const avg = new Decimal(position.avgPrice);
    const value = quantity.times(price);
    const pnl = price.minus(avg).times(quantity);
    return { position, price, value, pnl, pnlPercent: percentOf(price.minus(avg), avg) };
  });
  const usdt = new Decimal(portfolio.cash).plus(portfolio.reserved);
  const total = valued.reduce((sum, v) => sum.plus(v.value), usdt);
  const totalPnl = total.minus(portfolio.initialBalance);
  const fixed = (d: Decimal) => d.toDecimalPlaces(8).toFixed();
  return {
    holdings: valued.map(({ position, price, value, pnl, pnlPercent }) => ({
      ...position,
      marketPrice: price.toFixed(),
      marketValue: fixed(value),
      unrealizedPnl: fixed(pnl),
      unrealizedPnlPercent: pnlPercent.toDecimalPlaces(4).toFixed(),
      weightPercent: percentOf(value, total).toDecimalPlaces(2).toFixed(),
    })),
    cash: portfolio.cash,
    reserved: portfolio.reserved,
    totalValue: fixed(total),
    totalPnl: fixed(totalPnl),
    totalReturnPercent: percentOf(totalPnl, new Decimal(portfolio.initialBalance)).toDecimalPlaces(4).toFixed(),
    cashWeightPercent: percentOf(usdt, total).toDecimalPlaces(2).toFixed(),
  };
}
