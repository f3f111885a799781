import { describe, expect, it } from 'vitest';
import { DEFAULT_CHART_LAYOUT, type ChartLayout } from '@cryptosim/contracts';
import { hasLayoutQuery, mergeLayout, parseLayoutQuery, readPeriodInput, writeLayoutQuery } from './chart-layout-query';

const saved: ChartLayout = { interval: '4h', indicators: ['sma', 'rsi'], periods: { sma: 30, ema: 40, bollinger: 25, bollingerWidth: 2.5, rsi: 10 } };

describe('chart layout in the URL', () => {
  it('when a layout is written and read back, then it is the same layout, and other parameters are kept', () => {
    const params = writeLayoutQuery(new URLSearchParams('side=buy'), saved);
    expect(params.get('side')).toBe('buy');
    expect(hasLayoutQuery(params)).toBe(true);
    expect(mergeLayout(DEFAULT_CHART_LAYOUT, parseLayoutQuery(params))).toEqual(saved);
  });

  it('when the URL names only some parts, then they win and the saved layout fills the rest', () => {
    const query = parseLayoutQuery(new URLSearchParams('tf=1w&ema=9'));
    expect(mergeLayout(saved, query)).toEqual({ ...saved, interval: '1w', periods: { ...saved.periods, ema: 9 } });
  });

  it('when values are unknown or out of bounds, then they are ignored', () => {
    const query = parseLayoutQuery(new URLSearchParams('tf=2h&ind=macd,ema,ema&sma=1&rsi=14.5&bbw=9&bb=abc&ema=300'));
    expect(query).toEqual({ indicators: ['ema'] });
    expect(parseLayoutQuery(new URLSearchParams('ind=')).indicators, 'an empty list means none').toEqual([]);
  });

  it('when the URL has no layout parameter, then it does not count as one', () => {
    expect(hasLayoutQuery(new URLSearchParams('side=buy'))).toBe(false);
  });
});

describe('readPeriodInput', () => {
  it('when the text is a number within bounds, then it is accepted (σ may be fractional, a comma counts as a point)', () => {
    expect(readPeriodInput('sma', ' 34 ')).toEqual({ value: 34 });
    expect(readPeriodInput('bollingerWidth', '2,5')).toEqual({ value: 2.5 });
  });

  it('when the text is empty, fractional for a length, or out of bounds, then it is refused with the reason', () => {
    expect(readPeriodInput('rsi', '')).toEqual({ error: 'required' });
    expect(readPeriodInput('rsi', '14.5')).toEqual({ error: 'range' });
    expect(readPeriodInput('ema', '1')).toEqual({ error: 'range' });
    expect(readPeriodInput('sma', '201')).toEqual({ error: 'range' });
    expect(readPeriodInput('bollingerWidth', '0.4')).toEqual({ error: 'range' });
    expect(readPeriodInput('sma', '2e1')).toEqual({ value: 20 });
  });
});
