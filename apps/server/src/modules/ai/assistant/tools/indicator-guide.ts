/** What each indicator of the analysis measures, in both languages, and the RSI zones write-summary.ts uses. */
import type { ChatLanguage } from '@cryptosim/contracts';

export const INDICATORS = ['rsi', 'macd', 'bollinger', 'sma', 'ema', 'atr', 'volatility'] as const;
export type Indicator = (typeof INDICATORS)[number];

export const RSI_ZONES = { overboughtAbove: 70, oversoldBelow: 30 };
export type RsiZone = 'overbought' | 'oversold' | 'neutral';

export function rsiZone(rsi: number): RsiZone {
  return rsi > RSI_ZONES.overboughtAbove ? 'overbought' : rsi < RSI_ZONES.oversoldBelow ? 'oversold' : 'neutral';
}

export const INDICATOR_GUIDE: Record<Indicator, { name: string } & Record<ChatLanguage, string>> = {
  rsi: {
    name: 'RSI',
    en: 'The Relative Strength Index compares the size of recent gains with recent losses over 14 bars, on a scale of 0 to 100. Above 70 is usually read as overbought (the price rose fast and may be stretched), below 30 as oversold. It describes momentum; it does not say what the price will do next.',
    ko: 'RSI(상대강도지수)는 최근 14개 봉의 상승폭과 하락폭을 비교해 0에서 100 사이로 나타냅니다. 70 위는 흔히 과매수(가격이 빠르게 올라 과열됐을 수 있음), 30 아래는 과매도로 읽습니다. 모멘텀을 설명할 뿐 다음 가격을 알려주지는 않습니다.',
  },
  macd: {
    name: 'MACD',
    en: 'MACD is the gap between a fast (12) and a slow (26) exponential moving average; its signal line is a 9-bar average of it, and the histogram is MACD minus the signal. A positive histogram means upward momentum has been growing, a negative one downward.',
    ko: 'MACD는 빠른(12) 지수이동평균과 느린(26) 지수이동평균의 차이이고, 시그널선은 그 9개 봉 평균, 히스토그램은 MACD에서 시그널을 뺀 값입니다. 히스토그램이 양수면 상승 모멘텀이, 음수면 하락 모멘텀이 커지고 있다는 뜻입니다.',
  },
  bollinger: {
    name: 'Bollinger Bands',
    en: 'Bollinger bands are a 20-bar moving average with bands 2 standard deviations above and below. Wide bands mean a volatile market; a price near the upper band is high relative to its recent range, near the lower band low.',
    ko: '볼린저 밴드는 20개 봉 이동평균과 그 위아래 2 표준편차 밴드입니다. 밴드가 넓으면 변동성이 큰 시장이고, 가격이 상단 밴드 근처면 최근 범위에 비해 높은 편, 하단 근처면 낮은 편입니다.',
  },
  sma: {
    name: 'SMA',
    en: 'The simple moving average is the plain mean of the last closes (20 bars here); it smooths noise and shows the short-term direction.',
    ko: '단순이동평균(SMA)은 최근 종가(여기서는 20개 봉)의 단순 평균으로, 잡음을 줄여 단기 방향을 보여 줍니다.',
  },
  ema: {
    name: 'EMA',
    en: 'The exponential moving average weights recent closes more (50 bars here); the analysis compares it with the SMA 20 to label the trend.',
    ko: '지수이동평균(EMA)은 최근 종가에 더 큰 가중치를 둡니다(여기서는 50개 봉). 분석은 이를 SMA 20과 비교해 추세를 정합니다.',
  },
  atr: {
    name: 'ATR',
    en: 'The average true range is the mean size of a bar’s full move (14 bars here), in price units: how far the price typically travels in one bar.',
    ko: 'ATR(평균 실제 범위)은 봉 하나의 전체 움직임 크기의 평균(여기서는 14개 봉)으로, 가격 단위로 한 봉 동안 보통 얼마나 움직이는지 보여 줍니다.',
  },
  volatility: {
    name: 'Volatility',
    en: 'Volatility here is the standard deviation of the last 24 hourly log returns: the typical size of an hourly move, as a percentage.',
    ko: '여기서 변동성은 최근 24개 시간봉 로그 수익률의 표준편차로, 한 시간 동안의 전형적인 움직임 크기를 백분율로 나타냅니다.',
  },
};
