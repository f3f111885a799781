import { Writable } from 'node:stream';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { TurnBatcher } from './turn-batcher.js';

/** A stream that records each write call it gets: one array of chunks per call. */
function recordingStream() {
  const calls: string[][] = [];
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
  return { stream, calls };
}

describe('TurnBatcher', () => {
  it('when several frames are written in one turn, then they reach the stream in one write, in order, on the next turn', async () => {
    const batcher = new TurnBatcher();
    const { stream, calls } = recordingStream();
    for (const frame of ['a', 'b', 'c']) {
      batcher.hold(stream);
      stream.write(frame);
    }
    expect(calls, 'nothing may be written before the turn ends').toEqual([]);
    await nextTurn();
    expect(calls, 'the turn\'s frames must go out together and in order').toEqual([['a', 'b', 'c']]);
  });

  it('when two streams are written in one turn, then each gets its own frames and neither stays corked', async () => {
    const batcher = new TurnBatcher();
    const one = recordingStream();
    const two = recordingStream();
    batcher.hold(one.stream);
    one.stream.write('1');
    batcher.hold(two.stream);
    two.stream.write('2');
    await nextTurn();
    expect(one.calls).toEqual([['1']]);
    expect(two.calls).toEqual([['2']]);
    expect(one.stream.writableCorked + two.stream.writableCorked, 'a stream left corked would never send again').toBe(0);
  });

  it('when a stream was flushed, then a later turn batches it again', async () => {
    const batcher = new TurnBatcher();
    const { stream, calls } = recordingStream();
    batcher.hold(stream);
    stream.write('first');
    await nextTurn();
    batcher.hold(stream);
    stream.write('second');
    stream.write('third');
    expect(calls, 'the second turn\'s frames wait for its end').toEqual([['first']]);
    await nextTurn();
    expect(calls).toEqual([['first'], ['second', 'third']]);
  });

  it('when a stream is already destroyed, then it is not corked', () => {
    const batcher = new TurnBatcher();
    const { stream } = recordingStream();
    stream.destroy();
    batcher.hold(stream);
    expect(stream.writableCorked).toBe(0);
  });
});
