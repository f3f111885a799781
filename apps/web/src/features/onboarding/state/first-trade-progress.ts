import type { Portfolio } from '@cryptosim/contracts';
import { Dec } from '@cryptosim/trading-rules';

/** An account that has never traded: all of its starting cash free, no coin, nothing reserved. */
export function isUntouchedAccount(portfolio: Portfolio): boolean {
  return portfolio.positions.length === 0 && new Dec(portfolio.reserved).isZero() && new Dec(portfolio.cash).eq(portfolio.initialBalance);
}

/** The guide's step: 0 fill the ticket, 1 review and place it, 2 done (the coin arrived). */
export function guideStep(portfolio: Portfolio, ticketFilled: boolean): 0 | 1 | 2 {
  if (portfolio.positions.length > 0) return 2;
  return ticketFilled ? 1 : 0;
}
