import { Writable } from 'node:stream';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { newTurnMark, TurnBatcher } from './turn-batcher.js';

/** A stream that records each write call it gets: one array of chunks per call. */
function recordingStream() {
  const calls: string[][] = [];
  const mark = newTurnMark();
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      calls.push([chunk.toString()]);
      done();
    },
    writev(chunks, done) {
      calls.push(chunks.map((c) => String(c.chunk)));
      done();
    },
  });
  return { stream, calls, mark };
}

describe('TurnBatcher', () => {
  it('when several frames are written in one turn, then the first goes at once and the rest in one write, in order, on the next turn', async () => {
    const batcher = new TurnBatcher();
    const { stream, calls, mark } = recordingStream();
    for (const frame of ['a', 'b', 'c', 'd']) {
      batcher.hold(stream, mark);
      stream.write(frame);
    }
    expect(calls, 'the first frame of a turn must not wait for the turn to end').toEqual([['a']]);
    await nextTurn();
    expect(calls, 'the turn\'s later frames must go out together and in order').toEqual([['a'], ['b', 'c', 'd']]);
  });

  it('when two streams are written in one turn, then each gets its own frames and neither stays corked', async () => {
    const batcher = new TurnBatcher();
    const one = recordingStream();
    const two = recordingStream();
    for (const frame of ['1', '1b']) {
      batcher.hold(one.stream, one.mark);
      one.stream.write(frame);
      batcher.hold(two.stream, two.mark);
      two.stream.write(frame.replace('1', '2'));
    }
    await nextTurn();
    expect(one.calls).toEqual([['1'], ['1b']]);
    expect(two.calls).toEqual([['2'], ['2b']]);
    expect(one.stream.writableCorked + two.stream.writableCorked, 'a stream left corked would never send again').toBe(0);
  });

  it('when a stream was flushed, then a later turn again sends its first frame at once and batches the rest', async () => {
    const batcher = new TurnBatcher();
    const { stream, calls, mark } = recordingStream();
    for (const frame of ['first', 'second']) {
      batcher.hold(stream, mark);
      stream.write(frame);
    }
    await nextTurn();
    for (const frame of ['third', 'fourth', 'fifth']) {
      batcher.hold(stream, mark);
      stream.write(frame);
    }
    expect(calls, 'the second turn\'s later frames wait for its end').toEqual([['first'], ['second'], ['third']]);
    await nextTurn();
    expect(calls).toEqual([['first'], ['second'], ['third'], ['fourth', 'fifth']]);
  });

  it('when a stream is already destroyed, then it is not corked', () => {
    const batcher = new TurnBatcher();
    const { stream, mark } = recordingStream();
    stream.destroy();
    batcher.hold(stream, mark);
    batcher.hold(stream, mark);
    expect(stream.writableCorked).toBe(0);
  });
});
