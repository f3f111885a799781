import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeWebSocket } from '@/testing/fake-web-socket';
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

  it('when started, then it connects without the token in the URL, sends it as the first frame and passes frames on', () => {
    const { onFrame } = open('a b/c');
    const socket = FakeWebSocket.latest();
    expect(socket.url).toBe('ws://localhost:3000/ws/orders');
    socket.open();
    expect(socket.sent).toEqual([{ op: 'auth', token: 'a b/c' }]);
    socket.receive({ type: 'authenticated', userId: 1, expiresAt: 1 });
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

  it('when the auth frame is refused, then it asks for a new token and does not retry with the old one', async () => {
    const { onUnauthorized, onFrame } = open('expired');
    FakeWebSocket.latest().open();
    FakeWebSocket.latest().receive({ type: 'error', code: 'UNAUTHORIZED', message: 'expired' });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
    expect(onFrame).not.toHaveBeenCalled();
    expect(FakeWebSocket.instances).toHaveLength(1);
  });

  it('when it reconnects, then it authenticates the new socket with the token current then', async () => {
    let token = 'first';
    const stream = new UserStream({ channel: 'portfolio', token: () => token, onFrame: vi.fn(), onUnauthorized: vi.fn(), WebSocketImpl: FakeWebSocket, initialDelayMs: 100, random: () => 1 });
    stream.start();
    FakeWebSocket.latest().open();
    token = 'second';
    FakeWebSocket.latest().drop(1006);
    await vi.advanceTimersByTimeAsync(100);
    const again = FakeWebSocket.latest();
    again.open();
    expect(again.url).toBe('ws://localhost:3000/ws/portfolio');
    expect(again.sent).toEqual([{ op: 'auth', token: 'second' }]);
    stream.stop();
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
