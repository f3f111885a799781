/**
 * The order draft: what an order would do if the user placed it now — the same checks as a
 * placement (trading's previewOrder: filters, slippage, balance), run against the user's own
 * account, and nothing written. The UI shows the draft as a card; only the user's Confirm,
 * through the normal order ticket, places anything.
 */
import Type from 'typebox';
import { LiteralUnion, OrderSides, OrderTypes, type ChatLanguage, type ChatOrderDraft, type OrderDraftProblem, type PlaceOrderRequest, type SymbolInfo } from '@cryptosim/contracts';
import { Dec, toDecimalString } from '@cryptosim/trading-rules';
import { AppError } from '../../../../kernel/app-error.js';
import { cachedAccountSnapshot } from '../../../portfolio/index.js';
import { previewOrder } from '../../../trading/index.js';
import { exact, fixed } from '../language/format.js';
import { knownSymbol, SYMBOL_PATTERN } from './known-symbol.js';
import { defineTool } from './tool.js';

const Amount = (description: string) => Type.String({ pattern: '^(0|[1-9][0-9]{0,17})(\\.[0-9]{1,18})?$', description });

function koreanProblem(code: string, info: SymbolInfo): string {
  switch (code) {
    case 'LOT_SIZE':
      return `수량이 ${info.symbol}의 수량 단위 ${exact(info.stepSize)} 또는 최소 수량 ${exact(info.minQty)}에 맞지 않습니다.`;
    case 'MIN_NOTIONAL':
      return `주문 금액이 ${info.symbol}의 최소 주문 금액 ${exact(info.minNotional)} USDT보다 작습니다.`;
    case 'PRICE_FILTER':
      return `가격이 ${info.symbol}의 호가 단위 ${exact(info.tickSize)}의 배수가 아닙니다.`;
    case 'INSUFFICIENT_BALANCE':
      return '사용 가능한 USDT가 부족합니다 (수수료 포함).';
    case 'INSUFFICIENT_POSITION':
      return '매도할 수 있는 보유 수량이 부족합니다.';
    case 'WOULD_TRIGGER_IMMEDIATELY':
      return '스탑 가격이 현재가 기준으로 이미 발동되는 쪽에 있습니다.';
    case 'NO_PRICE':
      return '지금은 실시간 시세가 없어 주문을 추정할 수 없습니다.';
    default:
      return '주문 형식이 올바르지 않습니다 (수량, 금액, 가격 조합을 확인해 주세요).';
  }
}

function problemOf(err: AppError, info: SymbolInfo, lang: ChatLanguage): OrderDraftProblem {
  return { code: err.code, message: lang === 'ko' ? koreanProblem(err.code, info) : err.message };
}

export const orderDraftTool = defineTool({
  name: 'draft_order',
  description:
    'Prepares an order for the user to review and confirm themselves; it places NOTHING. Runs the same checks as placing it now against the user’s account: the estimate (price, quantity, notional, fee, total) and any reason it would be refused (LOT_SIZE, MIN_NOTIONAL, PRICE_FILTER, INSUFFICIENT_BALANCE, …). Use for "buy 0.01 BTC" style requests.',
  parameters: Type.Object(
    {
      symbol: Type.String({ pattern: SYMBOL_PATTERN }),
      side: LiteralUnion(OrderSides),
      type: Type.Optional(LiteralUnion(OrderTypes, { default: 'MARKET' })),
      quantity: Type.Optional(Amount('base-asset quantity')),
      quoteAmount: Type.Optional(Amount('MARKET buy only: USDT to spend')),
      price: Type.Optional(Amount('LIMIT only: limit price')),
      stopPrice: Type.Optional(Amount('STOP_LOSS / TAKE_PROFIT only: trigger price')),
    },
    { additionalProperties: false },
  ),
  async execute(ctx, args) {
    const info = knownSymbol(ctx, args.symbol);
    const side = args.side as 'BUY' | 'SELL';
    const request: PlaceOrderRequest & { type: NonNullable<PlaceOrderRequest['type']> } = { symbol: info.symbol, type: (args.type ?? 'MARKET') as NonNullable<PlaceOrderRequest['type']> };
    for (const field of ['quantity', 'quoteAmount', 'price', 'stopPrice'] as const) {
      const v = args[field] as string | undefined;
      if (v !== undefined) request[field] = v;
    }
    const { db, cache, trading } = ctx.services;
    const account = await cachedAccountSnapshot(db, cache, ctx.userId);
    let draft: ChatOrderDraft;
    try {
      const p = await previewOrder({ symbols: ctx.services.symbols(), cache, config: trading }, account, side, request);
      const total = side === 'BUY' ? p.notional.plus(p.fee) : p.notional.minus(p.fee);
      draft = {
        side,
        request,
        estimate: { price: toDecimalString(p.price), quantity: toDecimalString(p.quantity), notional: toDecimalString(p.notional), fee: toDecimalString(p.fee), total: toDecimalString(Dec.max(total, 0)) },
        problems: [],
      };
    } catch (err) {
      if (!(err instanceof AppError) || (err.status >= 500 && err.code !== 'NO_PRICE')) throw err;
      draft = { side, request, estimate: null, problems: [problemOf(err, info, ctx.language)] };
    }
    const what = `${side} ${request.quantity ? `${exact(request.quantity)} ${info.baseAsset}` : `${exact(request.quoteAmount ?? '0')} USDT`}`;
    const summary = ctx.language === 'ko' ? `주문 초안: ${what}` : `order draft: ${what}`;
    return {
      data: { placed: false, draft, rules: { tickSize: info.tickSize, stepSize: info.stepSize, minQty: info.minQty, minNotional: info.minNotional }, ...(draft.estimate ? { totalRounded: fixed(draft.estimate.total) } : {}) },
      summary,
      draft,
    };
  },
});
