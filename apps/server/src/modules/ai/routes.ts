/**
 * `/api/ai/*` (auth): live predictions of the active model, the model registry, the stored
 * predictions and their live track record.
 */
import type { FastifyInstance } from 'fastify';
import {
  AnalysisQuery,
  AnalysisResponse,
  ModelParams,
  ModelSummary,
  ModelsQuery,
  ModelsResponse,
  PredictionsQuery,
  PredictRequest,
  PredictResponse,
  PredictionsResponse,
  TrackRecord,
  TrackRecordQuery,
} from '@cryptosim/contracts';
import type { ModuleContext } from '../../kernel/module.js';
import { AppError } from '../../kernel/app-error.js';
import { authenticate } from '../accounts/index.js';
import { listPredictions, scoredPredictions } from './predictions/prediction-repository.js';
import { findModel, listModels } from './registry/model-repository.js';
import { computeTrackRecord } from './track-record/compute-track-record.js';
import { ActiveModelCache } from './serving/active-model-cache.js';
import { predictNow } from './serving/predict-now.js';
import { PredictionMemo } from './serving/prediction-memo.js';
import { runsOnWallClock } from './serving/market-staleness.js';
import { analyzeMarket } from './analysis/analyze-market.js';
import { pickLanguage } from './analysis/pick-language.js';

const problem = { $ref: 'Problem#' };

export async function aiRoutes(app: FastifyInstance, ctx: ModuleContext): Promise<void> {
  const { db } = ctx.ports.db;
  const tags = ['ai'];
  const security = [{ bearerAuth: [] }];
  // Looked up per request: MARKET_SOURCE=auto settles on its source (and registry) later.
  const knownSymbol = (symbol: string | undefined) => {
    if (symbol !== undefined && !ctx.ports.market.symbols.get(symbol)) throw new AppError('UNKNOWN_SYMBOL', 404, `Unknown symbol ${symbol}`);
    return symbol;
  };
  const knownModel = async (version: string) => {
    const model = await findModel(db, version);
    if (!model) throw new AppError('NOT_FOUND', 404, `No model ${version}`);
    return model;
  };
  const activeModel = new ActiveModelCache(db);
  const memo = new PredictionMemo(db, undefined, undefined, undefined, () => (runsOnWallClock(ctx.ports.market.impl) ? Date.now() : undefined));
  app.addHook('onRequest', authenticate(ctx.config, ctx.ports.cache));

  app.post<{ Body: PredictRequest }>(
    '/api/ai/predict',
    {
      schema: {
        tags,
        security,
        summary: "The active model's prediction at the symbol's latest closed bar, with its track record beside the baselines",
        body: PredictRequest,
        response: { 200: PredictResponse, 400: problem, 401: problem, 404: problem, 503: problem },
      },
    },
    async (request) => predictNow(activeModel, memo, knownSymbol(request.body.symbol)!, { checkStaleness: runsOnWallClock(ctx.ports.market.impl) }),
  );

  app.get<{ Querystring: AnalysisQuery }>(
    '/api/ai/analysis',
    {
      schema: {
        tags,
        security,
        summary: 'Indicators of the closed hourly bars, a trend label, the current prediction and a summary (Accept-Language: ko or en) written from those numbers',
        querystring: AnalysisQuery,
        response: { 200: AnalysisResponse, 400: problem, 401: problem, 404: problem },
      },
    },
    async (request, reply) => {
      void reply.header('vary', 'Accept-Language');
      return analyzeMarket(db, activeModel, memo, knownSymbol(request.query.symbol)!, pickLanguage(request.headers['accept-language']), {
        checkStaleness: runsOnWallClock(ctx.ports.market.impl),
      });
    },
  );

  app.get<{ Querystring: ModelsQuery }>(
    '/api/ai/models',
    { schema: { tags, security, summary: 'Models, newest first (without their artifact)', querystring: ModelsQuery, response: { 200: ModelsResponse, 400: problem, 401: problem } } },
    async (request) => listModels(db, { limit: request.query.limit ?? 50, cursor: request.query.cursor }),
  );

  app.get<{ Params: ModelParams }>(
    '/api/ai/models/:version',
    { schema: { tags, security, params: ModelParams, response: { 200: ModelSummary, 400: problem, 401: problem, 404: problem } } },
    async (request) => knownModel(request.params.version),
  );

  app.get<{ Querystring: PredictionsQuery }>(
    '/api/ai/predictions',
    {
      schema: {
        tags,
        security,
        summary: 'Stored predictions, newest first, with their outcome once scored',
        querystring: PredictionsQuery,
        response: { 200: PredictionsResponse, 400: problem, 401: problem, 404: problem },
      },
    },
    async (request) => listPredictions(db, { symbol: knownSymbol(request.query.symbol), limit: request.query.limit ?? 50, cursor: request.query.cursor }),
  );

  app.get<{ Querystring: TrackRecordQuery }>(
    '/api/ai/track-record',
    {
      schema: {
        tags,
        security,
        summary: 'The live track record of the scored predictions (all symbols and models unless narrowed) beside the baselines over the same predictions',
        querystring: TrackRecordQuery,
        response: { 200: TrackRecord, 400: problem, 401: problem, 404: problem },
      },
    },
    async (request) => {
      const symbol = knownSymbol(request.query.symbol);
      if (request.query.model !== undefined) await knownModel(request.query.model);
      return computeTrackRecord(await scoredPredictions(db, { symbol, modelVersion: request.query.model }));
    },
  );
}
