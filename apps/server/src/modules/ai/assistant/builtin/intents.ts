/**
 * What a question asks, from Korean and English keywords. The first rule that matches wins, so
 * the specific questions ("why was my buy order refused", "what fee to buy") come before the
 * general ones ("buy", "price").
 */
export const INTENTS = [
  'cannot_act',
  'refused',
  'fees',
  'rules',
  'draft',
  'indicator',
  'track_record',
  'prediction',
  'analysis',
  'open_orders',
  'history',
  'performance',
  'pnl',
  'portfolio',
  'price',
  'help',
] as const;
export type Intent = (typeof INTENTS)[number];

type Matcher = RegExp;

/** Lower-cased text; Korean keywords are substrings (particles attach), English ones words. */
const RULES: Array<[Intent, Matcher[]]> = [
  [
    'cannot_act',
    [
      /취소해|취소 해|취소시켜|다 팔아|전부 팔|모두 팔|전량 매도|다 사|전부 사|무시하고|무시해|규칙을 무시/,
      /\b(cancel|ignore (your|all|the|previous)|disregard|sell (everything|all)|buy (everything|all)|liquidate|withdraw|transfer|delete my)\b/,
    ],
  ],
  ['refused', [/거부|거절|리젝|실패했|안 됐|안됐|안 돼|안돼|왜 안|체결이 안|취소됐/, /\b(refused|rejected|declined|denied|failed|why (was|did|is) my .*order|order (was|got) (refused|rejected|canceled|cancelled))\b/]],
  ['fees', [/수수료|커미션/, /\b(fees?|commissions?|maker|taker)\b/]],
  ['rules', [/최소 ?주문|최소 ?수량|최소 ?금액|호가 ?단위|틱 ?사이즈|수량 ?단위|거래 ?규칙|주문 ?규칙|스텝/, /\b(lot ?size|tick ?size|step ?size|min(imum)? ?notional|minimum (order|quantity|amount)|exchange rules?|trading rules?|filters?)\b/]],
  [
    'draft',
    [
      /사줘|사 줘|사주세요|사고 ?싶|살래|사려고|매수해|매수 ?주문|매수하고|구매해|팔아줘|팔아 줘|팔고 ?싶|팔래|팔려고|매도해|매도 ?주문|매도하고|손절|익절|지정가/,
      /\b(buy|purchase|sell|stop[- ]loss|take[- ]profit|place an? order|order \d)\b/,
    ],
  ],
  [
    'indicator',
    [
      /(rsi|macd|볼린저|이동평균|sma|ema|atr|변동성).*(뜻|의미|무슨|뭐야|뭔가요|뭐예요|뭐에요|설명|어떻게 봐|어떻게 읽)/,
      /\b(what (does|do|is|are)|what's|explain|meaning of|means?)\b.*\b(rsi|macd|bollinger|moving average|sma|ema|atr|volatility|indicators?)\b|\b(rsi|macd|bollinger|sma|ema|atr)\b.*\b(mean|means|meaning)\b/,
    ],
  ],
  ['track_record', [/적중률|정확도|맞췄|맞춰|얼마나 맞|예측 ?성적|트랙 ?레코드/, /\b(track record|accuracy|accurate|hit rate|how (good|reliable) (is|are) (the|your) (model|predictions?))\b/]],
  [
    'prediction',
    [/예측|전망|오를까|오를 까|오르나|내릴까|떨어질까|상승할까|하락할까|오를지|내릴지|갈까|올라갈까|내려갈까/, /\b(predict(ion|ed)?s?|forecast|go(ing)? (up|down)|expect|outlook|will .* (rise|fall|drop|climb|go))\b/],
  ],
  ['analysis', [/분석|(?<!성과 ?)지표|추세|기술적|rsi|macd|볼린저|과매수|과매도|이동평균|변동성/, /\b(analy[sz](e|is)|indicators?|trend|technical|rsi|macd|bollinger|overbought|oversold|volatility|moving average)\b/]],
  ['open_orders', [/미체결|대기 ?주문|주문 ?내역|주문 ?목록|내 ?주문|주문 ?현황|걸어둔|열린 ?주문/, /\b(open orders?|pending orders?|my orders?|orders?)\b/]],
  ['history', [/거래 ?내역|체결 ?내역|매매 ?내역|체결|히스토리|최근 ?거래|거래 ?기록/, /\b(trade history|trading history|my trades|fills?|transactions?|recent trades|trades)\b/]],
  ['performance', [/성과|샤프|낙폭|승률|드로다운|성적/, /\b(performance|sharpe|drawdown|win ?rate|metrics|stats)\b/]],
  ['pnl', [/수익|손익|손실|벌었|잃었|이익|손해|플러스|마이너스/, /\b(profits?|loss(es)?|p&l|pnl|p\/l|gains?|returns?|how am i doing|made money|lost money|up or down)\b/]],
  ['portfolio', [/포트폴리오|잔고|자산|보유|내 ?코인|현금|가지고 ?있|갖고 ?있|계좌|평가액|내 .*(얼마|몇)/, /\b(balance|portfolio|holdings?|my coins|cash|how much do i (have|own)|do i (have|own|hold)|positions?|account|my \w+ (worth|value))\b/]],
  ['price', [/가격|시세|얼마|현재가|몇 ?달러|시가|종가/, /\b(price|prices|how much|worth|cost|quote|trading at|value of|rate)\b/]],
  ['help', [/안녕|도움|도와|뭘 할 수|무엇을 할 수|할 수 있|기능|사용법|하이|헬로/, /\b(hello|hi|hey|help|what can you do|how do you work|commands)\b/]],
];

export function classify(text: string): Intent | undefined {
  const lower = text.toLowerCase();
  for (const [intent, matchers] of RULES) if (matchers.some((m) => m.test(lower))) return intent;
  return undefined;
}

/** The question asks about someone else's account ("user 2's portfolio", "다른 사용자"). */
export function mentionsOtherUser(text: string): boolean {
  return /\b(user|account|id)\s*#?\s*\d+|other (user|people|person|account)s?|someone else|another user|admin/i.test(text) || /다른 ?(사용자|사람|유저|계정)|사용자 ?\d|유저 ?\d|관리자/.test(text);
}
