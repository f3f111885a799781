import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';
import { textFrame } from './text-frame.js';

/**
 * A real ws server whose connections get `frames` written straight to their TCP socket, and a
 * real ws client (with UTF-8 validation on) that must parse them as text messages.
 */
let server: WebSocketServer;
let frames: Buffer[] = [];

beforeAll(async () => {
  server = new WebSocketServer({ port: 0, host: '127.0.0.1' });
  server.on('connection', (_socket, request) => {
    for (const frame of frames) request.socket.write(frame);
  });
  await new Promise((resolve) => server.once('listening', resolve));
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

function received(count: number): Promise<string[]> {
  const { port } = server.address() as AddressInfo;
  const client = new WebSocket(`ws://127.0.0.1:${port}`);
  const messages: string[] = [];
  return new Promise((resolve, reject) => {
    client.on('error', reject);
    client.on('close', (code) => reject(new Error(`closed with ${code} after ${messages.length} message(s)`)));
    client.on('message', (data: Buffer, isBinary) => {
      if (isBinary) return reject(new Error('got a binary message'));
      messages.push(data.toString());
      if (messages.length === count) {
        client.removeAllListeners('close');
        client.terminate();
        resolve(messages);
      }
    });
  });
}

describe('textFrame', () => {
  it.each([
    ['a 1-byte payload', 1],
    ['the largest 7-bit length', 125],
    ['the smallest 16-bit length', 126],
    ['the largest 16-bit length', 65_535],
    ['the smallest 64-bit length', 65_536],
  ])('when the payload is %s, then a ws client gets one text message with exactly that text', async (_name, bytes) => {
    // Two-byte characters, so a wrong length would also split one and fail UTF-8 validation.
    const text = 'é'.repeat(Math.floor(bytes / 2)) + 'x'.repeat(bytes % 2);
    expect(Buffer.byteLength(text)).toBe(bytes);
    frames = [textFrame(Buffer.from(text))];
    expect(await received(1)).toEqual([text]);
  });

  it('when frames are written back to back, then the client gets them as separate messages, in order', async () => {
    const texts = ['{"a":1}', '{"b":"가격"}', 'x'.repeat(300)];
    frames = texts.map((t) => textFrame(Buffer.from(t)));
    expect(await received(3)).toEqual(texts);
  });
});
