import Box from '@mui/material/Box';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { LiveStatus, MarketList, SourceBadge, TopMovers } from '@/features/market';
import { PortfolioSummaryCard } from '@/features/portfolio';
import { PanelBoundary } from '@/components/panel-boundary';
import { useT } from '@/lib/i18n';
import { useLivePrices } from '@/lib/ws';
import { usePrices } from '@/lib/market';

function LiveMarkets() {
  // Every listed symbol, ticker and 1m klines (the sparklines' newest candle moves too).
  const { data } = usePrices();
  const symbols = data?.prices.map((p) => p.symbol) ?? [];
  const { isPending, isError } = useLivePrices(symbols, { klines: true });
  const rows = data?.prices;
  return (
    <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: 'minmax(0, 1fr)', md: 'minmax(0, 2fr) minmax(0, 1fr)' }, alignItems: 'start' }}>
      <PanelBoundary>
        <MarketList rows={rows} loading={isPending} error={isError} />
      </PanelBoundary>
      <Stack spacing={2}>
        <PanelBoundary>
          <PortfolioSummaryCard />
        </PanelBoundary>
        {rows && rows.length > 0 ? (
          <PanelBoundary>
            <TopMovers rows={rows} />
          </PanelBoundary>
        ) : null}
      </Stack>
    </Box>
  );
}

export default function DashboardPage() {
  const t = useT();
  return (
    <Stack spacing={2}>
      <Stack direction="row" sx={{ flexWrap: 'wrap', alignItems: 'center', gap: 1 }}>
        <Typography variant="h4" component="h1" sx={{ mr: 1 }}>
          {t('dashboard.title')}
        </Typography>
        <SourceBadge />
        <LiveStatus />
      </Stack>
      <Typography color="text.secondary">{t('dashboard.subtitle')}</Typography>
      <LiveMarkets />
    </Stack>
  );
}
