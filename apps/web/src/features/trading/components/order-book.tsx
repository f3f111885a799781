import Chip from '@mui/material/Chip';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { PriceRow, SymbolInfo } from '@cryptosim/contracts';
import { Panel } from '@/components/panel';
import { useFormat, useT } from '@/lib/i18n';
import { useMarketStatus } from '@/lib/market';
import { useDepth } from '../api/get-depth';
import { depthBook } from '../rules/depth-book';
import { simulatedBook, type BookLevel, type SimulatedBook } from '../rules/simulated-book';

const numeric = { fontVariantNumeric: 'tabular-nums', py: 0.25, px: 1 } as const;

function Level({ level, side, deepest, rules }: { level: BookLevel; side: 'bid' | 'ask'; deepest: number; rules: SymbolInfo }) {
  const format = useFormat();
  const share = Math.min(100, (Number(level.cumulative) / deepest) * 100);
  const colour = side === 'bid' ? 'rgba(46, 125, 50, 0.16)' : 'rgba(211, 47, 47, 0.16)';
  return (
    <TableRow sx={{ background: `linear-gradient(to left, ${colour} ${share}%, transparent ${share}%)` }}>
      <TableCell sx={{ ...numeric, color: side === 'bid' ? 'up.main' : 'down.main' }}>{format.price(level.price, rules.tickSize)}</TableCell>
      <TableCell align="right" sx={numeric}>{format.quantity(level.quantity, rules.stepSize)}</TableCell>
      <TableCell align="right" sx={numeric}>{format.quantity(level.cumulative, rules.stepSize)}</TableCell>
    </TableRow>
  );
}

/**
 * Depth around the live price: Binance's real book (polled) when prices come from Binance,
 * otherwise a simulated book (simulatedBook). The chip and caption always say which one it is;
 * if the real book cannot be had, the panel falls back to the simulated one and says so.
 */
export function OrderBook({ row, rules, depth = 8 }: { row: PriceRow | undefined; rules: SymbolInfo; depth?: number }) {
  const t = useT();
  const format = useFormat();
  const { data: status } = useMarketStatus();
  const { data: real } = useDepth(rules.symbol, depth, status?.source === 'binance');
  const live = status?.source === 'binance' && real?.symbol === rules.symbol ? real : undefined;
  const badge = live ? (
    <Chip size="small" color="success" variant="outlined" label={t('book.binance')} />
  ) : (
    <Chip size="small" color="warning" variant="outlined" label={t('book.simulated')} />
  );
  if (!row) {
    return (
      <Panel title={t('book.title')} actions={badge}>
        <Typography variant="body2">{t('common.loading')}</Typography>
      </Panel>
    );
  }
  const book: SimulatedBook = live
    ? depthBook(live, depth)
    : simulatedBook({ symbol: rules.symbol, price: row.price, tickSize: rules.tickSize, stepSize: rules.stepSize, volume24h: row.volume24h }, depth);
  const deepest = Math.max(Number(book.bids.at(-1)?.cumulative ?? 1), Number(book.asks.at(-1)?.cumulative ?? 1));
  return (
    <Panel title={t('book.title')} actions={badge}>
      <Table size="small" aria-describedby="book-caption">
        <caption id="book-caption" style={{ captionSide: 'bottom', padding: '8px 0 0', textAlign: 'left' }}>
          {live ? t('book.binanceCaption') : t('book.caption')}
        </caption>
        <TableHead>
          <TableRow>
            <TableCell sx={numeric}>{t('book.price')}</TableCell>
            <TableCell align="right" sx={numeric}>{t('book.quantity', { asset: rules.baseAsset })}</TableCell>
            <TableCell align="right" sx={numeric}>{t('book.cumulative', { asset: rules.baseAsset })}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {[...book.asks].reverse().map((level) => (
            <Level key={`a${level.price}`} level={level} side="ask" deepest={deepest} rules={rules} />
          ))}
          <TableRow>
            <TableCell colSpan={3} sx={{ ...numeric, py: 0.75, fontWeight: 700 }}>
              {t('book.last', { price: format.price(row.price, rules.tickSize) })}
            </TableCell>
          </TableRow>
          {book.bids.map((level) => (
            <Level key={`b${level.price}`} level={level} side="bid" deepest={deepest} rules={rules} />
          ))}
        </TableBody>
      </Table>
    </Panel>
  );
}
