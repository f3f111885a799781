/** Replies about prices, exchange rules and fees, written from the tools' results only. */
import type { PriceRow, SymbolInfo } from '@cryptosim/contracts';
import { coinName } from '../language/coin-names.js';
import { exact, fractionPercent, percent, price } from '../language/format.js';
import type { ToolRun } from '../tools/tool.js';
import { explainFailure, t, type Lang } from './reply-text.js';

const baseOf = (symbol: string) => symbol.replace(/USDT$/, '');

export function priceLine(row: PriceRow, lang: Lang): string {
  const name = coinName(baseOf(row.symbol), lang);
  const stale = row.stale ? t(lang, ' (최근 갱신이 멈춘 가격)', ' (the feed has not updated it recently)') : '';
  return t(
    lang,
    `${name}(${row.symbol}) 현재가는 **${price(row.price)} USDT**입니다. 24시간 변동 ${percent(row.changePercent24h)}, 고가 ${price(row.high24h)}, 저가 ${price(row.low24h)}.${stale}`,
    `${name} (${row.symbol}) is at **${price(row.price)} USDT**, ${percent(row.changePercent24h)} over 24 h (high ${price(row.high24h)}, low ${price(row.low24h)}).${stale}`,
  );
}

export function pricesReply(run: ToolRun | undefined, lang: Lang): string {
  if (!run) return '';
  if (!run.ok) return explainFailure(run, lang);
  const prices = run.data.prices as PriceRow[];
  if (prices.length <= 3) return prices.map((p) => priceLine(p, lang)).join('\n\n');
  const lines = prices.map((p) => `- ${p.symbol}: ${price(p.price)} USDT (${percent(p.changePercent24h)})`);
  return `${t(lang, '현재 시세입니다 (24시간 변동률):', 'Latest prices (24 h change):')}\n${lines.join('\n')}`;
}

export function rulesReply(run: ToolRun | undefined, lang: Lang): string {
  if (!run) return '';
  if (!run.ok) return explainFailure(run, lang);
  const r = run.data as unknown as SymbolInfo;
  return t(
    lang,
    `${r.symbol} 거래 규칙:\n- 호가 단위(tick size) ${exact(r.tickSize)} USDT: 지정가와 스탑 가격은 이 값의 배수여야 합니다 (PRICE_FILTER).\n- 수량 단위(step size) ${exact(r.stepSize)} ${r.baseAsset}, 최소 수량 ${exact(r.minQty)} ${r.baseAsset} (LOT_SIZE).\n- 최소 주문 금액 ${exact(r.minNotional)} USDT: 수량 × 가격이 이보다 작으면 거부됩니다 (MIN_NOTIONAL).`,
    `${r.symbol} exchange rules:\n- Tick size ${exact(r.tickSize)} USDT: limit and stop prices must be multiples of it (PRICE_FILTER).\n- Step size ${exact(r.stepSize)} ${r.baseAsset} and minimum quantity ${exact(r.minQty)} ${r.baseAsset} (LOT_SIZE).\n- Minimum order value ${exact(r.minNotional)} USDT: quantity × price below it is refused (MIN_NOTIONAL).`,
  );
}

export function feesReply(run: ToolRun | undefined, lang: Lang): string {
  if (!run) return '';
  if (!run.ok) return explainFailure(run, lang);
  const d = run.data as { makerFeeRate: string; takerFeeRate: string; stopSlippageCap: string; example: { notional: string; takerFee: string } };
  return t(
    lang,
    `수수료는 USDT로, 주문 금액에 더해 부과됩니다 (매수·매도 모두).\n- 테이커 ${fractionPercent(d.takerFeeRate)}: 바로 체결되는 주문 (시장가, 즉시 체결되는 지정가, 발동된 스탑).\n- 메이커 ${fractionPercent(d.makerFeeRate)}: 대기했다가 나중에 체결되는 지정가 주문.\n예: ${exact(d.example.notional)} USDT 시장가 매수의 수수료는 ${exact(d.example.takerFee)} USDT입니다. 대기 중인 스탑 매수는 슬리피지 상한 ${fractionPercent(d.stopSlippageCap)}까지 예약합니다.`,
    `Fees are charged in USDT on top of the order value, on buys and sells alike.\n- Taker ${fractionPercent(d.takerFeeRate)}: orders that fill on arrival (market, a limit that crosses, a triggered stop).\n- Maker ${fractionPercent(d.makerFeeRate)}: limit orders that rest and fill later.\nFor example, a ${exact(d.example.notional)} USDT market buy pays ${exact(d.example.takerFee)} USDT in fees. A resting stop buy reserves up to the ${fractionPercent(d.stopSlippageCap)} slippage cap.`,
  );
}
