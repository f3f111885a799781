/** Replies about the user's own account: portfolio, P&L, performance, orders, refusals, fills. */
import type { Order, PerformanceMetrics, Portfolio, PortfolioPosition, PriceRow, SymbolInfo, Transaction } from '@cryptosim/contracts';
import { coinName } from '../language/coin-names.js';
import { exact, fixed, percent, price, signed } from '../language/format.js';
import type { ToolRun } from '../tools/tool.js';
import { priceLine } from './replies-market.js';
import { explainFailure, t, type Lang } from './reply-text.js';

const baseOf = (symbol: string) => symbol.replace(/USDT$/, '');

function positionLine(p: PortfolioPosition, lang: Lang): string {
  const name = coinName(baseOf(p.symbol), lang);
  return t(
    lang,
    `- ${name}(${p.symbol}) ${exact(p.quantity)}개: 평균 매수가 ${price(p.avgPrice)}, 현재가 ${price(p.marketPrice)}, 평가액 ${fixed(p.marketValue)} USDT, 미실현 손익 ${signed(p.unrealizedPnl)} USDT (${signed(p.unrealizedPnlPercent)}%)`,
    `- ${name} (${p.symbol}) ${exact(p.quantity)}: average buy ${price(p.avgPrice)}, now ${price(p.marketPrice)}, worth ${fixed(p.marketValue)} USDT, unrealized ${signed(p.unrealizedPnl)} USDT (${signed(p.unrealizedPnlPercent)}%)`,
  );
}

export function portfolioReply(run: ToolRun | undefined, lang: Lang, focus: string[], priceRuns: ToolRun | undefined): string {
  if (!run) return '';
  if (!run.ok) return explainFailure(run, lang);
  const p = run.data as unknown as Portfolio;
  if (focus.length > 0) {
    const parts = focus.map((symbol) => {
      const held = p.positions.find((x) => x.symbol === symbol);
      const name = coinName(baseOf(symbol), lang);
      if (held) {
        return t(
          lang,
          `보유 중인 ${name}은(는) **${exact(held.quantity)}개**이고, 현재가 ${price(held.marketPrice)} 기준 평가액은 **${fixed(held.marketValue)} USDT**입니다. 평균 매수가 ${price(held.avgPrice)} 대비 미실현 손익은 ${signed(held.unrealizedPnl)} USDT (${signed(held.unrealizedPnlPercent)}%)입니다.`,
          `You hold **${exact(held.quantity)} ${held.symbol.replace(/USDT$/, '')}**, worth **${fixed(held.marketValue)} USDT** at ${price(held.marketPrice)}. Against your average buy price of ${price(held.avgPrice)}, that is ${signed(held.unrealizedPnl)} USDT (${signed(held.unrealizedPnlPercent)}%) unrealized.`,
        );
      }
      const row = (priceRuns?.ok ? (priceRuns.data.prices as PriceRow[]) : []).find((r) => r.symbol === symbol);
      const none = t(lang, `${name}은(는) 지금 보유하고 있지 않습니다.`, `You do not hold any ${name} right now.`);
      return row ? `${none} ${priceLine(row, lang)}` : none;
    });
    return parts.join('\n\n');
  }
  const lines = [
    t(
      lang,
      `총자산은 **${fixed(p.totalValue)} USDT**입니다 (초기 자금 ${fixed(p.initialBalance)} USDT 대비 ${signed(p.totalPnl)} USDT, ${signed(p.totalReturnPercent)}%). 사용 가능한 현금 ${fixed(p.cash)} USDT, 대기 주문에 묶인 현금 ${fixed(p.reserved)} USDT.`,
      `Your total value is **${fixed(p.totalValue)} USDT** (${signed(p.totalPnl)} USDT, ${signed(p.totalReturnPercent)}% against the initial ${fixed(p.initialBalance)} USDT). Free cash ${fixed(p.cash)} USDT, held by open orders ${fixed(p.reserved)} USDT.`,
    ),
  ];
  if (p.positions.length === 0) lines.push(t(lang, '보유 중인 코인은 없습니다.', 'You hold no coins.'));
  else lines.push(t(lang, '보유 코인:', 'Holdings:'), ...p.positions.map((x) => positionLine(x, lang)));
  return lines.join('\n');
}

