import { Link as RouterLink } from 'react-router';
import Link from '@mui/material/Link';
import Typography from '@mui/material/Typography';
import { coinNameOf } from '@cryptosim/contracts';
import { useI18n } from '@/lib/i18n';

/** The symbol as a link to its trade page, with the coin's name in the UI language below it. */
export function CoinLabel({ symbol }: { symbol: string }) {
  const { t, language } = useI18n();
  const name = coinNameOf(symbol)?.[language];
  return (
    <>
      <Link component={RouterLink} to={`/trade/${symbol}`} aria-label={t('market.tradeSymbol', { symbol })} sx={{ fontWeight: 600 }}>
        {symbol}
      </Link>
      {name ? (
        <Typography component="span" variant="caption" color="text.secondary" sx={{ display: 'block', overflowWrap: 'anywhere' }}>
          {name}
        </Typography>
      ) : null}
    </>
  );
}
