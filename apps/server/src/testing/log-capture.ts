/**
 * A pino logger that keeps every line it writes, for tests that check what reaches the log
 * (credentials must not): pass `logger` to startTestApp, then read `text()`.
 */
import { Writable } from 'node:stream';
import { pino } from 'pino';

export interface LogCapture {
  logger: pino.Logger;
  /** Everything logged so far, one JSON line per entry. */
  text(): string;
}

export function captureLog(level: pino.LevelWithSilent): LogCapture {
  const lines: string[] = [];
  const sink = new Writable({ write: (chunk: Buffer, _enc, done) => (lines.push(chunk.toString()), done()) });
  return { logger: pino({ level }, sink), text: () => lines.join('') };
}
