import { Link as RouterLink } from 'react-router';
import Decimal from 'decimal.js';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import useMediaQuery from '@mui/material/useMediaQuery';
import { useTheme } from '@mui/material/styles';
import { Panel } from '@/components/panel';
import { signColour } from '@/components/sign-colour';
import { TableScroll } from '@/components/table-scroll';
import { useFormat, useT } from '@/lib/i18n';
import { useSymbolRules } from '@/lib/market';
import type { LiveHoldings } from '../rules/live-holdings';
import { HoldingCards } from './holding-cards';

const num = { fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' } as const;

function Figure({ label, value, colour, exact }: { label: string; value: string; colour?: string; exact?: string }) {
  return (
    <Stack component="div" spacing={0.25} sx={{ minWidth: 140 }}>
      <Typography component="dt" variant="caption" color="text.secondary">{label}</Typography>
      <Typography component="dd" variant="h6" title={exact ? `${exact} USDT` : undefined} sx={{ m: 0, color: colour, fontVariantNumeric: 'tabular-nums', overflowWrap: 'anywhere' }}>{value}</Typography>
    </Stack>
  );
}

/** Total value and P&L at live prices, then each position with its unrealized and realized P&L. */
export function HoldingsPanel({ live }: { live: LiveHoldings }) {
  const t = useT();
  const format = useFormat();
  const rulesOf = useSymbolRules();
  // On a phone each position is a card: eight columns would only scroll sideways.
  const phone = useMediaQuery(useTheme().breakpoints.down('sm'), { noSsr: true });
  return (
    <Panel title={t('holdings.title')}>
      <Stack component="dl" direction="row" sx={{ m: 0, mb: 2, flexWrap: 'wrap', columnGap: 3, rowGap: 1.5 }}>
        <Figure label={t('portfolio.totalValue')} value={format.money(live.totalValue)} exact={live.totalValue} />
        <Figure label={t('portfolio.pnl')} value={format.signedMoney(live.totalPnl)} colour={signColour(live.totalPnl)} />
        <Figure label={t('portfolio.return')} value={format.percent(live.totalReturnPercent)} colour={signColour(live.totalReturnPercent)} />
        <Figure label={t('portfolio.cash')} value={format.money(live.cash)} exact={live.cash} />
        <Figure label={t('holdings.reserved')} value={format.money(live.reserved)} />
      </Stack>
      <Typography variant="caption" color="text.secondary" component="p" sx={{ mt: -1, mb: 1.5 }}>
        {t('holdings.feesNote')}
      </Typography>
      {live.holdings.length === 0 ? (
        <Typography variant="body2" color="text.secondary">{t('holdings.none')}</Typography>
      ) : phone ? (
        <HoldingCards holdings={live.holdings} />
      ) : (
        <TableScroll label={t('holdings.title')}>
          <Table size="small">
            <TableHead>
              <TableRow>
                <TableCell>{t('holdings.column.symbol')}</TableCell>
                <TableCell align="right">{t('holdings.column.quantity')}</TableCell>
                <TableCell align="right">{t('holdings.column.avgPrice')}</TableCell>
                <TableCell align="right">{t('holdings.column.price')}</TableCell>
                <TableCell align="right">{t('holdings.column.value')}</TableCell>
                <TableCell align="right">{t('holdings.column.unrealized')}</TableCell>
                <TableCell align="right">{t('holdings.column.realized')}</TableCell>
                <TableCell align="right">{t('holdings.column.weight')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {live.holdings.map((h) => (
                <TableRow key={h.symbol}>
                  <TableCell>
                    <Link component={RouterLink} to={`/trade/${h.symbol}`} aria-label={t('market.tradeSymbol', { symbol: h.symbol })}>{h.symbol}</Link>
                  </TableCell>
                  <TableCell align="right" sx={num}>
                    {format.quantity(h.quantity, rulesOf(h.symbol)?.stepSize)}
                    {/* Coins a resting sell or stop holds: the position minus what is available. */}
                    {new Decimal(h.quantity).gt(h.available) ? (
                      <Typography component="div" variant="caption" color="text.secondary">
                        {t('holdings.locked', { quantity: format.quantity(new Decimal(h.quantity).minus(h.available).toFixed(), rulesOf(h.symbol)?.stepSize) })}
                      </Typography>
                    ) : null}
                  </TableCell>
                  <TableCell align="right" sx={num} title={h.avgPrice}>{format.price(h.avgPrice, rulesOf(h.symbol)?.tickSize)}</TableCell>
                  <TableCell align="right" sx={num}>{format.price(h.marketPrice, rulesOf(h.symbol)?.tickSize)}</TableCell>
                  <TableCell align="right" sx={num}>{format.money(h.marketValue)}</TableCell>
                  <TableCell align="right" sx={{ ...num, color: signColour(h.unrealizedPnl) }}>
                    {format.signedMoney(h.unrealizedPnl)} ({format.percent(h.unrealizedPnlPercent)})
                  </TableCell>
                  <TableCell align="right" sx={{ ...num, color: signColour(h.realizedPnl) }}>{format.signedMoney(h.realizedPnl)}</TableCell>
                  <TableCell align="right" sx={num}>{format.percentPlain(h.weightPercent)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableScroll>
      )}
    </Panel>
  );
}
