import type { ReactNode } from 'react';
import type { RouteObject } from 'react-router';
import { AppShell } from '../shell/app-shell';
import { ORDER_TICKET_ID, type SkipTo } from '../shell/skip-links';
import { lazyPage } from './lazy-page';
import { PageSection } from './page-section';
import { RequireSession } from './require-session';

// Each page is its own chunk, so the first load only carries the shell and the page shown;
// the chart library ships only with the pages that draw charts. A chunk that fails to load
// (server restarting, new build) is retried rather than remembered as failed.
const DashboardPage = lazyPage(() => import('./dashboard-page'));
const TradePage = lazyPage(() => import('./trade-page'));
const SettingsPage = lazyPage(() => import('./settings-page'));
const PortfolioPage = lazyPage(() => import('./portfolio-page'));
const OrdersPage = lazyPage(() => import('./orders-page'));
const AIAssistantPage = lazyPage(() => import('./ai-assistant-page'));
const LoginPage = lazyPage(() => import('./login-page'));
const RegisterPage = lazyPage(() => import('./register-page'));
const StatusPage = lazyPage(() => import('./status-page'));
const NotFoundPage = lazyPage(() => import('./not-found'));

const page = (element: ReactNode) => <PageSection>{element}</PageSection>;
const toTicket: SkipTo = { skipTo: { target: ORDER_TICKET_ID, label: 'trade.skipToTicket' } };

export const routes: RouteObject[] = [
  {
    path: '/',
    element: <AppShell />,
    children: [
      { index: true, element: page(<DashboardPage />) },
      { path: 'trade', element: page(<TradePage />), handle: toTicket },
      { path: 'trade/:symbol', element: page(<TradePage />), handle: toTicket },
      { path: 'portfolio', element: page(<RequireSession><PortfolioPage /></RequireSession>) },
      { path: 'orders', element: page(<RequireSession><OrdersPage /></RequireSession>) },
      { path: 'ai', element: page(<RequireSession><AIAssistantPage /></RequireSession>) },
      { path: 'settings', element: page(<RequireSession><SettingsPage /></RequireSession>) },
      { path: 'login', element: page(<LoginPage />) },
      { path: 'register', element: page(<RegisterPage />) },
      { path: 'status', element: page(<StatusPage />) },
      { path: '*', element: page(<NotFoundPage />) },
    ],
  },
];
