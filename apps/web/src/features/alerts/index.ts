export { AlertBell } from './components/alert-bell';
export { AlertsPanel } from './components/alerts-panel';
