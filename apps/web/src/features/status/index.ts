export { READINESS_REFRESH_MS, useReadiness } from './api/get-readiness';
export { ReadinessError } from './components/readiness-error';
export { ReadinessSummary } from './components/readiness-summary';
export { ReadinessTable } from './components/readiness-table';
