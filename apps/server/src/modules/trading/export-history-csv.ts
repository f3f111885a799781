/**
 * GET /api/trading/history.csv: every fill of the user (optionally one symbol / side), all runs, oldest first, streamed in
 * pages so a long history never sits in memory at once. Amounts are the exact decimals;
 * text fields are quoted only when they need it (RFC 4180).
 */
import { Readable } from 'node:stream';
import type { TradeHistoryExportQuery } from '@cryptosim/contracts';
import type { Database } from '../../ports/db/db-port.js';
import { listFillsAscending } from './order-repository.js';
import { toTransactionView } from './order-view.js';

export const CSV_HEADER = 'id,run,orderId,createdAt,symbol,side,quantity,price,totalAmount,fee,realizedPnl';
const PAGE = 1_000;

/** One RFC 4180 field: quoted only when it holds a quote, comma or line break. */
export const csvField = (v: string | number | null) => {
  const text = v === null ? '' : String(v);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

async function* lines(db: Database, userId: number, filter: TradeHistoryExportQuery): AsyncGenerator<string> {
  yield `${CSV_HEADER}\r\n`;
  let afterId = 0;
  for (;;) {
    const rows = await listFillsAscending(db, { userId, symbol: filter.symbol, side: filter.side, limit: PAGE }, afterId);
    if (rows.length === 0) return;
    let chunk = '';
    for (const row of rows) {
      const t = toTransactionView(row);
      chunk += [t.id, t.run, t.orderId, t.createdAt, t.symbol, t.type, t.quantity, t.price, t.totalAmount, t.fee, t.realizedPnl].map(csvField).join(',') + '\r\n';
    }
    yield chunk;
    afterId = rows[rows.length - 1]!.id;
  }
}

export function exportHistoryCsv(db: Database, userId: number, filter: TradeHistoryExportQuery = {}): Readable {
  return Readable.from(lines(db, userId, filter));
}
