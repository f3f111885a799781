export { PredictionPanel } from './components/prediction-panel';
export { MarketAnalysis } from './components/market-analysis';
export { TrackRecordPanel } from './components/track-record-panel';
export { ModelList } from './components/model-list';
export { RecentPredictions } from './components/recent-predictions';
