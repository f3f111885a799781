import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeWebSocket } from '../../testing/fake-web-socket';
import { UserStream } from './user-stream';

describe('user stream', () => {
  beforeEach(() => {
    FakeWebSocket.reset();
    vi.useFakeTimers();
  });
  afterEach(() => vi.useRealTimers());

  const open = (token: string | null, onUnauthorized = vi.fn(), onFrame = vi.fn()) => {
    const stream = new UserStream({ channel: 'orders', token: () => token, onFrame, onUnauthorized, WebSocketImpl: FakeWebSocket, initialDelayMs: 100, random: () => 1 });
    stream.start();
    return { stream, onUnauthorized, onFrame };
  };

  it('when started, then it connects to the channel with the access token in the query and passes frames on', () => {
    const { onFrame } = open('a b/c');
    const socket = FakeWebSocket.latest();
    expect(socket.url).toBe('ws://localhost:3000/ws/orders?token=a%20b%2Fc');
    socket.open();
    socket.receive({ type: 'order', data: { id: 1 } });
    expect(onFrame).toHaveBeenCalledWith({ type: 'order', data: { id: 1 } });
  });

  it('when the server closes with 4401, then it asks for a new token and does not retry with the old one', async () => {
    const { onUnauthorized } = open('expired');
    FakeWebSocket.latest().open();
    FakeWebSocket.latest().drop(4401);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
    expect(FakeWebSocket.instances).toHaveLength(1);
  });

  it('when the connection drops for another reason, then it reconnects after a backoff', async () => {
    const { onUnauthorized } = open('good');
    FakeWebSocket.latest().drop(1006);
    await vi.advanceTimersByTimeAsync(100);
    expect(FakeWebSocket.instances).toHaveLength(2);
    expect(onUnauthorized).not.toHaveBeenCalled();
  });

  it('when there is no token, then no socket is opened', () => {
    open(null);
    expect(FakeWebSocket.instances).toHaveLength(0);
  });
});
