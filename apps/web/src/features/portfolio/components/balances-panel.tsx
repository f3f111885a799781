import Decimal from 'decimal.js';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { Panel } from '@/components/panel';
import { useFormat, useT } from '@/lib/i18n';
import { useSymbols, useSymbolRules } from '@/lib/market';
import type { LiveHoldings } from '../rules/live-holdings';

const num = { fontVariantNumeric: 'tabular-nums', overflowWrap: 'anywhere', m: 0 } as const;

/** One coin's balance split by the account's reservations: free to use, and held by open orders. */
export interface CoinBalance {
  asset: string;
  /** The symbol whose lot step formats it; none for USDT (money). */
  symbol?: string;
  available: string;
  inOrders: string;
}

/** USDT first (cash is what is free, reserved what open buys hold), then each coin held. */
export function coinBalances(live: LiveHoldings, baseAssetOf: (symbol: string) => string): CoinBalance[] {
  return [
    { asset: 'USDT', available: live.cash, inOrders: live.reserved },
    ...live.holdings.map((h) => ({
      asset: baseAssetOf(h.symbol),
      symbol: h.symbol,
      available: h.available,
      inOrders: new Decimal(h.quantity).minus(h.available).toFixed(),
    })),
  ];
}

/** Per coin: what can be traded now and what open orders hold, as cards that wrap on a phone. */
export function BalancesPanel({ live }: { live: LiveHoldings }) {
  const t = useT();
  const format = useFormat();
  const rulesOf = useSymbolRules();
  const { data: symbols } = useSymbols();
  const baseOf = (symbol: string) => symbols?.symbols.find((s) => s.symbol === symbol)?.baseAsset ?? symbol.replace(/USDT$/, '');
  const amount = (b: CoinBalance, value: string) => (b.symbol ? format.quantity(value, rulesOf(b.symbol)?.stepSize) : format.money(value));
  return (
    <Panel title={t('balances.title')}>
      <Box component="ul" aria-label={t('balances.title')} sx={{ m: 0, p: 0, display: 'grid', gap: 1, gridTemplateColumns: 'repeat(auto-fill, minmax(min(100%, 220px), 1fr))' }}>
        {coinBalances(live, baseOf).map((b) => (
          <Box component="li" key={b.asset} sx={{ listStyle: 'none', border: 1, borderColor: 'divider', borderRadius: 1, p: 1.5 }}>
            <Typography component="h3" variant="subtitle2">{b.asset}</Typography>
            <Box component="dl" sx={{ m: 0, display: 'grid', gridTemplateColumns: 'auto 1fr', columnGap: 2, rowGap: 0.25 }}>
              <Typography component="dt" variant="body2" color="text.secondary">{t('balances.available')}</Typography>
              <Typography component="dd" variant="body2" sx={{ ...num, textAlign: 'right' }}>{amount(b, b.available)}</Typography>
              <Typography component="dt" variant="body2" color="text.secondary">{t('balances.inOrders')}</Typography>
              <Typography component="dd" variant="body2" sx={{ ...num, textAlign: 'right' }}>{amount(b, b.inOrders)}</Typography>
            </Box>
          </Box>
        ))}
      </Box>
    </Panel>
  );
}
