import Type, { type Static, type TSchema } from 'typebox';
import { DecimalString, SymbolName } from './decimal.js';

const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const Limit = Type.Integer({ minimum: 1, maximum: 500, default: 50 });
const Cursor = Type.String({ minLength: 1, maxLength: 200, description: 'opaque; from the previous page nextCursor' });
const Fraction = (description: string) => Type.Number({ minimum: 0, maximum: 1, description });

/** The seed's label encoder: the classes every model predicts. */
export const PredictionLabels = ['UP', 'DOWN', 'FLAT'] as const;
export const PredictionLabel = Type.Union([Type.Literal('UP'), Type.Literal('DOWN'), Type.Literal('FLAT')]);
export type PredictionLabel = Static<typeof PredictionLabel>;

/** Horizons the predictions are made for (one bar of the model's interval). */
export const PredictionHorizon = Type.Literal('1h');
export type PredictionHorizon = Static<typeof PredictionHorizon>;

export const ClassProbabilities = Type.Object(
  { UP: Fraction('probability of UP'), DOWN: Fraction('probability of DOWN'), FLAT: Fraction('probability of FLAT') },
  { description: 'sums to 1' },
);
export type ClassProbabilities = Static<typeof ClassProbabilities>;

export const BaselineScore = Type.Object({
  accuracy: Nullable(Fraction('share of scored predictions the baseline got right; null when none is scored')),
  balancedAccuracy: Nullable(Fraction('mean recall over the outcomes that occurred; null when none is scored')),
});
export type BaselineScore = Static<typeof BaselineScore>;

export const Baselines = Type.Object(
  {
    majority: BaselineScore,
    persistence: BaselineScore,
  },
  {
    description:
      'the same predictions scored as if the forecast had been the most frequent outcome among them (majority) or the last outcome known when the prediction was made (persistence)',
  },
);
export type Baselines = Static<typeof Baselines>;

/** The short track record shown beside a live prediction. */
export const TrackRecordSummary = Type.Object({
  scored: Type.Integer({ minimum: 0, description: 'predictions whose horizon passed and that were scored' }),
  accuracy: Nullable(Fraction('null while nothing is scored')),
  balancedAccuracy: Nullable(Fraction('mean recall over the outcomes that occurred; null while nothing is scored')),
  baselines: Baselines,
});
export type TrackRecordSummary = Static<typeof TrackRecordSummary>;

export const PredictRequest = Type.Object(
  { symbol: SymbolName, horizon: Type.Optional(PredictionHorizon) },
  { additionalProperties: false },
);
export type PredictRequest = Static<typeof PredictRequest>;

export const PredictResponse = Type.Object({
  symbol: SymbolName,
  horizon: PredictionHorizon,
  label: PredictionLabel,
  probabilities: ClassProbabilities,
  modelVersion: Type.String(),
  generatedAt: Type.String({ format: 'date-time' }),
  trackRecord: TrackRecordSummary,
});
export type PredictResponse = Static<typeof PredictResponse>;

export const PredictionStatuses = ['pending', 'scored', 'void'] as const;
export const PredictionStatus = Type.Union([Type.Literal('pending'), Type.Literal('scored'), Type.Literal('void')], {
  description: 'pending until the horizon passes; void when no price at the horizon turned up in time (never counted)',
});
export type PredictionStatus = Static<typeof PredictionStatus>;

export const StoredPrediction = Type.Object({
  id: Type.Integer(),
  symbol: SymbolName,
  horizon: Type.String(),
  label: PredictionLabel,
  probabilities: ClassProbabilities,
  modelVersion: Type.String(),
  generatedAt: Type.String({ format: 'date-time' }),
  resolveAt: Type.String({ format: 'date-time' }),
  status: PredictionStatus,
  outcome: Nullable(PredictionLabel),
  priceAt: DecimalString('price when the prediction was made'),
  resolvedPrice: Nullable(DecimalString('close of the last 1m candle before resolveAt')),
  scoredAt: Nullable(Type.String({ format: 'date-time' })),
});
export type StoredPrediction = Static<typeof StoredPrediction>;

export const PredictionsQuery = Type.Object(
  { symbol: Type.Optional(SymbolName), limit: Type.Optional(Limit), cursor: Type.Optional(Cursor) },
  { additionalProperties: false },
);
export type PredictionsQuery = Static<typeof PredictionsQuery>;

export const PredictionsResponse = Type.Object({ predictions: Type.Array(StoredPrediction), nextCursor: Nullable(Type.String()) });
export type PredictionsResponse = Static<typeof PredictionsResponse>;

