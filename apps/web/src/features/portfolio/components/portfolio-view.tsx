import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import { PanelBoundary } from '@/components/panel-boundary';
import { useT } from '@/lib/i18n';
import { useLivePrices } from '@/lib/ws';
import { usePortfolio } from '../api/get-portfolio';
import { usePortfolioEvents } from '../hooks/use-portfolio-events';
import { liveHoldings } from '../rules/live-holdings';
import { AllocationPanel } from './allocation-panel';
import { BalancesPanel } from './balances-panel';
import { HistoryPanel } from './history-panel';
import { HoldingsPanel } from './holdings-panel';
import { PerformancePanel } from './performance-panel';

/** The portfolio page's content: live holdings, performance and allocation, full history; one error boundary each. */
export function PortfolioView() {
  const t = useT();
  const { data: portfolio, error } = usePortfolio();
  usePortfolioEvents();
  const symbols = portfolio?.positions.map((p) => p.symbol) ?? [];
  const { data: prices } = useLivePrices(symbols);
  if (error) return <Alert severity="warning">{t('portfolio.error')}</Alert>;
  if (!portfolio) return <Skeleton variant="rectangular" height={240} role="status" aria-label={t('common.loading')} />;
  const live = liveHoldings(portfolio, new Map(prices?.prices.map((row) => [row.symbol, row.price]) ?? []));
  return (
    <Stack spacing={2}>
      {/* Holdings get the full width: beside the allocation (2/3 of 1200 px) its eight columns
          ran 886 px into a 723 px box at 1440 px, hiding realized P&L and weight. */}
      <PanelBoundary>
        <HoldingsPanel live={live} />
      </PanelBoundary>
      <PanelBoundary>
        <BalancesPanel live={live} />
      </PanelBoundary>
      <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: 'minmax(0, 1fr)', lg: 'minmax(0, 2fr) minmax(0, 1fr)' }, alignItems: 'start' }}>
        <PanelBoundary>
          <PerformancePanel />
        </PanelBoundary>
        <PanelBoundary>
          <AllocationPanel live={live} />
        </PanelBoundary>
      </Box>
      <PanelBoundary>
        <HistoryPanel />
      </PanelBoundary>
    </Stack>
  );
}
