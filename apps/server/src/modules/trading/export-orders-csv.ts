/**
 * GET /api/trading/orders.csv: every order of the user matching the order list's filters
 * (symbol, side, status, created from / to), all runs, oldest first, streamed in pages like
 * the fills export (export-history-csv.ts), with the same RFC 4180 quoting.
 */
import { Readable } from 'node:stream';
import type { OrdersExportQuery } from '@cryptosim/contracts';
import type { Database } from '../../ports/db/db-port.js';
import { csvField } from './export-history-csv.js';
import { listOrdersAscending } from './order-repository.js';
import { toOrderView } from './order-view.js';

export const ORDERS_CSV_HEADER =
  'id,run,createdAt,updatedAt,symbol,side,type,status,quantity,price,stopPrice,timeInForce,filledQuantity,avgFillPrice,fee,rejectReason,replacedBy,replaces';
const PAGE = 1_000;

async function* lines(db: Database, userId: number, q: OrdersExportQuery): AsyncGenerator<string> {
  yield `${ORDERS_CSV_HEADER}\r\n`;
  const filter = { userId, status: q.status ?? 'all', symbol: q.symbol, side: q.side, from: q.from, to: q.to, limit: PAGE } as const;
  let afterId = 0;
  for (;;) {
    const rows = await listOrdersAscending(db, filter, afterId);
    if (rows.length === 0) return;
    let chunk = '';
    for (const row of rows) {
      const o = toOrderView(row);
      const values = [o.id, o.run, o.createdAt, o.updatedAt, o.symbol, o.side, o.type, o.status, o.quantity, o.price, o.stopPrice, o.timeInForce,
        o.filledQuantity, o.avgFillPrice, o.fee, o.rejectReason, o.replacedBy ?? null, o.replaces ?? null];
      chunk += values.map(csvField).join(',') + '\r\n';
    }
    yield chunk;
    afterId = rows[rows.length - 1]!.id;
  }
}

export function exportOrdersCsv(db: Database, userId: number, q: OrdersExportQuery = {}): Readable {
  return Readable.from(lines(db, userId, q));
}
