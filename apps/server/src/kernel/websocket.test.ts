import Fastify from 'fastify';
import { WebSocket } from 'ws';
import { describe, expect, it } from 'vitest';
import { registerWebSocket } from './websocket.js';

describe('registerWebSocket', () => {
  it('when called twice (app and a module), then the plugin is registered once and routes work', async () => {
    const app = Fastify();
    await registerWebSocket(app);
    await app.register(async (scope) => {
      await registerWebSocket(scope); // a module doing its own call must not throw "already decorated"
      scope.get('/ws/echo', { websocket: true }, (socket) => {
        socket.on('message', (m: Buffer) => socket.send(m.toString()));
      });
    });
    const url = (await app.listen({ port: 0, host: '127.0.0.1' })).replace('http', 'ws');
    try {
      const ws = new WebSocket(`${url}/ws/echo`);
      await new Promise((r) => ws.once('open', r));
      ws.send('hello');
      expect(String(await new Promise((r) => ws.once('message', r)))).toBe('hello');
      ws.close();
    } finally {
      await app.close();
    }
  });

  it('when a client stops answering pings, then it is dropped; a client that answers stays', async () => {
    const app = Fastify();
    await registerWebSocket(app, { pingIntervalMs: 100 });
    app.get('/ws/idle', { websocket: true }, () => undefined);
    const url = (await app.listen({ port: 0, host: '127.0.0.1' })).replace('http', 'ws');
    try {
      const silent = new WebSocket(`${url}/ws/idle`, { autoPong: false });
      const polite = new WebSocket(`${url}/ws/idle`);
      await Promise.all([silent, polite].map((ws) => new Promise((r) => ws.once('open', r))));
      let pings = 0;
      polite.on('ping', () => (pings += 1));
      const closed = await new Promise<number>((r) => silent.once('close', (code) => r(code)));
      expect(closed).toBe(1006); // terminated without a close frame
      expect(pings).toBeGreaterThan(0);
      expect(polite.readyState).toBe(WebSocket.OPEN);
      polite.close();
    } finally {
      await app.close();
    }
  });
});
