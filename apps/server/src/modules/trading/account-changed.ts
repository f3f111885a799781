/**
 * What trading announces after every committed step that changed an account: the state it
 * committed, so a listener (the portfolio) need not read it back. Trading imports none of
 * its listeners.
 */
import type { Dec } from '@cryptosim/trading-rules';
import { topic } from '../../kernel/announcements.js';
import type { CashAccount, Position } from './domain/order-model.js';

/** An account's durable state (cash, reservations, positions), without prices. */
export interface AccountSnapshot {
  cash: CashAccount;
  initialBalance: Dec;
  run: number;
  positions: ReadonlyMap<string, Position>;
}

export interface AccountChanged {
  userId: number;
  account: AccountSnapshot;
}

export const ACCOUNT_CHANGED = topic<AccountChanged>('trading.account-changed');
