import { lazy } from 'react';
import type { RouteObject } from 'react-router';
import { AppShell } from '../shell/app-shell';
import { PageSection } from './page-section';

// Each page is its own chunk, so the first load only carries the shell and the page shown.
const StatusPage = lazy(() => import('../../features/status/components/status-page'));
const NotFoundPage = lazy(() => import('./not-found'));

export const routes: RouteObject[] = [
  {
    path: '/',
    element: <AppShell />,
    children: [
      {
        index: true,
        element: (
          <PageSection>
            <StatusPage />
          </PageSection>
        ),
      },
      {
        path: '*',
        element: (
          <PageSection>
            <NotFoundPage />
          </PageSection>
        ),
      },
    ],
  },
];