export function pnlReply(run: ToolRun | undefined, lang: Lang): string {
  if (!run) return '';
  if (!run.ok) return explainFailure(run, lang);
  const p = run.data as unknown as Portfolio;
  const direction = p.totalPnl.startsWith('-') ? t(lang, '손실', 'a loss') : t(lang, '이익', 'a gain');
  const lines = [
    t(
      lang,
      `지금까지의 총손익은 **${signed(p.totalPnl)} USDT (${signed(p.totalReturnPercent)}%)**로 ${direction}입니다. 초기 자금 ${fixed(p.initialBalance)} USDT, 현재 총자산 ${fixed(p.totalValue)} USDT.`,
      `Your total P&L is **${signed(p.totalPnl)} USDT (${signed(p.totalReturnPercent)}%)**, ${direction}: from ${fixed(p.initialBalance)} USDT to ${fixed(p.totalValue)} USDT now.`,
    ),
  ];
  for (const x of p.positions) {
    lines.push(
      t(
        lang,
        `- ${x.symbol}: 미실현 ${signed(x.unrealizedPnl)} USDT (${signed(x.unrealizedPnlPercent)}%), 실현 ${signed(x.realizedPnl)} USDT`,
        `- ${x.symbol}: unrealized ${signed(x.unrealizedPnl)} USDT (${signed(x.unrealizedPnlPercent)}%), realized ${signed(x.realizedPnl)} USDT`,
      ),
    );
  }
  return lines.join('\n');
}

export function performanceReply(run: ToolRun | undefined, lang: Lang): string {
  if (!run) return '';
  if (!run.ok) return explainFailure(run, lang);
  const d = run.data as { range: string; metrics: PerformanceMetrics; equityStart: string | null; equityNow: string | null };
  const m = d.metrics;
  const range = { '1d': t(lang, '최근 하루', 'the last day'), '1w': t(lang, '최근 일주일', 'the last week'), '1m': t(lang, '최근 한 달', 'the last month'), all: t(lang, '전체 기간', 'the whole run') }[d.range] ?? d.range;
  const lines = [
    t(lang, `${range} 성과:`, `Performance over ${range}:`),
    t(lang, `- 수익률 ${signed(m.totalReturnPercent)}%`, `- Return ${signed(m.totalReturnPercent)}%`) +
      (d.equityStart && d.equityNow ? t(lang, ` (${fixed(d.equityStart)} → ${fixed(d.equityNow)} USDT)`, ` (${fixed(d.equityStart)} → ${fixed(d.equityNow)} USDT)`) : ''),
    t(lang, `- 최대 낙폭 ${percent(m.maxDrawdownPercent)}`, `- Max drawdown ${percent(m.maxDrawdownPercent)}`),
    m.sharpe === null ? t(lang, '- 샤프 지수: 일별 수익률이 부족해 아직 계산되지 않습니다', '- Sharpe ratio: not enough daily returns yet') : t(lang, `- 샤프 지수 ${fixed(m.sharpe)}`, `- Sharpe ratio ${fixed(m.sharpe)}`),
    m.winRate === null ? t(lang, '- 승률: 이 기간에 매도가 없습니다', '- Win rate: no sells in this range') : t(lang, `- 승률 ${percent(m.winRate)} (이익으로 끝난 매도의 비율)`, `- Win rate ${percent(m.winRate)} (sells that closed in profit)`),
    t(lang, `- 체결 ${m.trades}건`, `- ${m.trades} fills`),
  ];
  return lines.join('\n');
}

function orderLine(o: Order, lang: Lang): string {
  const level = o.type === 'LIMIT' && o.price ? ` @ ${price(o.price)}` : o.stopPrice ? ` stop ${price(o.stopPrice)}` : '';
  const qty = o.quantity ? exact(o.quantity) : `${exact(o.quoteAmount ?? '0')} USDT`;
  const filled = o.filledQuantity !== '0' ? t(lang, `, 체결 ${exact(o.filledQuantity)}`, `, filled ${exact(o.filledQuantity)}`) : '';
  return `- #${o.id} ${o.side} ${o.type} ${qty} ${o.symbol}${level} (${o.status}${filled})`;
}

export function openOrdersReply(run: ToolRun | undefined, lang: Lang): string {
  if (!run) return '';
  if (!run.ok) return explainFailure(run, lang);
  const orders = run.data.orders as Order[];
  if (orders.length === 0) return t(lang, '대기 중인 주문이 없습니다.', 'You have no open orders.');
  return [t(lang, `대기 중인 주문 ${orders.length}건:`, `You have ${orders.length} open orders:`), ...orders.slice(0, 20).map((o) => orderLine(o, lang))].join('\n');
}

function reasonText(code: string | null, rules: SymbolInfo | undefined, lang: Lang): string {
  const r = rules;
  switch (code) {
    case 'INSUFFICIENT_BALANCE':
      return t(lang, '체결 시점에 사용 가능한 USDT가 수수료를 포함한 금액보다 부족했습니다', 'when it came to fill, your free USDT did not cover the cost including the fee');
    case 'INSUFFICIENT_POSITION':
      return t(lang, '체결 시점에 팔 수 있는 수량이 부족했습니다', 'when it came to fill, you did not hold enough of the coin to sell');
    case 'LOT_SIZE':
      return r ? t(lang, `수량이 수량 단위 ${exact(r.stepSize)}의 배수가 아니거나 최소 수량 ${exact(r.minQty)}보다 작았습니다`, `the quantity was not a multiple of the step size ${exact(r.stepSize)} or was below the minimum ${exact(r.minQty)}`) : 'LOT_SIZE';
    case 'MIN_NOTIONAL':
      return r ? t(lang, `주문 금액이 최소 ${exact(r.minNotional)} USDT보다 작았습니다`, `the order value was below the minimum of ${exact(r.minNotional)} USDT`) : 'MIN_NOTIONAL';
    default:
      return code ?? t(lang, '사유 미상', 'no reason recorded');
  }
}

