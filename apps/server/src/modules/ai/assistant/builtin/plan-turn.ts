/**
 * The built-in assistant's plan for one question: the intent, the coins it names (or the one on
 * the user's screen, or the one the previous turn was about), and the tool calls that answer it.
 */
import type { SymbolInfo } from '@cryptosim/contracts';
import { findCoins, type CoinMention } from '../language/coin-names.js';
import { classify, mentionsOtherUser, type Intent } from './intents.js';
import { parseOrderWords, type OrderWords } from './order-words.js';

export interface PlannedCall {
  tool: string;
  args: Record<string, unknown>;
}

export interface TurnPlan {
  intent: Intent | 'unknown';
  coins: CoinMention[];
  calls: PlannedCall[];
  /** The question asked for someone else's account: the reply says it only shows the user's own. */
  otherUser: boolean;
  order?: OrderWords;
  /** The indicator a "what does X mean" question is about, and the value it gave. */
  indicator?: { name: string; value?: number };
}

export interface PlanContext {
  symbols: readonly SymbolInfo[];
  /** The coin on the user's screen (request.symbol). */
  screenSymbol?: string | undefined;
  /** What the previous turn of the conversation was about, for follow-ups ("그럼 이더리움은?"). */
  previous?: { intent: Intent; symbol?: string } | undefined;
}

const INDICATOR_WORDS: Array<[string, RegExp]> = [
  ['rsi', /rsi/],
  ['macd', /macd/],
  ['bollinger', /bollinger|볼린저/],
  ['atr', /\batr\b/],
  ['volatility', /volatility|변동성/],
  ['ema', /\bema\b|지수이동평균/],
  ['sma', /\bsma\b|moving average|이동평균/],
];

function indicatorOf(text: string): { name: string; value?: number } | undefined {
  const lower = text.toLowerCase();
  for (const [name, re] of INDICATOR_WORDS) {
    const m = re.exec(lower);
    if (!m) continue;
    const after = /^\D{0,12}?(\d+(?:\.\d+)?)/.exec(lower.slice(m.index + m[0].length));
    const value = after ? Number(after[1]) : undefined;
    return value !== undefined && Number.isFinite(value) ? { name, value } : { name };
  }
  return undefined;
}

export function planTurn(text: string, ctx: PlanContext): TurnPlan {
  const coins = findCoins(text, ctx.symbols);
  let intent: Intent | 'unknown' = classify(text) ?? 'unknown';
  // A follow-up naming only a coin ("그럼 이더리움은?", "and ETH?") asks the previous question again about it.
  if (intent === 'unknown' && coins.length > 0) intent = ctx.previous && ctx.previous.intent !== 'draft' && ctx.previous.intent !== 'help' ? ctx.previous.intent : 'price';
  const known = (s: string | undefined) => (s && ctx.symbols.some((i) => i.symbol === s) ? s : undefined);
  const focus = coins[0]?.symbol ?? known(ctx.screenSymbol) ?? known(ctx.previous?.symbol);
  const symbolOr = (fallback: string | undefined) => focus ?? fallback;
  const firstListed = ctx.symbols[0]?.symbol;
  const plan: TurnPlan = { intent, coins, calls: [], otherUser: mentionsOtherUser(text) };
  const call = (tool: string, args: Record<string, unknown> = {}) => plan.calls.push({ tool, args });

  switch (intent) {
    case 'price':
      call('get_prices', coins.length > 0 ? { symbols: coins.map((c) => c.symbol) } : focus ? { symbols: [focus] } : {});
      break;
    case 'portfolio':
    case 'pnl':
      call('get_portfolio');
      break;
    case 'performance':
      call('get_performance', { range: /\b1d\b|today|오늘|하루/i.test(text) ? '1d' : /week|주간|일주일|1w/i.test(text) ? '1w' : /month|한 ?달|월간|1m\b/i.test(text) ? '1m' : 'all' });
      break;
    case 'open_orders':
      call('get_orders', { status: 'open', ...(coins[0] ? { symbol: coins[0].symbol } : {}) });
      break;
    case 'refused':
      call('get_orders', { status: 'closed', limit: 20, ...(coins[0] ? { symbol: coins[0].symbol } : {}) });
      if (symbolOr(firstListed)) call('get_exchange_rules', { symbol: symbolOr(firstListed) });
      break;
    case 'history':
      call('get_trade_history', { limit: 10, ...(coins[0] ? { symbol: coins[0].symbol } : {}) });
      break;
    case 'prediction':
    case 'track_record':
      if (symbolOr(firstListed)) call('get_prediction', { symbol: symbolOr(firstListed) });
      break;
    case 'analysis':
      if (symbolOr(firstListed)) call('get_market_analysis', { symbol: symbolOr(firstListed) });
      break;
    case 'indicator': {
      const indicator = indicatorOf(text) ?? { name: 'rsi' };
      plan.indicator = indicator;
      call('explain_indicator', { indicator: indicator.name, ...(indicator.value !== undefined ? { value: indicator.value } : {}) });
      if (focus) call('get_market_analysis', { symbol: focus });
      break;
    }
    case 'fees':
      call('get_fee_schedule');
      break;
    case 'rules':
      if (symbolOr(firstListed)) call('get_exchange_rules', { symbol: symbolOr(firstListed) });
      break;
    case 'draft': {
      const order = parseOrderWords(text);
      plan.order = order;
      const symbol = focus;
      if (symbol && order.side && (order.quantity || order.quoteAmount)) {
        const { side, type, quantity, quoteAmount, price, stopPrice } = order;
        call('draft_order', { symbol, side, type, ...(quantity ? { quantity } : {}), ...(quoteAmount ? { quoteAmount } : {}), ...(price ? { price } : {}), ...(stopPrice ? { stopPrice } : {}) });
      } else if (symbol) {
        // Not enough to draft: the rules say what an order of this coin needs.
        call('get_exchange_rules', { symbol });
      }
      break;
    }
    case 'cannot_act':
    case 'help':
    case 'unknown':
      break;
  }
  return plan;
}
