import { lazy, type ReactNode } from 'react';
import type { RouteObject } from 'react-router';
import { AppShell } from '../shell/app-shell';
import { PageSection } from './page-section';
import { RequireSession } from './require-session';

// Each page is its own chunk, so the first load only carries the shell and the page shown;
// the chart library ships only with the pages that draw charts.
const DashboardPage = lazy(() => import('./dashboard-page'));
const TradePage = lazy(() => import('./trade-page'));
const SettingsPage = lazy(() => import('./settings-page'));
const PortfolioPage = lazy(() => import('./portfolio-page'));
const LoginPage = lazy(() => import('../../features/auth/components/login-page'));
const RegisterPage = lazy(() => import('../../features/auth/components/register-page'));
const StatusPage = lazy(() => import('../../features/status/components/status-page'));
const NotFoundPage = lazy(() => import('./not-found'));

const page = (element: ReactNode) => <PageSection>{element}</PageSection>;

export const routes: RouteObject[] = [
  {
    path: '/',
    element: <AppShell />,
    children: [
      { index: true, element: page(<DashboardPage />) },
      { path: 'trade', element: page(<TradePage />) },
      { path: 'trade/:symbol', element: page(<TradePage />) },
      { path: 'portfolio', element: page(<RequireSession><PortfolioPage /></RequireSession>) },
      { path: 'settings', element: page(<RequireSession><SettingsPage /></RequireSession>) },
      { path: 'login', element: page(<LoginPage />) },
      { path: 'register', element: page(<RegisterPage />) },
      { path: 'status', element: page(<StatusPage />) },
      { path: '*', element: page(<NotFoundPage />) },
    ],
  },
];
