import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeWebSocket } from '@/testing/fake-web-socket';
import { PriceStream } from './price-stream';

describe('price stream', () => {
  beforeEach(() => {
    FakeWebSocket.reset();
    vi.useFakeTimers();
  });
  afterEach(() => vi.useRealTimers());

  const makeStream = () =>
    new PriceStream({ url: () => 'ws://test/ws/prices', WebSocketImpl: FakeWebSocket, initialDelayMs: 100, random: () => 1 });

  it('when the connection drops, then it reconnects after a backoff and sends every live subscription again', async () => {
    const stream = makeStream();
    stream.subscribe(['BTCUSDT', 'ETHUSDT'], ['ticker']);
    stream.subscribe(['BTCUSDT'], ['kline_1m']);
    const first = FakeWebSocket.latest();
    first.open();

    first.drop();
    expect(stream.status).toBe('reconnecting');
    expect(FakeWebSocket.instances, 'no new socket before the backoff elapses').toHaveLength(1);
    await vi.advanceTimersByTimeAsync(100);
    const second = FakeWebSocket.latest();
    expect(second).not.toBe(first);
    second.open();

    expect(second.sent).toEqual([
      { op: 'subscribe', symbols: ['BTCUSDT', 'ETHUSDT'], channels: ['ticker'] },
      { op: 'subscribe', symbols: ['BTCUSDT'], channels: ['kline_1m'] },
    ]);
    expect(stream.status).toBe('open');
  });

  it('when reconnects keep failing, then each wait doubles up to the cap and resets after a success', async () => {
    const stream = makeStream();
    stream.subscribe(['BTCUSDT'], ['ticker']);
    FakeWebSocket.latest().drop();
    await vi.advanceTimersByTimeAsync(100);
    FakeWebSocket.latest().drop();
    await vi.advanceTimersByTimeAsync(199);
    expect(FakeWebSocket.instances, 'second retry waits 200 ms').toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(FakeWebSocket.instances).toHaveLength(3);

    FakeWebSocket.latest().open();
    FakeWebSocket.latest().drop();
    await vi.advanceTimersByTimeAsync(100);
    expect(FakeWebSocket.instances, 'after an open the backoff starts over at 100 ms').toHaveLength(4);
  });

  it('when two components share a symbol, then only the last unsubscribe reaches the server', () => {
    const stream = makeStream();
    const a = stream.subscribe(['BTCUSDT'], ['ticker']);
    const socket = FakeWebSocket.latest();
    socket.open();
    const b = stream.subscribe(['BTCUSDT'], ['ticker']);

    a();
    expect(socket.sent, 'still one subscriber left').toHaveLength(1);
    b();
    expect(socket.sent.at(-1)).toEqual({ op: 'unsubscribe', symbols: ['BTCUSDT'], channels: ['ticker'] });
  });

  it('when frames arrive, then every listener gets them parsed', () => {
    const stream = makeStream();
    const listener = vi.fn();
    stream.onFrame(listener);
    stream.subscribe(['BTCUSDT'], ['ticker']);
    FakeWebSocket.latest().open();

    FakeWebSocket.latest().receive({ type: 'pong', time: 1 });

    expect(listener).toHaveBeenCalledWith({ type: 'pong', time: 1 });
  });

  it('when closed by the app, then it does not reconnect', async () => {
    const stream = makeStream();
    stream.subscribe(['BTCUSDT'], ['ticker']);
    FakeWebSocket.latest().open();

    stream.close();
    await vi.advanceTimersByTimeAsync(60_000);

    expect(FakeWebSocket.instances).toHaveLength(1);
    expect(stream.status).toBe('idle');
  });
});
