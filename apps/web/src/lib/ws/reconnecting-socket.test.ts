import { afterEach, describe, expect, it, vi } from 'vitest';
import { FakeWebSocket } from '@/testing/fake-web-socket';
import { ReconnectingSocket } from './reconnecting-socket';

function socketFor(onOpen = vi.fn(), onMessage = vi.fn()) {
  return new ReconnectingSocket({ url: () => 'ws://test/ws/orders', onOpen, onMessage, WebSocketImpl: FakeWebSocket, random: () => 0 });
}

describe('reconnecting socket stop', () => {
  afterEach(() => FakeWebSocket.reset());

  it('when stopped while still connecting, then it is closed once it opens (no browser warning), without running onOpen or reconnecting', () => {
    const onOpen = vi.fn();
    const client = socketFor(onOpen);
    client.start();
    const socket = FakeWebSocket.latest();
    const close = vi.spyOn(socket, 'close');

    client.stop();
    expect(close, 'not closed while connecting').not.toHaveBeenCalled();
    socket.open();
    expect(close).toHaveBeenCalledWith(1000, 'client closed');
    expect(onOpen, 'the stopped client does not subscribe').not.toHaveBeenCalled();
    expect(FakeWebSocket.instances, 'no reconnect after the deferred close').toHaveLength(1);
    expect(client.status).toBe('idle');
  });

  it('when stopped while open, then it closes at once and later frames are ignored', () => {
    const onMessage = vi.fn();
    const client = socketFor(vi.fn(), onMessage);
    client.start();
    const socket = FakeWebSocket.latest();
    socket.open();
    const close = vi.spyOn(socket, 'close');

    client.stop();
    expect(close).toHaveBeenCalledWith(1000, 'client closed');
    socket.receive({ type: 'order' });
    expect(onMessage).not.toHaveBeenCalled();
    expect(FakeWebSocket.instances).toHaveLength(1);
  });
});
