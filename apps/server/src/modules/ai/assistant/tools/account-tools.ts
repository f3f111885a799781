/**
 * The signed-in user's own account: portfolio at live prices, orders (open ones, or recent ones
 * with their refusal reasons), fills, and performance. The user id comes from the context only.
 */
import Type from 'typebox';
import { LiteralUnion, PerformanceRanges, type PerformanceRange } from '@cryptosim/contracts';
import { cachedAccountSnapshot, getPerformance, valuePortfolio } from '../../../portfolio/index.js';
import { queryHistory, queryOrders } from '../../../trading/index.js';
import { fixed, signed } from '../language/format.js';
import { knownSymbol, SYMBOL_PATTERN } from './known-symbol.js';
import { defineTool } from './tool.js';

const Symbol = Type.String({ pattern: SYMBOL_PATTERN, description: 'exchange symbol, e.g. BTCUSDT' });

export const portfolioTool = defineTool({
  name: 'get_portfolio',
  description:
    "The user's own portfolio at live prices: free cash, cash reserved by open buys, total value, initial balance, total P&L and return %, and each position (quantity, available, average price, market price and value, unrealized and realized P&L).",
  parameters: Type.Object({}, { additionalProperties: false }),
  async execute(ctx) {
    const { db, cache } = ctx.services;
    const portfolio = await valuePortfolio(cache, await cachedAccountSnapshot(db, cache, ctx.userId));
    const summary =
      ctx.language === 'ko'
        ? `총자산 ${fixed(portfolio.totalValue)} USDT (${signed(portfolio.totalReturnPercent)}%)`
        : `total ${fixed(portfolio.totalValue)} USDT (${signed(portfolio.totalReturnPercent)}%)`;
    return { data: { ...portfolio, positionCount: portfolio.positions.length, currency: 'USDT' }, summary };
  },
});

export const ordersTool = defineTool({
  name: 'get_orders',
  description:
    "The user's own orders, newest first: status open (waiting orders), closed (filled, canceled, rejected — with rejectReason, the machine code of why it was refused) or all.",
  parameters: Type.Object(
    {
      status: Type.Optional(LiteralUnion(['open', 'closed', 'all'] as const, { default: 'open' })),
      symbol: Type.Optional(Symbol),
      limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50, default: 20 })),
    },
    { additionalProperties: false },
  ),
  async execute(ctx, args) {
    const status = (args.status ?? 'open') as 'open' | 'closed' | 'all';
    const symbol = args.symbol === undefined ? undefined : knownSymbol(ctx, args.symbol).symbol;
    const { orders } = await queryOrders(ctx.services.db, ctx.userId, { status, symbol, limit: (args.limit as number | undefined) ?? 20 });
    const counts = { total: orders.length, rejected: orders.filter((o) => o.status === 'REJECTED').length, canceled: orders.filter((o) => o.status === 'CANCELED').length };
    const summary = ctx.language === 'ko' ? `주문 ${orders.length}건 (${status})` : `${orders.length} orders (${status})`;
    return { data: { status, symbol: symbol ?? null, orders, counts }, summary };
  },
});

export const tradeHistoryTool = defineTool({
  name: 'get_trade_history',
  description: "The user's own fills (executed trades), newest first: symbol, BUY/SELL, quantity, price, fee, total and realized P&L of sells.",
  parameters: Type.Object(
    {
      symbol: Type.Optional(Symbol),
      side: Type.Optional(LiteralUnion(['BUY', 'SELL'] as const)),
      limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50, default: 10 })),
    },
    { additionalProperties: false },
  ),
  async execute(ctx, args) {
    const symbol = args.symbol === undefined ? undefined : knownSymbol(ctx, args.symbol).symbol;
    const { transactions } = await queryHistory(ctx.services.db, ctx.userId, {
      symbol,
      side: args.side as 'BUY' | 'SELL' | undefined,
      limit: (args.limit as number | undefined) ?? 10,
    });
    const summary = ctx.language === 'ko' ? `체결 ${transactions.length}건` : `${transactions.length} fills`;
    return { data: { symbol: symbol ?? null, transactions, count: transactions.length }, summary };
  },
});

export const performanceTool = defineTool({
  name: 'get_performance',
  description:
    "The user's own performance over a range (1d, 1w, 1m, all): return %, max drawdown %, Sharpe ratio, win rate % of sells, number of fills, and the equity at the start and now.",
  parameters: Type.Object({ range: Type.Optional(LiteralUnion(PerformanceRanges, { default: 'all' })) }, { additionalProperties: false }),
  async execute(ctx, args) {
    const range = (args.range ?? 'all') as PerformanceRange;
    const res = await getPerformance(ctx.services.db, ctx.services.cache, ctx.userId, range);
    const first = res.equity[0];
    const last = res.equity[res.equity.length - 1];
    const summary = ctx.language === 'ko' ? `성과 (${range}): ${signed(res.metrics.totalReturnPercent)}%` : `performance (${range}): ${signed(res.metrics.totalReturnPercent)}%`;
    return { data: { range, metrics: res.metrics, equityStart: first?.value ?? null, equityNow: last?.value ?? null, points: res.equity.length }, summary };
  },
});
