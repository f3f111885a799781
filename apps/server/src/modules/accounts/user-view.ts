import type { User } from '@cryptosim/contracts';
import { Decimal } from 'decimal.js';
import type { UserRow } from './user-repository.js';

/**
 * NUMERIC(36,18) arrives as "100000.000000000000000000"; the API shows the plain value
 * without trailing zeros ("100000", "99873.5"), never in exponent notation.
 */
export const plainDecimal = (value: string): string => new Decimal(value).toFixed();

export function toUserView(row: UserRow): User {
  return {
    id: row.id,
    username: row.username,
    email: row.email,
    balance: plainDecimal(row.balance),
    initialBalance: plainDecimal(row.initialBalance),
    createdAt: row.createdAt.toISOString(),
  };
}

/** Trims, and lowercases the domain (the local part is the mail server's business). */
export function normalizeEmail(email: string): string {
  const trimmed = email.trim();
  const at = trimmed.lastIndexOf('@');
  return `${trimmed.slice(0, at)}@${trimmed.slice(at + 1).toLowerCase()}`;
}
