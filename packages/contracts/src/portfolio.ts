import Type, { type Static } from 'typebox';
import { DecimalString, SignedDecimalString, SymbolName } from './decimal.js';

export const PortfolioPosition = Type.Object({
  symbol: SymbolName,
  quantity: DecimalString('held, including the part reserved by open sell orders'),
  available: DecimalString('quantity minus what open sell orders reserve'),
  avgPrice: DecimalString('weighted average buy price, fees excluded'),
  marketPrice: DecimalString(),
  marketValue: DecimalString('quantity × marketPrice'),
  unrealizedPnl: SignedDecimalString('(marketPrice − avgPrice) × quantity'),
  unrealizedPnlPercent: SignedDecimalString('(marketPrice − avgPrice) / avgPrice × 100'),
  realizedPnl: SignedDecimalString('sum of sells (price − avgPrice) × quantity − fee'),
});
export type PortfolioPosition = Static<typeof PortfolioPosition>;

export const Portfolio = Type.Object({
  cash: DecimalString('free USDT, not held by open orders'),
  reserved: DecimalString('USDT held by open buy orders'),
  totalValue: DecimalString('cash + reserved + Σ marketValue'),
  initialBalance: DecimalString(),
  totalPnl: SignedDecimalString('totalValue − initialBalance'),
  totalReturnPercent: SignedDecimalString('totalPnl / initialBalance × 100'),
  positions: Type.Array(PortfolioPosition),
});
export type Portfolio = Static<typeof Portfolio>;

export const PerformanceRanges = ['1d', '1w', '1m', 'all'] as const;
export type PerformanceRange = (typeof PerformanceRanges)[number];

export const PerformanceQuery = Type.Object(
  { range: Type.Optional(Type.Union([Type.Literal('1d'), Type.Literal('1w'), Type.Literal('1m'), Type.Literal('all')], { default: 'all' })) },
  { additionalProperties: false },
);
export type PerformanceQuery = Static<typeof PerformanceQuery>;

export const EquityPoint = Type.Object({
  time: Type.Integer({ description: 'epoch ms' }),
  value: DecimalString('cash + reserved + positions at market, USDT'),
});
export type EquityPoint = Static<typeof EquityPoint>;

export const PerformanceMetrics = Type.Object({
  totalReturnPercent: SignedDecimalString('last vs first equity point of the range, %'),
  maxDrawdownPercent: DecimalString('largest fall from a running peak, % of that peak (0 when none)'),
  sharpe: Type.Union([SignedDecimalString('mean / sample stdev of daily returns × √365, risk-free 0'), Type.Null()], {
    description: 'null with fewer than two daily returns or no variation',
  }),
  winRate: Type.Union([DecimalString('% of sells in the range with realized P&L > 0'), Type.Null()], {
    description: 'null when the range holds no sell',
  }),
  trades: Type.Integer({ minimum: 0, description: 'fills in the range' }),
  feesPaid: DecimalString('Σ fee of the fills in the range, USDT (fees are charged in USDT on buys and sells alike); with range=all, everything paid in the current run'),
});
export type PerformanceMetrics = Static<typeof PerformanceMetrics>;

export const PerformanceResponse = Type.Object({ equity: Type.Array(EquityPoint), metrics: PerformanceMetrics });
export type PerformanceResponse = Static<typeof PerformanceResponse>;
