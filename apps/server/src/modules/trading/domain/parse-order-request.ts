/**
 * Turns a schema-valid buy/sell body into an OrderIntent. The JSON schema checks each field
 * on its own; the combinations that depend on `type` and `side` are business rules and live
 * here, answering VALIDATION_FAILED with one issue per offending field.
 */
import { hasLimitPrice, hasStopPrice, takesTimeInForce, type PlaceOrderRequest, type ValidationIssue } from '@cryptosim/contracts';
import { AppError } from '../../../kernel/app-error.js';
import { dec, type Dec } from '@cryptosim/trading-rules';
import type { OrderIntent, OrderSide } from './order-model.js';
import { timeInForceOf } from './time-in-force.js';

type AmountField = 'quantity' | 'quoteAmount' | 'price' | 'stopPrice';

export function parseOrderRequest(side: OrderSide, body: PlaceOrderRequest): OrderIntent {
  const type = body.type ?? 'MARKET';
  const issues: ValidationIssue[] = [];
  const amount = (field: AmountField): Dec | null => {
    const raw = body[field];
    if (raw === undefined) return null;
    const value = dec(raw);
    if (!value.gt(0)) issues.push({ path: `/${field}`, message: `${field} must be greater than 0` });
    return value;
  };
  const require = (field: AmountField, why: string) => {
    if (body[field] === undefined) issues.push({ path: `/${field}`, message: `${field} is required ${why}` });
  };
  const forbid = (field: AmountField, why: string) => {
    if (body[field] !== undefined) issues.push({ path: `/${field}`, message: `${field} is not allowed ${why}` });
  };

  const intent: OrderIntent = {
    side,
    type,
    quantity: amount('quantity'),
    quoteAmount: amount('quoteAmount'),
    price: amount('price'),
    stopPrice: amount('stopPrice'),
    timeInForce: timeInForceOf(type, body.timeInForce),
  };

  if (type === 'MARKET' && side === 'BUY') {
    if (body.quantity === undefined && body.quoteAmount === undefined) {
      issues.push({ path: '', message: 'a MARKET buy needs quantity or quoteAmount' });
    }
    if (body.quantity !== undefined && body.quoteAmount !== undefined) {
      issues.push({ path: '/quoteAmount', message: 'send either quantity or quoteAmount, not both' });
    }
  } else {
    require('quantity', `for a ${type} ${side.toLowerCase()}`);
    forbid('quoteAmount', 'except on a MARKET buy');
  }
  if (hasLimitPrice(type)) require('price', `for a ${type} order`);
  else forbid('price', `on a ${type} order (only LIMIT, LIMIT_MAKER and the stop-limit orders have a limit price)`);
  if (hasStopPrice(type)) require('stopPrice', `for a ${type} order`);
  else forbid('stopPrice', `on a ${type} order`);
  if (!takesTimeInForce(type) && body.timeInForce !== undefined) {
    issues.push({ path: '/timeInForce', message: `timeInForce is not allowed on a ${type} order (only LIMIT, STOP_LOSS_LIMIT and TAKE_PROFIT_LIMIT take one)` });
  }

  if (issues.length > 0) {
    throw new AppError('VALIDATION_FAILED', 400, issues.map((i) => i.message).join('; '), issues);
  }
  return intent;
}
