import { useState } from 'react';
import Chip from '@mui/material/Chip';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { MarketTrade, SymbolInfo, Transaction } from '@cryptosim/contracts';
import { Panel } from '@/components/panel';
import { useFormat, useT } from '@/lib/i18n';
import { useMarketStatus } from '@/lib/market';
import { useTradeHistory } from '@/lib/trading';
import { useRecentTrades } from '../api/get-recent-trades';
import { useSimulatedPrints } from '../hooks/use-simulated-prints';
import { mergeTape, type TapePrint } from '../rules/simulated-prints';

const numeric = { fontVariantNumeric: 'tabular-nums', py: 0.25, px: 1 } as const;

const fromBinance = (trade: MarketTrade): TapePrint => ({
  key: `b${trade.id}`,
  price: trade.price,
  quantity: trade.quantity,
  time: trade.time,
  // The maker was the buyer: a seller took the bid.
  side: trade.buyerMaker ? 'SELL' : 'BUY',
  mine: false,
});

const fromFill = (fill: Transaction): TapePrint => ({
  key: `m${fill.id}`,
  price: fill.price,
  quantity: fill.quantity,
  time: Date.parse(fill.createdAt),
  side: fill.type,
  mine: true,
});

/**
 * The symbol's tape, newest first: Binance's own trades (polled) when prices come from Binance,
 * otherwise the simulator's or replay's prints as the live candle shows them, labelled as such.
 * The user's own fills since the oldest print shown (or since the panel opened) are listed
 * among them and marked.
 */
export function MarketTrades({ rules, limit = 20 }: { rules: SymbolInfo; limit?: number }) {
  const t = useT();
  const format = useFormat();
  const [openedAt] = useState(() => Date.now());
  const { data: status } = useMarketStatus();
  const binanceSource = status?.source === 'binance';
  const real = useRecentTrades(rules.symbol, limit, binanceSource);
  const live = binanceSource && real.data?.symbol === rules.symbol && !real.isError ? real.data : undefined;
  const simulated = useSimulatedPrints(rules.symbol, status !== undefined && !live, limit);
  const market = live ? live.trades.map(fromBinance) : simulated;
  const since = Math.min(openedAt, market.at(-1)?.time ?? openedAt);
  const history = useTradeHistory({ symbol: rules.symbol }, 20);
  const mine = (history.data?.pages[0]?.transactions ?? []).map(fromFill).filter((fill) => fill.time >= since);
  const tape = mergeTape(market, mine, limit);

  const badge = live ? (
    <Chip size="small" color="success" variant="outlined" label={t('tape.binance')} />
  ) : (
    <Chip size="small" color="warning" variant="outlined" label={t('tape.simulated')} />
  );
  return (
    <Panel title={t('tape.title')} actions={badge}>
      {tape.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          {status === undefined ? t('common.loading') : t('tape.waiting')}
        </Typography>
      ) : (
        <Table size="small" aria-label={t('tape.label', { symbol: rules.symbol })}>
          <TableHead>
            <TableRow>
              <TableCell sx={numeric}>{t('book.price')}</TableCell>
              <TableCell align="right" sx={numeric}>{t('book.quantity', { asset: rules.baseAsset })}</TableCell>
              <TableCell align="right" sx={numeric}>{t('tape.time')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {tape.map((print) => (
              <TableRow key={print.key} selected={print.mine}>
                <TableCell sx={{ ...numeric, color: print.side === 'BUY' ? 'up.main' : 'down.main' }}>{format.price(print.price, rules.tickSize)}</TableCell>
                <TableCell align="right" sx={numeric}>{format.quantity(print.quantity, rules.stepSize)}</TableCell>
                <TableCell align="right" sx={numeric}>
                  {print.mine ? <Chip size="small" color="primary" label={t(print.side === 'BUY' ? 'tape.mineBuy' : 'tape.mineSell')} sx={{ mr: 0.5, height: 18 }} /> : null}
                  {format.time(print.time)}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      <Typography variant="caption" color="text.secondary" component="p" sx={{ mt: 1 }}>
        {live ? t('tape.binanceCaption') : t('tape.simulatedCaption')}
      </Typography>
    </Panel>
  );
}
