import { Link as RouterLink } from 'react-router';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { signColour } from '@/components/sign-colour';
import { ApiError } from '@/lib/api';
import { useFormat, useT } from '@/lib/i18n';
import { useIsSignedIn } from '@/lib/session';
import { usePortfolio } from '../api/get-portfolio';


function Figure({ label, value, colour }: { label: string; value: string; colour?: string }) {
  return (
    <Stack component="div" spacing={0.25}>
      <Typography component="dt" variant="caption" color="text.secondary">
        {label}
      </Typography>
      <Typography component="dd" variant="h6" sx={{ m: 0, color: colour, fontVariantNumeric: 'tabular-nums', overflowWrap: 'anywhere' }}>
        {value}
      </Typography>
    </Stack>
  );
}

function SummaryBody() {
  const t = useT();
  const format = useFormat();
  const { data, error, isPending } = usePortfolio();
  if (error) {
    const missing = error instanceof ApiError && error.status === 404;
    return <Alert severity={missing ? 'info' : 'warning'}>{missing ? t('portfolio.notAvailable') : t('portfolio.error')}</Alert>;
  }
  if (isPending) return <Skeleton variant="rectangular" height={96} role="status" aria-label={t('common.loading')} />;
  return (
    <Stack component="dl" direction={{ xs: 'column', sm: 'row', md: 'column' }} spacing={1.5} sx={{ m: 0, '& > *': { flex: 1 } }}>
      <Figure label={t('portfolio.totalValue')} value={format.money(data.totalValue)} />
      <Figure label={t('portfolio.pnl')} value={format.signedMoney(data.totalPnl)} colour={signColour(data.totalPnl)} />
      <Figure label={t('portfolio.return')} value={format.percent(data.totalReturnPercent)} colour={signColour(data.totalReturnPercent)} />
      <Figure label={t('portfolio.cash')} value={format.money(data.cash)} />
    </Stack>
  );
}

/** Total value, P&L and return for the signed-in user; an invitation to log in otherwise. */
export function PortfolioSummaryCard() {
  const t = useT();
  const signedIn = useIsSignedIn();
  return (
    <Card variant="outlined" component="section" aria-labelledby="portfolio-summary-title">
      <CardContent>
        <Typography id="portfolio-summary-title" variant="h6" component="h2" gutterBottom>
          {t('portfolio.title')}
        </Typography>
        {signedIn ? (
          <SummaryBody />
        ) : (
          <Stack spacing={1.5}>
            <Typography variant="body2">{t('portfolio.signedOut')}</Typography>
            <Stack direction="row" spacing={1}>
              <Button size="small" variant="contained" component={RouterLink} to="/register">
                {t('nav.register')}
              </Button>
              <Button size="small" component={RouterLink} to="/login">
                {t('nav.login')}
              </Button>
            </Stack>
          </Stack>
        )}
      </CardContent>
    </Card>
  );
}