export const ModelVersion = Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9._:-]+$' });

export const TrackRecordQuery = Type.Object(
  { symbol: Type.Optional(SymbolName), model: Type.Optional(ModelVersion) },
  { additionalProperties: false },
);
export type TrackRecordQuery = Static<typeof TrackRecordQuery>;

const ConfusionRow = Type.Object({ UP: Type.Integer({ minimum: 0 }), DOWN: Type.Integer({ minimum: 0 }), FLAT: Type.Integer({ minimum: 0 }) });
export const ConfusionMatrix = Type.Object(
  { UP: ConfusionRow, DOWN: ConfusionRow, FLAT: ConfusionRow },
  { description: 'confusion[outcome][predicted label]: counts of scored predictions' },
);
export type ConfusionMatrix = Static<typeof ConfusionMatrix>;

export const WeekAccuracy = Type.Object({
  week: Type.String({ format: 'date', description: 'Monday (UTC) of the week the predictions were made in' }),
  scored: Type.Integer({ minimum: 1 }),
  accuracy: Fraction('share right that week'),
});
export type WeekAccuracy = Static<typeof WeekAccuracy>;

export const TrackRecord = Type.Object({
  scored: Type.Integer({ minimum: 0 }),
  accuracy: Nullable(Fraction('null while nothing is scored')),
  balancedAccuracy: Nullable(Fraction('null while nothing is scored')),
  logLoss: Nullable(Type.Number({ minimum: 0, description: 'mean −ln p(outcome), p clipped at 1e-15; null while nothing is scored' })),
  brier: Nullable(Type.Number({ minimum: 0, maximum: 2, description: 'mean Σ (p − outcome)² over the three classes' })),
  confusion: ConfusionMatrix,
  baselines: Baselines,
  byWeek: Type.Array(WeekAccuracy, { description: 'oldest week first' }),
});
export type TrackRecord = Static<typeof TrackRecord>;

export const ModelStatus = Type.Union([Type.Literal('candidate'), Type.Literal('active'), Type.Literal('retired')]);
export type ModelStatus = Static<typeof ModelStatus>;

export const ModelSummary = Type.Object({
  version: Type.String(),
  status: ModelStatus,
  params: Type.Record(Type.String(), Type.Unknown(), { description: 'training parameters: interval, horizon, θ per symbol, features, data window' }),
  metrics: Type.Record(Type.String(), Type.Unknown(), { description: 'evaluation figures and the promotion decision' }),
  createdAt: Type.String({ format: 'date-time' }),
});
export type ModelSummary = Static<typeof ModelSummary>;

export const ModelsQuery = Type.Object({ limit: Type.Optional(Limit), cursor: Type.Optional(Cursor) }, { additionalProperties: false });
export type ModelsQuery = Static<typeof ModelsQuery>;

export const ModelsResponse = Type.Object({ models: Type.Array(ModelSummary), nextCursor: Nullable(Type.String()) });
export type ModelsResponse = Static<typeof ModelsResponse>;

export const ModelParams = Type.Object({ version: ModelVersion }, { additionalProperties: false });
export type ModelParams = Static<typeof ModelParams>;

export const AnalysisQuery = Type.Object({ symbol: SymbolName }, { additionalProperties: false });
export type AnalysisQuery = Static<typeof AnalysisQuery>;

export const AnalysisIndicators = Type.Object({
  rsi14: Nullable(Type.Number()),
  macd: Nullable(Type.Number()),
  macdSignal: Nullable(Type.Number()),
  macdHistogram: Nullable(Type.Number()),
  bollingerUpper: Nullable(Type.Number()),
  bollingerLower: Nullable(Type.Number()),
  sma20: Nullable(Type.Number()),
  ema50: Nullable(Type.Number()),
  atr14: Nullable(Type.Number()),
  volatility: Nullable(Type.Number()),
});
export type AnalysisIndicators = Static<typeof AnalysisIndicators>;

export const AnalysisResponse = Type.Object({
  symbol: SymbolName,
  interval: Type.String(),
  indicators: AnalysisIndicators,
  trend: Type.Union([Type.Literal('UP'), Type.Literal('DOWN'), Type.Literal('SIDEWAYS')]),
  prediction: Nullable(PredictResponse),
  summary: Type.String({ description: 'in the Accept-Language language (ko, en); every number in it equals a field above' }),
});
export type AnalysisResponse = Static<typeof AnalysisResponse>;
