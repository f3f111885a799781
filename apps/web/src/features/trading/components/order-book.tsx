import ButtonBase from '@mui/material/ButtonBase';
import Chip from '@mui/material/Chip';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { PriceRow, SymbolInfo } from '@cryptosim/contracts';
import { Dec } from '@cryptosim/trading-rules';
import { Panel } from '@/components/panel';
import { useFormat, useT } from '@/lib/i18n';
import { useMarketStatus } from '@/lib/market';
import { useDepth } from '../api/get-depth';
import { useBookFill } from '../hooks/use-book-fill';
import { depthBook } from '../rules/depth-book';
import { simulatedBook, type BookLevel, type SimulatedBook } from '../rules/simulated-book';
import { DepthChart } from './depth-chart';

const numeric = { fontVariantNumeric: 'tabular-nums', py: 0.25, px: 1 } as const;

// A whole cell is the click target, drawn as plain text: the book stays a dense table.
const cellButton = {
  font: 'inherit',
  color: 'inherit',
  width: '100%',
  px: 1,
  py: 0.25,
  borderRadius: 0.5,
  '&:hover': { bgcolor: 'action.hover' },
  '&.Mui-focusVisible': { outline: 2, outlineColor: 'primary.main', outlineStyle: 'solid' },
} as const;

interface LevelProps {
  level: BookLevel;
  side: 'bid' | 'ask';
  deepest: number;
  rules: SymbolInfo;
  fill: ReturnType<typeof useBookFill>;
}

function Level({ level, side, deepest, rules, fill }: LevelProps) {
  const t = useT();
  const format = useFormat();
  const share = Math.min(100, (Number(level.cumulative) / deepest) * 100);
  const colour = side === 'bid' ? 'rgba(46, 125, 50, 0.16)' : 'rgba(211, 47, 47, 0.16)';
  const price = format.price(level.price, rules.tickSize);
  const quantity = format.quantity(level.quantity, rules.stepSize);
  return (
    <TableRow sx={{ background: `linear-gradient(to left, ${colour} ${share}%, transparent ${share}%)` }}>
      <TableCell sx={{ ...numeric, px: 0, color: side === 'bid' ? 'up.main' : 'down.main' }}>
        <ButtonBase sx={{ ...cellButton, justifyContent: 'flex-start' }} aria-label={t('book.usePrice', { price })} onClick={() => fill.fillPrice(level.price)}>
          {price}
        </ButtonBase>
      </TableCell>
      <TableCell align="right" sx={{ ...numeric, px: 0 }}>
        <ButtonBase sx={{ ...cellButton, justifyContent: 'flex-end' }} aria-label={t('book.useAmount', { quantity, asset: rules.baseAsset })} onClick={() => fill.fillAmount(level.quantity)}>
          {quantity}
        </ButtonBase>
      </TableCell>
      <TableCell align="right" sx={numeric}>{format.price(new Dec(level.price).times(level.quantity).toFixed(), '0.01')}</TableCell>
    </TableRow>
  );
}

/**
 * Depth around the live price: Binance's real book (polled) when prices come from Binance,
 * otherwise a simulated book (simulatedBook). The chip and caption always say which one it is;
 * if the real book cannot be had, the panel falls back to the simulated one and says so.
 * A price fills the ticket's limit price, a size its amount (useBookFill); the depth chart
 * under the table draws the same levels' running totals.
 */
export function OrderBook({ row, rules, depth = 8 }: { row: PriceRow | undefined; rules: SymbolInfo; depth?: number }) {
  const t = useT();
  const format = useFormat();
  const { data: status } = useMarketStatus();
  const fill = useBookFill(rules.symbol);
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
            <TableCell align="right" sx={numeric}>{t('book.total', { asset: rules.quoteAsset })}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {/* Keyed by distance from the touch: as the price moves the rows keep their DOM, so a
              focused or pressed button is not swapped out under the pointer or keyboard. */}
          {[...book.asks].reverse().map((level, i, asks) => (
            <Level key={`a${asks.length - i}`} level={level} side="ask" deepest={deepest} rules={rules} fill={fill} />
          ))}
          <TableRow>
            <TableCell colSpan={3} sx={{ ...numeric, py: 0.75, fontWeight: 700 }}>
              {t('book.last', { price: format.price(row.price, rules.tickSize) })}
            </TableCell>
          </TableRow>
          {book.bids.map((level, i) => (
            <Level key={`b${i}`} level={level} side="bid" deepest={deepest} rules={rules} fill={fill} />
          ))}
        </TableBody>
      </Table>
      <Typography variant="caption" color="text.secondary" component="p" sx={{ mt: 0.5 }}>
        {t('book.clickHint')}
      </Typography>
      <DepthChart book={book} rules={rules} />
    </Panel>
  );
}
