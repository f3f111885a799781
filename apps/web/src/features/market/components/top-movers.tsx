import { Link as RouterLink } from 'react-router';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { PriceRow } from '@cryptosim/contracts';
import { useFormat, useT } from '@/lib/i18n';
import { useSymbolRules } from '@/lib/market';
import { ChangeText } from './change-text';

const COUNT = 3;

/** The biggest 24 h rises and falls; a symbol that did not move is in neither list. */
export function pickMovers(rows: readonly PriceRow[], count = COUNT) {
  const byChange = [...rows].sort((a, b) => Number(b.changePercent24h) - Number(a.changePercent24h));
  return {
    gainers: byChange.filter((r) => Number(r.changePercent24h) > 0).slice(0, count),
    losers: byChange.filter((r) => Number(r.changePercent24h) < 0).reverse().slice(0, count),
  };
}

function MoverList({ title, rows }: { title: string; rows: readonly PriceRow[] }) {
  const t = useT();
  const format = useFormat();
  const rulesOf = useSymbolRules();
  return (
    <div>
      <Typography variant="subtitle2" component="h3" color="text.secondary" gutterBottom>
        {title}
      </Typography>
      {rows.length === 0 ? <Typography variant="body2">{t('movers.none')}</Typography> : null}
      <Stack component="ol" spacing={0.5} sx={{ listStyle: 'none', p: 0, m: 0 }}>
        {rows.map((row) => (
          <Stack component="li" key={row.symbol} direction="row" sx={{ justifyContent: 'space-between', gap: 1 }}>
            <Link component={RouterLink} to={`/trade/${row.symbol}`} variant="body2" sx={{ fontWeight: 600 }}>
              {row.symbol}
            </Link>
            <Typography variant="body2" sx={{ fontVariantNumeric: 'tabular-nums', flexGrow: 1, textAlign: 'right' }}>
              {format.price(row.price, rulesOf(row.symbol)?.tickSize)}
            </Typography>
            <ChangeText percent={row.changePercent24h} sx={{ minWidth: 64, textAlign: 'right' }} />
          </Stack>
        ))}
      </Stack>
    </div>
  );
}

export function TopMovers({ rows }: { rows: readonly PriceRow[] }) {
  const t = useT();
  const { gainers, losers } = pickMovers(rows);
  return (
    <Card variant="outlined" component="section" aria-labelledby="movers-title">
      <CardContent>
        <Typography id="movers-title" variant="h6" component="h2" gutterBottom>
          {t('movers.title')}
        </Typography>
        <Stack direction={{ xs: 'column', sm: 'row', md: 'column' }} spacing={2} sx={{ '& > *': { flex: 1 } }}>
          <MoverList title={t('movers.gainers')} rows={gainers} />
          <MoverList title={t('movers.losers')} rows={losers} />
        </Stack>
      </CardContent>
    </Card>
  );
}
