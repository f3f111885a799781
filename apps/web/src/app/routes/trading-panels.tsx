import { useDispatch } from 'react-redux';
import { Link as RouterLink } from 'react-router';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useTheme } from '@mui/material/styles';
import useMediaQuery from '@mui/material/useMediaQuery';
import type { PriceRow, SymbolInfo } from '@cryptosim/contracts';
import { Panel } from '@/components/panel';
import { PanelBoundary } from '@/components/panel-boundary';
import { FIRST_TRADE_USDT, FirstTradeGuide } from '@/features/onboarding';
import { usePortfolio, usePortfolioEvents } from '@/features/portfolio';
import { draftChanged, MarketTrades, OpenOrders, OrderBook, OrderTicket, PhoneTicketSheet, SymbolTrades, ticketRequested, useOrderEvents } from '@/features/trading';
import { useT } from '@/lib/i18n';
import { useIsSignedIn, useSession } from '@/lib/session';
import { ORDER_TICKET_ID } from '../shell/skip-links';

interface PanelProps {
  rules: SymbolInfo;
  row: PriceRow | undefined;
}

/**
 * The ticket gets its balances from the portfolio feature; the page wires the two together.
 * On a phone a signed-in user gets it in a bottom sheet behind a fixed Buy/Sell bar instead of
 * a panel far below the chart.
 */
function Ticket({ rules, row }: PanelProps) {
  const t = useT();
  const signedIn = useIsSignedIn();
  const phone = useMediaQuery(useTheme().breakpoints.down('md'), { noSsr: true });
  if (phone && signedIn) {
    return (
      <PhoneTicketSheet symbol={rules.symbol} baseAsset={rules.baseAsset} focusId={ORDER_TICKET_ID}>
        <Box sx={{ px: 2, pb: 2 }}>
          <PanelBoundary>
            <SignedInTicket rules={rules} price={row?.price} />
          </PanelBoundary>
        </Box>
      </PhoneTicketSheet>
    );
  }
  return (
    <Panel title={t('ticket.title')} focusId={ORDER_TICKET_ID}>
      {signedIn ? (
        <PanelBoundary>
          <SignedInTicket rules={rules} price={row?.price} />
        </PanelBoundary>
      ) : (
        <Stack spacing={1.5}>
          <Typography variant="body2">{t('ticket.signedOut')}</Typography>
          <Stack direction="row" spacing={1}>
            <Button size="small" variant="contained" component={RouterLink} to="/register">{t('nav.register')}</Button>
            <Button size="small" component={RouterLink} to="/login">{t('nav.login')}</Button>
          </Stack>
        </Stack>
      )}
    </Panel>
  );
}

function SignedInTicket({ rules, price }: { rules: SymbolInfo; price: string | undefined }) {
  const { data: portfolio } = usePortfolio();
  // Live events: fills and cancels by the matcher, balances after every change.
  useOrderEvents();
  usePortfolioEvents();
  const position = portfolio?.positions.find((p) => p.symbol === rules.symbol);
  return <OrderTicket rules={rules} marketPrice={price} cash={portfolio?.cash} coin={portfolio ? (position?.available ?? '0') : undefined} />;
}

function Lower({ rules, row }: PanelProps) {
  const signedIn = useIsSignedIn();
  return (
    <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: 'minmax(0, 1fr)', md: '320px minmax(0, 1fr)' }, alignItems: 'start' }}>
      <Stack spacing={2} sx={{ minWidth: 0 }}>
        <PanelBoundary>
          <OrderBook row={row} rules={rules} />
        </PanelBoundary>
        <PanelBoundary>
          <MarketTrades rules={rules} />
        </PanelBoundary>
      </Stack>
      {signedIn ? (
        <Stack spacing={2} sx={{ minWidth: 0 }}>
          <PanelBoundary>
            <OpenOrders symbol={rules.symbol} />
          </PanelBoundary>
          <PanelBoundary>
            <SymbolTrades symbol={rules.symbol} />
          </PanelBoundary>
        </Stack>
      ) : null}
    </Box>
  );
}

/** The first-trade guide for a signed-in account that has not traded: it fills this page's ticket. */
function Guide({ rules }: { rules: SymbolInfo }) {
  const { user } = useSession();
  const { data: portfolio } = usePortfolio();
  const dispatch = useDispatch();
  if (!user) return null;
  const fillTicket = () => {
    dispatch(draftChanged({ symbol: rules.symbol, patch: { side: 'BUY', type: 'MARKET', unit: 'QUOTE', amount: FIRST_TRADE_USDT, price: '', stopPrice: '' } }));
    dispatch(ticketRequested());
    const ticket = document.getElementById(ORDER_TICKET_ID);
    ticket?.focus();
    ticket?.scrollIntoView?.({ block: 'center', behavior: 'smooth' });
  };
  return <FirstTradeGuide userId={user.id} symbol={rules.symbol} baseAsset={rules.baseAsset} portfolio={portfolio} onFillTicket={fillTicket} />;
}

export const TradingPanels = { Ticket, Lower, Guide };
