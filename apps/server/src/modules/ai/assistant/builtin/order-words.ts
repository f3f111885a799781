/**
 * An order request in words ("비트코인 0.01개 사줘", "buy $100 of ETH", "sell 0.5 ETH at 3,200",
 * "BTC 손절 60000에 0.01개") as the draft_order tool's arguments. Amounts are kept as the digits
 * the user wrote (commas dropped, 만 = 10,000), so the draft shows the user's own figures.
 */
import { Dec } from '@cryptosim/trading-rules';

export interface OrderWords {
  side: 'BUY' | 'SELL' | undefined;
  type: 'MARKET' | 'LIMIT' | 'STOP_LOSS' | 'TAKE_PROFIT';
  quantity?: string;
  quoteAmount?: string;
  price?: string;
  stopPrice?: string;
}

const NUMBER = String.raw`(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*(만)?`;

function amount(digits: string, man: string | undefined): string {
  const d = new Dec(digits.replace(/,/g, ''));
  return (man ? d.times(10_000) : d).toFixed();
}

export function sideOf(text: string): 'BUY' | 'SELL' | undefined {
  const lower = text.toLowerCase();
  const sell = /팔|매도|손절|익절|\bsell\b|stop[- ]loss|take[- ]profit/.test(lower);
  const buy = /사줘|사 줘|사주|사고 ?싶|살래|사려|매수|구매|\bbuy\b|\bpurchase\b/.test(lower);
  if (buy && !sell) return 'BUY';
  if (sell && !buy) return 'SELL';
  return undefined;
}

export function parseOrderWords(text: string): OrderWords {
  const lower = text.toLowerCase();
  const words: OrderWords = { side: sideOf(text), type: 'MARKET' };
  let rest = lower;
  const take = (re: RegExp): string | undefined => {
    const m = re.exec(rest);
    if (!m) return undefined;
    rest = rest.slice(0, m.index) + ' '.repeat(m[0].length) + rest.slice(m.index + m[0].length);
    return amount(m[1]!, m[2]);
  };

  const stopKind = /손절|stop[- ]?loss|\bstop\b/.test(lower) ? 'STOP_LOSS' : /익절|take[- ]?profit/.test(lower) ? 'TAKE_PROFIT' : undefined;
  // A price: "at 3,200", "@ 3200", "price 3200", "3200에", "3200달러에", "지정가 3200".
  const priced =
    take(new RegExp(String.raw`(?:\bat|@|\bprice(?: of)?|지정가|가격)\s*\$?\s*${NUMBER}`)) ??
    take(new RegExp(String.raw`${NUMBER}\s*(?:달러|불|usdt|usd)?\s*에(?!\s*해당)`));
  if (priced !== undefined) {
    if (stopKind) {
      words.type = stopKind;
      words.stopPrice = priced;
    } else {
      words.type = 'LIMIT';
      words.price = priced;
    }
  }
  // USDT to spend: "$100", "100 usdt", "100달러어치", "100 dollars of".
  const quote = take(new RegExp(String.raw`\$\s*${NUMBER}`)) ?? take(new RegExp(String.raw`${NUMBER}\s*(?:usdt|usd|dollars?|달러|불)`));
  // The quantity: the first number left ("0.01개", "0.01 btc", "buy 0.5 eth").
  const quantity = take(new RegExp(NUMBER));
  if (quantity !== undefined) words.quantity = quantity;
  else if (quote !== undefined && words.type === 'MARKET' && words.side === 'BUY') words.quoteAmount = quote;
  else if (quote !== undefined && words.type === 'MARKET') {
    // "sell $100 of ETH": a sell is sized in coins; leave it to the reply to ask.
  }
  return words;
}
