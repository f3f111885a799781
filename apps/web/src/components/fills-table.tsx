import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import useMediaQuery from '@mui/material/useMediaQuery';
import { useTheme } from '@mui/material/styles';
import type { Transaction } from '@cryptosim/contracts';
import { useFormat, useT } from '@/lib/i18n';
import { useSymbolRules } from '@/lib/market';
import { CardFigure, CardFigures, CardItem, CardList } from './card-figures';
import { signColour } from './sign-colour';
import { TableScroll } from './table-scroll';

const num = { fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' } as const;

/** Fills (the trade history) newest first: what was traded, at what price, with which fee. A table, or cards on a phone. */
export function FillsTable({ fills, label, showSymbol = true }: { fills: readonly Transaction[]; label: string; showSymbol?: boolean }) {
  const t = useT();
  const format = useFormat();
  const rulesOf = useSymbolRules();
  const phone = useMediaQuery(useTheme().breakpoints.down('sm'), { noSsr: true });
  if (phone)
    return (
      <CardList label={label}>
        {fills.map((fill) => (
          <CardItem key={fill.id}>
            <Stack direction="row" sx={{ alignItems: 'baseline', flexWrap: 'wrap', columnGap: 1, mb: 1 }}>
              <Typography component="h3" variant="subtitle2" sx={{ flexGrow: 1, color: fill.type === 'BUY' ? 'up.main' : 'down.main' }}>
                {t(`side.${fill.type}`)}{showSymbol ? ` · ${fill.symbol}` : ''}
              </Typography>
              <Typography variant="caption" color="text.secondary" sx={{ fontVariantNumeric: 'tabular-nums' }}>{format.dateTime(Date.parse(fill.createdAt))}</Typography>
            </Stack>
            <CardFigures minColumn={96}>
              <CardFigure label={t('fills.column.price')}>{format.price(fill.price, rulesOf(fill.symbol)?.tickSize)}</CardFigure>
              <CardFigure label={t('fills.column.quantity')}>{format.quantity(fill.quantity, rulesOf(fill.symbol)?.stepSize)}</CardFigure>
              <CardFigure label={t('fills.column.total')}>{format.money(fill.totalAmount)}</CardFigure>
              <CardFigure label={t('fills.column.fee')}>{format.preciseMoney(fill.fee)}</CardFigure>
              <CardFigure label={t('fills.column.pnl')} colour={fill.realizedPnl ? signColour(fill.realizedPnl) : undefined}>
                {fill.realizedPnl ? format.signedMoney(fill.realizedPnl) : '—'}
              </CardFigure>
            </CardFigures>
          </CardItem>
        ))}
      </CardList>
    );
  return (
    <TableScroll label={label}>
      {/* Seven or eight nowrap columns: MUI's 16 px side padding made the Trade page's
          "My trades" 838 px wide in its 782 px box at 1440 px, hiding the P&L column. */}
      <Table size="small" sx={{ '& th, & td': { px: 1 } }}>
        <TableHead>
          <TableRow>
            <TableCell>{t('fills.column.time')}</TableCell>
            {showSymbol ? <TableCell>{t('fills.column.symbol')}</TableCell> : null}
            <TableCell>{t('fills.column.side')}</TableCell>
            <TableCell align="right">{t('fills.column.price')}</TableCell>
            <TableCell align="right">{t('fills.column.quantity')}</TableCell>
            <TableCell align="right">{t('fills.column.total')}</TableCell>
            <TableCell align="right">{t('fills.column.fee')}</TableCell>
            <TableCell align="right">{t('fills.column.pnl')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {fills.map((fill) => (
            <TableRow key={fill.id}>
              <TableCell sx={num}>{format.dateTime(Date.parse(fill.createdAt))}</TableCell>
              {showSymbol ? <TableCell>{fill.symbol}</TableCell> : null}
              <TableCell sx={{ color: fill.type === 'BUY' ? 'up.main' : 'down.main' }}>{t(`side.${fill.type}`)}</TableCell>
              <TableCell align="right" sx={num}>{format.price(fill.price, rulesOf(fill.symbol)?.tickSize)}</TableCell>
              <TableCell align="right" sx={num}>{format.quantity(fill.quantity, rulesOf(fill.symbol)?.stepSize)}</TableCell>
              <TableCell align="right" sx={num}><span title={`${fill.totalAmount} USDT`}>{format.money(fill.totalAmount)}</span></TableCell>
              <TableCell align="right" sx={num}>{format.preciseMoney(fill.fee)}</TableCell>
              <TableCell align="right" sx={{ ...num, color: fill.realizedPnl ? signColour(fill.realizedPnl) : undefined }}>
                {fill.realizedPnl ? format.signedMoney(fill.realizedPnl) : '—'}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableScroll>
  );
}
