export { portfolioKey, usePortfolio } from './api/get-portfolio';
export { PortfolioSummaryCard } from './components/portfolio-summary-card';
export { usePortfolioEvents } from './hooks/use-portfolio-events';
export { PortfolioView } from './components/portfolio-view';
