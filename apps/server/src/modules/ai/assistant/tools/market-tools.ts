/** Market tools: latest prices, recent candles, a symbol's exchange rules and the fee schedule. */
import Type from 'typebox';
import { Intervals, LiteralUnion } from '@cryptosim/contracts';
import { Dec } from '@cryptosim/trading-rules';
import { getHistory, getPrices } from '../../../market/index.js';
import { exact, fractionPercent, percent, price } from '../language/format.js';
import { knownSymbol, SYMBOL_PATTERN } from './known-symbol.js';
import { defineTool, ToolError } from './tool.js';

const Symbol = Type.String({ pattern: SYMBOL_PATTERN, description: 'exchange symbol, e.g. BTCUSDT' });

export const pricesTool = defineTool({
  name: 'get_prices',
  description: 'Latest price, 24 h open/high/low, volume and change % of one or more symbols (all symbols when omitted).',
  parameters: Type.Object({ symbols: Type.Optional(Type.Array(Symbol, { minItems: 1, maxItems: 20 })) }, { additionalProperties: false }),
  async execute(ctx, args) {
    const wanted = args.symbols ? [...new Set(args.symbols)].map((s) => knownSymbol(ctx, s).symbol) : ctx.services.symbols().list().map((s) => s.symbol);
    const res = await getPrices(ctx.services.cache, wanted, ctx.services.marketSource() as never);
    if (res.prices.length === 0) throw new ToolError('NO_PRICE', `No live price yet for ${wanted.join(', ')}`);
    const missing = wanted.filter((s) => !res.prices.some((p) => p.symbol === s));
    const first = res.prices[0]!;
    const summary =
      res.prices.length === 1
        ? `${first.symbol} ${price(first.price)} (${percent(first.changePercent24h)})`
        : ctx.language === 'ko'
          ? `시세 ${res.prices.length}개`
          : `${res.prices.length} prices`;
    return { data: { source: res.source, window: '24h', prices: res.prices, missing }, summary };
  },
});

export const candlesTool = defineTool({
  name: 'get_candles',
  description: 'Recent OHLCV candles of a symbol (oldest first) with the range high, low, first open, last close and change % over them.',
  parameters: Type.Object(
    {
      symbol: Symbol,
      interval: Type.Optional(LiteralUnion(Intervals, { default: '1h' })),
      limit: Type.Optional(Type.Integer({ minimum: 2, maximum: 200, default: 24 })),
    },
    { additionalProperties: false },
  ),
  async execute(ctx, args) {
    const symbol = knownSymbol(ctx, args.symbol).symbol;
    const interval = (args.interval ?? '1h') as (typeof Intervals)[number];
    const limit = (args.limit as number | undefined) ?? 24;
    const res = await getHistory(ctx.services.db, ctx.services.cache, { symbol, interval, limit });
    const candles = res.candles;
    if (candles.length === 0) throw new ToolError('NO_DATA', `No ${interval} candles stored for ${symbol} yet`);
    const high = Dec.max(...candles.map((c) => new Dec(c.high)));
    const low = Dec.min(...candles.map((c) => new Dec(c.low)));
    const open = new Dec(candles[0]!.open);
    const close = new Dec(candles[candles.length - 1]!.close);
    const changePercent = open.isZero() ? null : close.minus(open).div(open).times(100).toDecimalPlaces(2).toFixed();
    const stats = { count: candles.length, firstOpenTime: candles[0]!.openTime, open: open.toFixed(), close: close.toFixed(), high: high.toFixed(), low: low.toFixed(), changePercent };
    const summary = ctx.language === 'ko' ? `${symbol} ${interval} 캔들 ${candles.length}개` : `${symbol} ${candles.length} × ${interval} candles`;
    return { data: { symbol, interval, stats, candles }, summary };
  },
});

export const exchangeRulesTool = defineTool({
  name: 'get_exchange_rules',
  description:
    "A symbol's exchange filters: tick size (price steps), step size and minimum quantity (LOT_SIZE), minimum order value in USDT (MIN_NOTIONAL), and whether it trades.",
  parameters: Type.Object({ symbol: Symbol }, { additionalProperties: false }),
  async execute(ctx, args) {
    const info = knownSymbol(ctx, args.symbol);
    const summary = ctx.language === 'ko' ? `${info.symbol} 거래 규칙` : `${info.symbol} exchange rules`;
    return {
      data: {
        ...info,
        meaning: {
          tickSize: 'limit and stop prices must be multiples of it (PRICE_FILTER)',
          stepSize: 'quantities must be multiples of it (LOT_SIZE)',
          minQty: 'smallest quantity (LOT_SIZE)',
          minNotional: 'smallest order value quantity × price, in USDT (MIN_NOTIONAL)',
        },
      },
      summary: `${summary}: tick ${exact(info.tickSize)}, step ${exact(info.stepSize)}`,
    };
  },
});

export const feeScheduleTool = defineTool({
  name: 'get_fee_schedule',
  description:
    'The fee rates: taker for orders that fill on arrival (MARKET, crossing LIMIT, triggered stops), maker for resting LIMIT orders filled later; charged in USDT on top of the notional, on buys and sells.',
  parameters: Type.Object({}, { additionalProperties: false }),
  async execute(ctx) {
    const { fees, slippage } = ctx.services.trading;
    const data = {
      makerFeeRate: fees.maker.toFixed(),
      takerFeeRate: fees.taker.toFixed(),
      makerFeePercent: fees.maker.times(100).toFixed(),
      takerFeePercent: fees.taker.times(100).toFixed(),
      stopSlippageCap: slippage.cap.toFixed(),
      stopSlippageCapPercent: slippage.cap.times(100).toFixed(),
      feeAsset: 'USDT',
      example: { notional: '1000', takerFee: fees.taker.times(1000).toFixed(), makerFee: fees.maker.times(1000).toFixed() },
    };
    const summary = ctx.language === 'ko' ? `수수료 테이커 ${fractionPercent(fees.taker)}` : `taker fee ${fractionPercent(fees.taker)}`;
    return { data, summary };
  },
});
