/**
 * The rules an alert's parameters follow, beyond their shapes (contracts): which fields a
 * condition takes, and that a price alert is armed on the far side of the live price, so it
 * fires when the price crosses its threshold rather than at once.
 */
import type { AlertCondition, ValidationIssue } from '@cryptosim/contracts';
import { Decimal } from 'decimal.js';
import { AppError } from '../../kernel/app-error.js';

export interface AlertParameters {
  price: string | null;
  percent: string | null;
  windowMinutes: number | null;
}

/** Checks the fields `condition` needs (and takes no other); returns them normalised. */
export function alertParameters(condition: AlertCondition, input: { price?: string | null; percent?: string | null; windowMinutes?: number | null }): AlertParameters {
  const issues: ValidationIssue[] = [];
  const price = input.price ?? null;
  const percent = input.percent ?? null;
  const windowMinutes = input.windowMinutes ?? null;
  if (condition === 'PERCENT_MOVE') {
    if (percent === null || new Decimal(percent).lte(0)) issues.push({ path: '/percent', message: 'PERCENT_MOVE needs a percent above 0 (at most 100)' });
    if (windowMinutes === null) issues.push({ path: '/windowMinutes', message: 'PERCENT_MOVE needs a window of 1–1440 minutes' });
    if (price !== null) issues.push({ path: '/price', message: 'PERCENT_MOVE takes no price' });
  } else {
    if (price === null || new Decimal(price).lte(0)) issues.push({ path: '/price', message: `${condition} needs a price above 0` });
    if (percent !== null) issues.push({ path: '/percent', message: `${condition} takes no percent` });
    if (windowMinutes !== null) issues.push({ path: '/windowMinutes', message: `${condition} takes no window` });
  }
  if (issues.length > 0) throw new AppError('VALIDATION_FAILED', 400, issues.map((i) => i.message).join('; '), issues);
  return { price, percent, windowMinutes };
}

/** A price alert whose condition the live price already meets would fire on the next tick: refused. */
export function assertNotMetAlready(condition: AlertCondition, threshold: string | null, livePrice: string | null): void {
  if (condition === 'PERCENT_MOVE' || threshold === null || livePrice === null) return;
  const live = new Decimal(livePrice);
  const met = condition === 'PRICE_ABOVE' ? live.gte(threshold) : live.lte(threshold);
  if (met) {
    const side = condition === 'PRICE_ABOVE' ? 'at or above' : 'at or below';
    throw new AppError('ALERT_CONDITION_MET', 409, `The price (${live.toFixed()}) is already ${side} ${new Decimal(threshold).toFixed()}; choose a threshold the price has not reached.`);
  }
}
