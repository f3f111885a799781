import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocketServer, type WebSocket } from 'ws';
import { LeanWebSocket } from './lean-ws-client.js';

/** A real ws server; `onConnection` gets the ws socket and the raw TCP stream under it. */
let server: WebSocketServer | undefined;

async function serve(onConnection: (socket: WebSocket, raw: Duplex) => void): Promise<string> {
  server = new WebSocketServer({ port: 0, host: '127.0.0.1' });
  server.on('connection', (socket, request) => onConnection(socket, request.socket));
  await new Promise((resolve) => server!.once('listening', resolve));
  return `ws://127.0.0.1:${(server.address() as AddressInfo).port}/x`;
}

afterEach(async () => {
  for (const client of server?.clients ?? []) client.terminate();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  server = undefined;
});

/** Connects and collects `count` text messages, or fails with the client's error. */
function collect(url: string, count: number): Promise<{ messages: string[]; client: LeanWebSocket }> {
  const messages: string[] = [];
  return new Promise((resolve, reject) => {
    let client: LeanWebSocket | undefined;
    const done = () => messages.length === count && client && resolve({ messages, client });
    LeanWebSocket.connect(url, {
      onText: (payload) => {
        messages.push(payload.toString());
        done();
      },
      onClose: (err) => reject(err ?? new Error(`closed after ${messages.length} message(s)`)),
    }).then((c) => {
      client = c;
      done();
    }, reject);
  });
}

describe('LeanWebSocket', () => {
  it('when ws sends text of every length encoding, then each arrives whole and in order', async () => {
    const texts = ['a', 'é'.repeat(100), 'x'.repeat(70_000), '{"type":"ticker"}'];
    const url = await serve((socket) => texts.forEach((t) => socket.send(t)));
    const { messages, client } = await collect(url, texts.length);
    expect(messages).toEqual(texts);
    client.terminate();
  });

  it('when a frame is split across two TCP reads, then it is still parsed as one message', async () => {
    const url = await serve((_socket, raw) => {
      const frame = Buffer.concat([Buffer.from([0x81, 5]), Buffer.from('hello')]);
      raw.write(frame.subarray(0, 3));
      setTimeout(() => raw.write(frame.subarray(3)), 50);
    });
    const { messages, client } = await collect(url, 1);
    expect(messages).toEqual(['hello']);
    client.terminate();
  });

  it('when the client sends text and the server pings, then ws gets the text and a pong with the ping data', async () => {
    let received: Promise<[string, string]> | undefined;
    const url = await serve((socket) => {
      received = Promise.all([
        new Promise<string>((resolve) => socket.once('message', (data: Buffer) => resolve(data.toString()))),
        new Promise<string>((resolve) => socket.once('pong', (data: Buffer) => resolve(data.toString()))),
      ]);
      socket.ping('are-you-there');
    });
    const client = await LeanWebSocket.connect(url, { onText: () => undefined });
    client.sendText('{"op":"subscribe","symbols":["BTCUSDT"]}');
    await expect.poll(() => received).toBeDefined();
    expect(await received).toEqual(['{"op":"subscribe","symbols":["BTCUSDT"]}', 'are-you-there']);
    client.terminate();
  });

  it('when the server sends a masked frame, then the client closes with a protocol error instead of reading it', async () => {
    const url = await serve((_socket, raw) => raw.write(Buffer.from([0x81, 0x81, 1, 2, 3, 4, 0x61])));
    await expect(collect(url, 1)).rejects.toThrow('WebSocket protocol: masked server frame');
  });
});
