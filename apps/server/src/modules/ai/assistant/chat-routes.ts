/**
 * `/api/ai/chat` and `/api/ai/conversations*` (auth; registered in the AI module's scope, whose
 * onRequest hook signs the user in). POST /chat answers `text/event-stream` unless the client
 * asks for `application/json`; a client that closes the stream aborts the turn.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  ChatReply,
  ChatRequest,
  ConversationDetail,
  ConversationParams,
  ConversationsQuery,
  ConversationsResponse,
  type ChatStreamEvent,
} from '@cryptosim/contracts';
import { AppError } from '../../../kernel/app-error.js';
import { noContent } from '../../../kernel/no-content.js';
import { problemResponses } from '../../../kernel/problem.js';
import { RateLimiter, type RateRule } from '../../../kernel/rate-limit.js';
import type { ModuleContext } from '../../../kernel/module.js';
import { pickLanguage } from '../analysis/pick-language.js';
import type { ChatService } from './chat-service.js';
import { deleteConversation, getConversation, listConversations } from './conversations/conversation-store.js';

export function chatRateRule(perMinute: number): RateRule {
  return { name: 'ai-chat-user', max: perMinute, windowMs: 60_000, key: (request) => (request.user ? String(request.user.id) : undefined), whenCacheFails: 'allow' };
}

/** JSON when the client asks for it and not for an event stream; the stream otherwise. */
export function wantsJson(request: FastifyRequest): boolean {
  const accept = request.headers.accept ?? '';
  return accept.includes('application/json') && !accept.includes('text/event-stream');
}

function streamTo(reply: FastifyReply): { write(event: ChatStreamEvent): void; end(): void } {
  reply.hijack();
  // Headers other hooks set on the reply (CORS) are not sent by a hijacked reply unless copied.
  const raw = reply.raw;
  const copied = Object.fromEntries(Object.entries(reply.getHeaders()).filter(([, v]) => v !== undefined)) as Record<string, string | number | string[]>;
  raw.writeHead(200, {
    ...copied,
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache, no-transform',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
  });
  // An SSE comment at once: the client knows the turn started before the first tool returns.
  raw.write(': stream open\n\n');
  return {
    write(event) {
      if (!raw.writableEnded && !raw.destroyed) raw.write(`data: ${JSON.stringify(event)}\n\n`);
    },
    end() {
      if (!raw.writableEnded) raw.end();
    },
  };
}

export async function chatRoutes(app: FastifyInstance, ctx: ModuleContext, service: ChatService, perMinute: number): Promise<void> {
  const { db } = ctx.ports.db;
  const tags = ['ai'];
  const security = [{ bearerAuth: [] }];
  const limiter = new RateLimiter(ctx.ports.cache, ctx.logger);
  const rule = chatRateRule(perMinute);
  const logger = ctx.logger.child({ module: 'ai-chat' });

  app.post<{ Body: ChatRequest }>(
    '/api/ai/chat',
    {
      preValidation: limiter.hook([rule]),
      schema: {
        tags,
        security,
        summary: 'Ask the assistant: a text/event-stream of delta, tool, draft, note and done events, or one JSON reply with Accept: application/json',
        body: ChatRequest,
        response: { 200: ChatReply, ...problemResponses(400, 401, 404, 429) },
      },
    },
    async (request, reply) => {
      const body = request.body;
      const turn = await service.prepare({
        userId: request.user.id,
        message: body.message,
        conversationId: body.conversationId,
        symbol: body.symbol,
        uiLanguage: body.language ?? pickLanguage(request.headers['accept-language']),
      });
      const aborter = new AbortController();
      const onClose = () => {
        if (!reply.raw.writableFinished) aborter.abort(new Error('client closed the connection'));
      };
      reply.raw.on('close', onClose);
      if (wantsJson(request)) {
        try {
          return await service.run(turn, () => {}, aborter.signal);
        } finally {
          reply.raw.off('close', onClose);
        }
      }
      const stream = streamTo(reply);
      try {
        await service.run(turn, (event) => stream.write(event), aborter.signal);
      } catch (err) {
        if (aborter.signal.aborted) {
          logger.debug({ userId: request.user.id }, 'chat turn aborted: the client went away');
        } else {
          const code = err instanceof AppError ? err.code : 'INTERNAL_ERROR';
          const message = err instanceof AppError && err.status < 500 ? err.message : 'The assistant could not finish this reply; try again.';
          if (!(err instanceof AppError) || err.status >= 500) logger.error({ err }, 'chat turn failed');
          stream.write({ type: 'error', code, message });
        }
      } finally {
        reply.raw.off('close', onClose);
        stream.end();
      }
      return reply;
    },
  );

  app.get<{ Querystring: ConversationsQuery }>(
    '/api/ai/conversations',
    {
      schema: { tags, security, summary: 'Your conversations with the assistant, most recently updated first', querystring: ConversationsQuery, response: { 200: ConversationsResponse, ...problemResponses(400, 401) } },
    },
    async (request) => listConversations(db, request.user.id, { limit: request.query.limit ?? 50, cursor: request.query.cursor }),
  );

  app.get<{ Params: ConversationParams }>(
    '/api/ai/conversations/:id',
    { schema: { tags, security, summary: 'One of your conversations with its messages, oldest first', params: ConversationParams, response: { 200: ConversationDetail, ...problemResponses(400, 401, 404) } } },
    async (request) => {
      const found = await getConversation(db, request.user.id, request.params.id);
      if (!found) throw new AppError('NOT_FOUND', 404, 'No such conversation.');
      return found;
    },
  );

  app.delete<{ Params: ConversationParams }>(
    '/api/ai/conversations/:id',
    { schema: { tags, security, summary: 'Delete one of your conversations and its messages', params: ConversationParams, response: { 204: noContent('Deleted'), ...problemResponses(400, 401, 404) } } },
    async (request, reply) => {
      if (!(await deleteConversation(db, request.user.id, request.params.id))) throw new AppError('NOT_FOUND', 404, 'No such conversation.');
      return reply.status(204).send();
    },
  );
}
