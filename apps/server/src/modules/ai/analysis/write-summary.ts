/**
 * The analysis summary, written from the response's own numbers only (formatted by
 * format-numbers.ts), in Korean or English. It describes; it never recommends a trade or
 * suggests a gain, and it says so.
 */
import type { AnalysisResponse } from '@cryptosim/contracts';
import { formatPercent as pct, formatValue as val } from './format-numbers.js';
import type { SummaryLanguage } from './pick-language.js';

export type AnalysisFacts = Omit<AnalysisResponse, 'summary'>;

const OVERBOUGHT = 70;
const OVERSOLD = 30;
type Zone = 'overbought' | 'oversold' | 'neutral';
const zoneOf = (rsi: number): Zone => (rsi > OVERBOUGHT ? 'overbought' : rsi < OVERSOLD ? 'oversold' : 'neutral');

export function writeSummary(f: AnalysisFacts, lang: SummaryLanguage): string {
  return (lang === 'ko' ? korean(f) : english(f)).join(' ');
}

function english(f: AnalysisFacts): string[] {
  const i = f.indicators;
  const out: string[] = [];
  if (i.sma20 === null || i.ema50 === null) {
    out.push(`${f.symbol}: not enough closed hourly bars yet for the moving averages, so no trend is given.`);
  } else {
    const trend = {
      UP: 'rising: the price is above its short moving average, which is above the long one',
      DOWN: 'falling: the price is below its short moving average, which is below the long one',
      SIDEWAYS: 'sideways: the price and the moving averages do not line up',
    }[f.trend];
    out.push(`${f.symbol} on closed hourly bars, trend ${trend} (short ${val(i.sma20)}, long ${val(i.ema50)}).`);
  }
  if (i.rsi14 !== null) out.push(`RSI is ${val(i.rsi14)}, ${{ overbought: 'in the overbought zone', oversold: 'in the oversold zone', neutral: 'in the neutral zone' }[zoneOf(i.rsi14)]}.`);
  if (i.macd !== null && i.macdSignal !== null && i.macdHistogram !== null)
    out.push(`MACD ${val(i.macd)} against its signal line ${val(i.macdSignal)}, histogram ${val(i.macdHistogram)} (${i.macdHistogram >= 0 ? 'upward' : 'downward'} momentum).`);
  if (i.bollingerLower !== null && i.bollingerUpper !== null) out.push(`Bollinger bands span ${val(i.bollingerLower)} to ${val(i.bollingerUpper)}.`);
  if (i.atr14 !== null && i.volatility !== null) out.push(`Average true range ${val(i.atr14)}; hourly volatility ${pct(i.volatility)}.`);
  const p = f.prediction;
  if (p) {
    const pr = p.probabilities;
    out.push(`The model's most likely outcome for the next bar is ${p.label} (UP ${pct(pr.UP)}, DOWN ${pct(pr.DOWN)}, FLAT ${pct(pr.FLAT)}).`);
    const tr = p.trackRecord;
    if (tr.scored === 0 || tr.accuracy === null) out.push(`None of its predictions for ${f.symbol} has been scored yet.`);
    else {
      const [majority, persistence] = [tr.baselines.majority.accuracy, tr.baselines.persistence.accuracy];
      out.push(
        `Of its ${tr.scored} scored predictions for ${f.symbol}, ${pct(tr.accuracy)} were right` +
          (majority !== null && persistence !== null ? ` (majority baseline ${pct(majority)}, persistence baseline ${pct(persistence)}).` : '.'),
      );
    }
  } else {
    out.push('No model prediction is available right now.');
  }
  out.push('This describes past prices and a statistical model; it is not investment advice and guarantees no result.');
  return out;
}

function korean(f: AnalysisFacts): string[] {
  const i = f.indicators;
  const out: string[] = [];
  if (i.sma20 === null || i.ema50 === null) {
    out.push(`${f.symbol}: 이동평균을 계산할 만큼 마감된 시간봉이 아직 없어 추세를 제시하지 않습니다.`);
  } else {
    const trend = {
      UP: '상승: 가격이 단기 이동평균 위에, 단기 이동평균이 장기 이동평균 위에 있습니다',
      DOWN: '하락: 가격이 단기 이동평균 아래에, 단기 이동평균이 장기 이동평균 아래에 있습니다',
      SIDEWAYS: '횡보: 가격과 이동평균의 방향이 엇갈립니다',
    }[f.trend];
    out.push(`${f.symbol} 마감된 시간봉 기준 추세 ${trend} (단기 이동평균 ${val(i.sma20)}, 장기 이동평균 ${val(i.ema50)}).`);
  }
  if (i.rsi14 !== null) out.push(`RSI ${val(i.rsi14)}: ${{ overbought: '과매수 구간', oversold: '과매도 구간', neutral: '중립 구간' }[zoneOf(i.rsi14)]}입니다.`);
  if (i.macd !== null && i.macdSignal !== null && i.macdHistogram !== null)
    out.push(`MACD ${val(i.macd)}, 시그널 ${val(i.macdSignal)}, 히스토그램 ${val(i.macdHistogram)} (${i.macdHistogram >= 0 ? '상승' : '하락'} 모멘텀).`);
  if (i.bollingerLower !== null && i.bollingerUpper !== null) out.push(`볼린저 밴드는 ${val(i.bollingerLower)}에서 ${val(i.bollingerUpper)} 사이입니다.`);
  if (i.atr14 !== null && i.volatility !== null) out.push(`평균 실제 범위(ATR) ${val(i.atr14)}, 시간당 변동성 ${pct(i.volatility)}.`);
  const p = f.prediction;
  if (p) {
    const pr = p.probabilities;
    const label = { UP: '상승(UP)', DOWN: '하락(DOWN)', FLAT: '보합(FLAT)' }[p.label];
    out.push(`모델이 본 다음 봉의 가장 가능성 높은 결과는 ${label}입니다 (UP ${pct(pr.UP)}, DOWN ${pct(pr.DOWN)}, FLAT ${pct(pr.FLAT)}).`);
    const tr = p.trackRecord;
    if (tr.scored === 0 || tr.accuracy === null) out.push(`${f.symbol}에 대한 예측 중 아직 채점된 것이 없습니다.`);
    else {
      const [majority, persistence] = [tr.baselines.majority.accuracy, tr.baselines.persistence.accuracy];
      out.push(
        `${f.symbol}에 대해 채점된 예측 ${tr.scored}건의 적중률은 ${pct(tr.accuracy)}입니다` +
          (majority !== null && persistence !== null ? ` (최빈값 기준선 ${pct(majority)}, 직전 방향 기준선 ${pct(persistence)}).` : '.'),
      );
    }
  } else {
    out.push('지금은 모델 예측을 제공할 수 없습니다.');
  }
  out.push('이 내용은 과거 가격과 통계 모델에 대한 설명일 뿐 투자 조언이 아니며, 어떤 결과도 보장하지 않습니다.');
  return out;
}
