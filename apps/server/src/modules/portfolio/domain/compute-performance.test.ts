import { describe, expect, it } from 'vitest';
import { Dec, dec } from '@cryptosim/trading-rules';
import { computePerformance, downsample, rangeStart, toPerformanceResponse, winRate, type TradeSample } from './compute-performance.js';
import { dailyCloses, maxDrawdownPercent, sharpeRatio, totalReturnPercent, type EquitySample } from './equity-metrics.js';

const DAY = 86_400_000;
const curve = (...values: string[]): EquitySample[] => values.map((v, i) => ({ time: i * DAY, value: dec(v) }));

describe('equity metrics', () => {
  it('when equity goes 100 → 120 → 90 → 110, then return is 10 % and the drawdown 25 % (120 → 90)', () => {
    const c = curve('100', '120', '90', '110');
    expect(totalReturnPercent(c).toFixed()).toBe('10');
    expect(maxDrawdownPercent(c).toFixed()).toBe('25');
  });

  it('when equity only rises, then the drawdown is 0', () => {
    expect(maxDrawdownPercent(curve('100', '101', '130')).toFixed()).toBe('0');
  });

  it('when several samples fall on one UTC day, then the last one is the close', () => {
    const samples = [
      { time: DAY + 10, value: dec('101') },
      { time: 5, value: dec('100') },
      { time: DAY + 99, value: dec('102') },
      { time: 2 * DAY, value: dec('99') },
    ];
    expect(dailyCloses(samples).map((d) => d.toFixed())).toEqual(['100', '102', '99']);
  });

  it('when daily returns are +10 % and −5 %, then Sharpe = mean / sample stdev × √365', () => {
    // returns 0.1 and −0.05: mean 0.025, sample stdev 0.106066017…; 0.235702… × 19.104973… = 4.5031
    expect(sharpeRatio(curve('100', '110', '104.5'))?.toFixed()).toBe('4.5031');
  });

  it('when fewer than two daily returns exist, or they never vary, then Sharpe is null', () => {
    expect(sharpeRatio(curve('100', '110'))).toBeNull();
    expect(sharpeRatio([{ time: 0, value: dec('1') }, { time: 1000, value: dec('2') }, { time: 2000, value: dec('3') }])).toBeNull();
    expect(sharpeRatio(curve('100', '110', '121'))).toBeNull();
  });

  it('when the curve is empty, then every metric is neutral', () => {
    expect(computePerformance([], [])).toEqual({ totalReturnPercent: new Dec(0), maxDrawdownPercent: new Dec(0), sharpe: null, winRate: null, trades: 0, feesPaid: new Dec(0) });
  });
});

describe('trade metrics and response', () => {
  const trades: TradeSample[] = [
    { time: 1, side: 'BUY', realizedPnl: null, fee: dec('0.1') },
    { time: 2, side: 'SELL', realizedPnl: dec('5'), fee: dec('0.10500001') },
    { time: 3, side: 'SELL', realizedPnl: dec('-0.1'), fee: dec('0.09') },
    { time: 4, side: 'SELL', realizedPnl: dec('0'), fee: dec('0') },
  ];

  it('when one of three sells made money, then the win rate is 33.3333 % and a break-even sell is no win', () => {
    expect(winRate(trades)?.toFixed()).toBe('33.3333');
  });

  it('when the range has no sells, then the win rate is null', () => {
    expect(winRate([trades[0]!])).toBeNull();
  });

  it('when fills paid fees, then the fees paid are their exact sum in USDT', () => {
    expect(computePerformance([], trades).feesPaid.toFixed()).toBe('0.29500001');
  });

  it('when shaped for the API, then decimals are strings and the trade count is every fill', () => {
    const c = curve('100', '110', '104.5');
    const response = toPerformanceResponse(c, computePerformance(c, trades));
    expect(response.metrics).toEqual({ totalReturnPercent: '4.5', maxDrawdownPercent: '5', sharpe: '4.5031', winRate: '33.3333', trades: 4, feesPaid: '0.29500001' });
    expect(response.equity[2]).toEqual({ time: 2 * DAY, value: '104.5' });
  });
});

describe('ranges and downsampling', () => {
  it('when a range is chosen, then it starts that far back; all has no start', () => {
    expect(rangeStart('1d', 10 * DAY)).toBe(9 * DAY);
    expect(rangeStart('1w', 10 * DAY)).toBe(3 * DAY);
    expect(rangeStart('1m', 40 * DAY)).toBe(10 * DAY);
    expect(rangeStart('all', 10 * DAY)).toBeNull();
  });

  it('when a curve has more points than the chart wants, then it keeps at most that many, first and last included', () => {
    const long = Array.from({ length: 1441 }, (_, i) => ({ time: i * 60_000, value: dec(String(i)) }));
    const kept = downsample(long, 500);
    expect(kept.length).toBeLessThanOrEqual(500);
    expect(kept[0]?.time).toBe(0);
    expect(kept[kept.length - 1]?.time).toBe(1440 * 60_000);
    expect(downsample(long.slice(0, 10), 500)).toHaveLength(10);
  });
});
