/** The chat service of one API process, over its ports and the AI module's serving caches. */
import type { ModuleContext } from '../../../kernel/module.js';
import { tradingConfig } from '../../trading/index.js';
import type { ActiveModelCache } from '../serving/active-model-cache.js';
import type { PredictionMemo } from '../serving/prediction-memo.js';
import { BuiltinAssistant } from './builtin/builtin-assistant.js';
import { ChatService } from './chat-service.js';
import { LlmAssistant } from './llm/llm-assistant.js';
import type { ToolServices } from './tools/tool-services.js';

export function createChatService(ctx: ModuleContext, models: ActiveModelCache, memo: PredictionMemo): ChatService {
  const services: ToolServices = {
    db: ctx.ports.db.db,
    cache: ctx.ports.cache,
    symbols: () => ctx.ports.market.symbols,
    marketSource: () => ctx.ports.market.impl,
    trading: tradingConfig(ctx.config.trading),
    models,
    memo,
  };
  return new ChatService({ services, builtin: new BuiltinAssistant(), llm: ctx.config.assistant.llm ? new LlmAssistant(ctx.config.assistant.llm) : undefined, logger: ctx.logger.child({ module: 'ai-chat' }) });
}