export function refusedReply(ordersRun: ToolRun | undefined, rulesRun: ToolRun | undefined, lang: Lang): string {
  if (ordersRun && !ordersRun.ok) return explainFailure(ordersRun, lang);
  const rules = rulesRun?.ok ? (rulesRun.data as unknown as SymbolInfo) : undefined;
  const orders = (ordersRun?.data.orders as Order[] | undefined) ?? [];
  const rejected = orders.filter((o) => o.status === 'REJECTED');
  const lines: string[] = [];
  if (rejected.length > 0) {
    const o = rejected[0]!;
    lines.push(
      t(lang, `가장 최근에 거부된 주문은 #${o.id} (${o.side} ${o.type} ${o.symbol})이고, 사유는 **${o.rejectReason ?? '-'}**: ${reasonText(o.rejectReason, rules?.symbol === o.symbol ? rules : undefined, lang)}.`, `Your most recent refused order is #${o.id} (${o.side} ${o.type} ${o.symbol}), refused with **${o.rejectReason ?? '-'}**: ${reasonText(o.rejectReason, rules?.symbol === o.symbol ? rules : undefined, lang)}.`),
    );
    if (rejected.length > 1) lines.push(t(lang, `최근 주문 중 거부된 것은 모두 ${rejected.length}건입니다.`, `${rejected.length} of your recent orders were refused in all.`));
  } else {
    lines.push(
      t(
        lang,
        '최근 주문 중 거부(REJECTED)된 주문은 없습니다. 주문 화면에서 바로 거부된 주문은 저장되지 않고, 그때 화면에 사유가 표시됩니다.',
        'None of your recent orders is marked REJECTED. An order refused when you submit it is not stored; the order ticket showed the reason at that moment.',
      ),
    );
  }
  if (rules) {
    lines.push(
      t(
        lang,
        `${rules.symbol} 주문이 거부되는 흔한 이유: 수량이 ${exact(rules.stepSize)} 단위가 아니거나 ${exact(rules.minQty)}보다 작음 (LOT_SIZE), 주문 금액이 ${exact(rules.minNotional)} USDT 미만 (MIN_NOTIONAL), 가격이 ${exact(rules.tickSize)} 단위가 아님 (PRICE_FILTER), 사용 가능한 잔고 부족 (INSUFFICIENT_BALANCE / INSUFFICIENT_POSITION), 이미 발동될 스탑 가격 (WOULD_TRIGGER_IMMEDIATELY).`,
        `Common reasons a ${rules.symbol} order is refused: a quantity not in steps of ${exact(rules.stepSize)} or below ${exact(rules.minQty)} (LOT_SIZE), an order value under ${exact(rules.minNotional)} USDT (MIN_NOTIONAL), a price not in ticks of ${exact(rules.tickSize)} (PRICE_FILTER), not enough free balance (INSUFFICIENT_BALANCE / INSUFFICIENT_POSITION), or a stop price that would trigger at once (WOULD_TRIGGER_IMMEDIATELY).`,
      ),
    );
  }
  return lines.join('\n\n');
}

export function historyReply(run: ToolRun | undefined, lang: Lang): string {
  if (!run) return '';
  if (!run.ok) return explainFailure(run, lang);
  const fills = run.data.transactions as Transaction[];
  if (fills.length === 0) return t(lang, '아직 체결된 거래가 없습니다.', 'You have no trades yet.');
  const lines = fills.map((f) =>
    t(
      lang,
      `- ${f.type} ${exact(f.quantity)} ${f.symbol} @ ${price(f.price)}: 금액 ${fixed(f.totalAmount)} USDT, 수수료 ${exact(f.fee)} USDT${f.realizedPnl !== null ? `, 실현 손익 ${signed(f.realizedPnl)} USDT` : ''}`,
      `- ${f.type} ${exact(f.quantity)} ${f.symbol} @ ${price(f.price)}: ${fixed(f.totalAmount)} USDT, fee ${exact(f.fee)} USDT${f.realizedPnl !== null ? `, realized ${signed(f.realizedPnl)} USDT` : ''}`,
    ),
  );
  return [t(lang, `최근 체결 ${fills.length}건 (최신순):`, `Your last ${fills.length} fills, newest first:`), ...lines].join('\n');
}
