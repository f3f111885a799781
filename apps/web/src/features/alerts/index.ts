import { lazy } from 'react';

// Both load on demand: the bell after the shell's first paint, the panel with the Trade page,
// so neither adds to the initial bundle (render them inside <Suspense>).
export const AlertBell = lazy(() => import('./components/alert-bell').then((m) => ({ default: m.AlertBell })));
export const AlertsPanel = lazy(() => import('./components/alerts-panel').then((m) => ({ default: m.AlertsPanel })));
