/** Replies for order drafts, for what the assistant cannot do, for help, and for questions it did not understand. */
import type { ChatOrderDraft, SymbolInfo } from '@cryptosim/contracts';
import { exact, fixed, price } from '../language/format.js';
import type { ToolRun } from '../tools/tool.js';
import type { OrderWords } from './order-words.js';
import { explainFailure, t, type Lang } from './reply-text.js';

const CAPABILITIES: Record<Lang, string> = {
  ko: [
    '제가 할 수 있는 일:',
    '- 시세: “비트코인 얼마야?”',
    '- 내 계좌: “내 포트폴리오 보여줘”, “수익률 어때?”, “미체결 주문”, “거래 내역”, “성과 지표”',
    '- 주문이 거부된 이유: “내 주문 왜 거부됐어?”',
    '- 예측과 적중률: “이더리움 오를까?”, “예측 적중률은?”',
    '- 지표 분석과 뜻: “솔라나 분석해줘”, “RSI가 뭐야?”',
    '- 수수료와 거래 규칙: “수수료 얼마야?”, “비트코인 최소 주문 금액”',
    '- 주문 초안: “비트코인 ○○개 사줘” (초안만 만들고, 주문은 직접 확인해서 넣으셔야 합니다)',
  ].join('\n'),
  en: [
    'Here is what I can do:',
    '- Prices: “What is the Bitcoin price?”',
    '- Your account: “Show my portfolio”, “What is my P&L?”, “my open orders”, “trade history”, “performance”',
    '- Why an order was refused: “Why was my order refused?”',
    '- Predictions and their track record: “Will ETH go up?”, “How accurate are the predictions?”',
    '- Indicators: “Analyze SOL”, “What does RSI mean?”',
    '- Fees and exchange rules: “What are the fees?”, “minimum order for BTC”',
    '- Order drafts: “buy N BTC” (I only prepare a draft; you confirm and place it yourself)',
  ].join('\n'),
};

export function helpReply(lang: Lang): string {
  return `${t(lang, '안녕하세요! 모의투자 도우미입니다. 답은 모두 실시간 시세와 회원님 계좌의 실제 데이터로만 드립니다.', 'Hello! I am the paper-trading assistant. I answer only from live market data and your own account.')}\n\n${CAPABILITIES[lang]}`;
}

export function unknownReply(lang: Lang): string {
  return `${t(lang, '죄송해요, 질문을 이해하지 못했습니다.', 'Sorry, I did not understand that question.')}\n\n${CAPABILITIES[lang]}`;
}

export function cannotActReply(lang: Lang): string {
  return t(
    lang,
    '저는 주문을 넣거나 취소하거나 계좌를 바꿀 수 없고, 규칙을 바꾸라는 지시도 따르지 않습니다. 회원님 본인 계좌의 데이터를 읽고 주문 초안을 만들어 드릴 수만 있습니다. 예를 들어 “비트코인 ○○개 팔아줘”라고 하시면 초안을 만들고, 실제 주문은 주문 화면에서 직접 확인해 넣으시면 됩니다.',
    'I cannot place, cancel or change anything in your account, and I do not follow instructions to change my rules. I can only read your own account’s data and prepare order drafts: say “sell N BTC” and I will prepare one for you to review and place yourself on the order ticket.',
  );
}

export function otherUserNote(lang: Lang): string {
  return t(lang, '다른 사용자의 계좌는 볼 수 없고, 회원님 본인의 데이터만 보여 드립니다.', 'I cannot see anyone else’s account; here is your own.');
}

export function draftReply(draftRun: ToolRun | undefined, rulesRun: ToolRun | undefined, words: OrderWords | undefined, lang: Lang, hasSymbol: boolean): string {
  if (!hasSymbol) return t(lang, '어떤 코인을 주문할지 알려 주세요. 예: “비트코인 ○○개 사줘”.', 'Which coin? For example: “buy N BTC”.');
  if (!draftRun) {
    const need = !words?.side
      ? t(lang, '사실지(매수) 파실지(매도) 알려 주세요.', 'Tell me whether to buy or sell.')
      : t(lang, '수량(예: ○○개) 또는 매수에 쓸 USDT 금액을 알려 주세요.', 'Tell me the quantity (or, for a market buy, the USDT amount to spend).');
    const rules = rulesRun?.ok ? (rulesRun.data as unknown as SymbolInfo) : undefined;
    const hint = rules
      ? t(lang, ` ${rules.symbol}은 최소 수량 ${exact(rules.minQty)}, 수량 단위 ${exact(rules.stepSize)}, 최소 주문 금액 ${exact(rules.minNotional)} USDT입니다.`, ` ${rules.symbol} takes at least ${exact(rules.minQty)} in steps of ${exact(rules.stepSize)}, and at least ${exact(rules.minNotional)} USDT per order.`)
      : '';
    return t(lang, '주문 초안을 만들려면 정보가 더 필요합니다. ', 'I need a little more to prepare a draft. ') + need + hint;
  }
  if (!draftRun.ok) return explainFailure(draftRun, lang);
  const d = draftRun.draft as ChatOrderDraft;
  const r = d.request;
  const what = `${d.side} ${r.type} ${r.quantity ? `${exact(r.quantity)} ${r.symbol.replace(/USDT$/, '')}` : `${exact(r.quoteAmount ?? '0')} USDT ${t(lang, '어치', 'of')} ${r.symbol.replace(/USDT$/, '')}`}${r.price ? ` @ ${price(r.price)}` : ''}${r.stopPrice ? ` stop ${price(r.stopPrice)}` : ''}`;
  const lines = [t(lang, `주문 초안을 만들었습니다: **${what}**. 아직 주문하지 않았습니다. 카드의 확인 버튼을 누르면 주문 화면에서 직접 확인하고 넣으실 수 있습니다.`, `I prepared a draft: **${what}**. Nothing has been placed: use Confirm on the card to review it on the order ticket and place it yourself.`)];
  if (d.estimate) {
    const e = d.estimate;
    lines.push(
      d.side === 'BUY'
        ? t(lang, `지금 넣으면 예상: 가격 ${price(e.price)}, 수량 ${exact(e.quantity)}, 금액 ${fixed(e.notional)} USDT + 수수료 ${exact(e.fee)} USDT = 약 ${fixed(e.total)} USDT.`, `If placed now: price ${price(e.price)}, quantity ${exact(e.quantity)}, ${fixed(e.notional)} USDT + ${exact(e.fee)} USDT fee ≈ ${fixed(e.total)} USDT.`)
        : t(lang, `지금 넣으면 예상: 가격 ${price(e.price)}, 수량 ${exact(e.quantity)}, 금액 ${fixed(e.notional)} USDT − 수수료 ${exact(e.fee)} USDT = 약 ${fixed(e.total)} USDT 수령.`, `If placed now: price ${price(e.price)}, quantity ${exact(e.quantity)}, ${fixed(e.notional)} USDT − ${exact(e.fee)} USDT fee ≈ ${fixed(e.total)} USDT received.`),
    );
  }
  for (const p of d.problems) lines.push(t(lang, `⚠ 이대로는 거부됩니다 (${p.code}): ${p.message}`, `⚠ As it stands it would be refused (${p.code}): ${p.message}`));
  return lines.join('\n\n');
}
