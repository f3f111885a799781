import { Suspense } from 'react';
import { Navigate, useParams } from 'react-router';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { PanelBoundary } from '@/components/panel-boundary';
import { MarketAnalysis, PredictionPanel } from '@/features/ai';
import { AlertsPanel } from '@/features/alerts';
import { AssistantDrawer } from '@/features/assistant';
import CandleChart from '@/features/charts/components/candle-chart';
import { LiveStatus, MarketSwitcher, SourceBadge, TickerHeader } from '@/features/market';
import { useT } from '@/lib/i18n';
import { useSymbols } from '@/lib/market';
import { useLivePrices } from '@/lib/ws';
import { TradingPanels } from './trading-panels';
import { useOpenOrderDraft } from './use-open-order-draft';

const DEFAULT_SYMBOL = 'BTCUSDT';

/**
 * The trading screen: symbol, live ticker and chart, the ticket and the model's estimate, the
 * analysis, then the book and the user's orders. Each panel has its own error boundary, so a
 * chart that crashes leaves the ticket usable.
 */
export default function TradePage() {
  const t = useT();
  const { symbol: param } = useParams();
  const symbol = param?.toUpperCase() ?? '';
  const { data: symbols } = useSymbols();
  const { data: prices } = useLivePrices(symbol ? [symbol] : []);
  const openDraft = useOpenOrderDraft();

  if (!param) return <Navigate to={`/trade/${symbols?.symbols[0]?.symbol ?? DEFAULT_SYMBOL}`} replace />;
  if (param !== symbol) return <Navigate to={`/trade/${symbol}`} replace />;
  const rules = symbols?.symbols.find((s) => s.symbol === symbol);
  const unknown = symbols !== undefined && !rules;
  const row = prices?.prices.find((p) => p.symbol === symbol);

  return (
    <Stack spacing={2}>
      <Stack direction="row" sx={{ flexWrap: 'wrap', alignItems: 'center', gap: 1.5 }}>
        <Typography variant="h4" component="h1" sx={{ mr: 1 }}>
          {t('trade.title', { symbol })}
        </Typography>
        <MarketSwitcher symbol={symbol} />
        <SourceBadge />
        <LiveStatus />
        {rules ? <AssistantDrawer key={symbol} symbol={symbol} onOpenDraft={openDraft} /> : null}
      </Stack>
      {unknown ? (
        <Alert severity="warning">{t('trade.unknownSymbol', { symbol })}</Alert>
      ) : (
        <>
          <PanelBoundary>
            <TickerHeader row={row} />
          </PanelBoundary>
          {rules ? (
            <PanelBoundary>
              <TradingPanels.Guide rules={rules} />
            </PanelBoundary>
          ) : null}
          <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: 'minmax(0, 1fr)', lg: 'minmax(0, 1fr) 360px' }, alignItems: 'start' }}>
            <Box sx={{ minWidth: 0 }}>
              {/* Keyed by symbol: another symbol gets a fresh chart, and a fresh try after a crash. */}
              <PanelBoundary key={symbol}>
                <CandleChart symbol={symbol} tickSize={rules?.tickSize} />
              </PanelBoundary>
            </Box>
            <Stack spacing={2} sx={{ minWidth: 0 }}>
              {rules ? <TradingPanels.Ticket rules={rules} row={row} /> : null}
              {rules ? (
                <PanelBoundary>
                  <PredictionPanel symbol={symbol} />
                </PanelBoundary>
              ) : null}
              {rules ? (
                <PanelBoundary>
                  <Suspense fallback={null}>
                    <AlertsPanel symbol={symbol} livePrice={row?.price} />
                  </Suspense>
                </PanelBoundary>
              ) : null}
            </Stack>
          </Box>
          {rules ? (
            <PanelBoundary>
              <MarketAnalysis symbol={symbol} />
            </PanelBoundary>
          ) : null}
          {rules ? <TradingPanels.Lower rules={rules} row={row} /> : null}
        </>
      )}
    </Stack>
  );
}
