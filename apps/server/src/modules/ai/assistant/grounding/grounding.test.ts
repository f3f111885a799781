import { describe, expect, it } from 'vitest';
import type { ToolRun } from '../tools/tool.js';
import { checkGrounding, GroundingCorpus, markUngrounded, numbersIn } from './grounding.js';
import { GroundedStream } from './grounded-stream.js';

const run = (data: Record<string, unknown>, args: Record<string, unknown> = {}): ToolRun => ({ name: 'x', arguments: args, ok: true, data, summary: '' });
const corpus = GroundingCorpus.of([
  run({ price: '64123.45000000', changePercent24h: '-2.3456', probabilities: { UP: 0.43214 }, fee: '0.001', window: '24h', count: 3, note: 'min 1,250.5 USDT' }, { quantity: '0.01' }),
]);
const ungrounded = (text: string) => checkGrounding(text, corpus).ungrounded.map((n) => n.text);

describe('grounding check', () => {
  it('when a reply writes tool figures with separators, rounding, percentages or units, then they are grounded', () => {
    expect(ungrounded('BTC is at 64,123.45 USDT (64123.5 rounded, 64,123 whole), down 2.35% over 24h; UP 43.21%, fee 0.1%, 0.01개, 3 fills, at least 1,250.5 USDT.')).toEqual([]);
  });

  it('when a reply writes a number no tool returned, then exactly that number is flagged and can be marked', () => {
    const text = 'BTC will reach 70,000 by Friday; it is at 64,123.45 and up 12%.';
    expect(ungrounded(text)).toEqual(['70,000', '12%']);
    const marked = markUngrounded(text, checkGrounding(text, corpus).ungrounded, '[unverified]');
    expect(marked).toBe('BTC will reach 70,000 [unverified] by Friday; it is at 64,123.45 and up 12% [unverified].');
  });

  it('when rounding is shown wrongly, then the figure is not grounded', () => {
    expect(ungrounded('price 64,123.46 and 64,124')).toEqual(['64,123.46', '64,124']);
  });

  it('when digits are part of a word or a list marker, then they are not figures', () => {
    expect(numbersIn('BTCUSDT ETH2 v1.2').map((n) => n.text)).toEqual([]);
    expect(ungrounded('1. first\n2) second')).toEqual([]);
  });

  it('when text streams in pieces cut anywhere, then whole sentences are checked and an unverified figure is marked before it is sent', () => {
    const sent: string[] = [];
    const stream = new GroundedStream(() => corpus, 'en', (piece) => sent.push(piece));
    for (const piece of ['BTC is at 64,1', '23.45 now. It wi', 'll hit 99', '000 soon.', ' Bye']) stream.push(piece);
    stream.finish();
    expect(sent).toEqual(['BTC is at 64,123.45 now. ', 'It will hit 99000 [unverified] soon. ', 'Bye']);
    expect(stream.ungroundedCount).toBe(1);
    expect(stream.text).toBe(sent.join(''));
  });
});
