/** Wires the assistant into the AI module's route scope (whose onRequest hook signs the user in). */
import type { FastifyInstance } from 'fastify';
import type { ModuleContext } from '../../../kernel/module.js';
import { ActiveModelCache } from '../serving/active-model-cache.js';
import { PredictionMemo } from '../serving/prediction-memo.js';
import { chatRoutes } from './chat-routes.js';
import { createChatService } from './create-chat-service.js';

export async function assistantRoutes(app: FastifyInstance, ctx: ModuleContext): Promise<void> {
  const db = ctx.ports.db.db;
  const service = createChatService(ctx, new ActiveModelCache(db), new PredictionMemo(db));
  await chatRoutes(app, ctx, service, ctx.config.assistant.ratePerMinute);
}
