/**
 * One chat turn: check the question and the conversation, let the assistant answer (the LLM
 * when configured, the built-in one otherwise or when the LLM fails), report tools, drafts,
 * notes and text as they come, then store the question and the reply together and say done.
 * Aborting the signal (the client went away) stops the work wherever it is, and since the turn
 * is stored only after the reply is complete, an aborted turn leaves nothing behind.
 */
import type { ChatLanguage, ChatNote, ChatOrderDraft, ChatReply, ChatStreamEvent, ChatToolCall } from '@cryptosim/contracts';
import { AppError } from '../../../kernel/app-error.js';
import type { Logger } from 'pino';
import type { Assistant, TurnInput, TurnOutcome, TurnSink } from './assistant.js';
import { conversationExists, recentMessages, storeTurn } from './conversations/conversation-store.js';
import { detectLanguage } from './language/detect-language.js';
import type { ToolRun } from './tools/tool.js';
import type { ToolServices } from './tools/tool-services.js';

/** Messages of the conversation the assistants see (5 earlier turns). */
export const HISTORY_MESSAGES = 10;

export interface TurnRequest {
  userId: number;
  message: string;
  conversationId?: string | undefined;
  symbol?: string | undefined;
  /** The UI's language (body.language, else Accept-Language), for questions that show none. */
  uiLanguage: ChatLanguage;
}

export interface PreparedTurn {
  request: TurnRequest;
  input: TurnInput;
}

const NOTE_TEXT: Record<ChatNote['code'], Record<ChatLanguage, string>> = {
  LLM_FALLBACK: {
    ko: '언어 모델 서버에 연결하지 못해 기본 도우미가 답했습니다.',
    en: 'The language model could not be reached, so the built-in assistant answered.',
  },
  UNGROUNDED_FIGURES: {
    ko: '도구 결과에서 확인되지 않은 수치가 표시되어 있습니다.',
    en: 'Some figures could not be checked against the data and are marked.',
  },
};

export function note(code: ChatNote['code'], language: ChatLanguage): ChatNote {
  return { code, message: NOTE_TEXT[code][language] };
}

export class ChatService {
  constructor(
    private readonly deps: {
      services: ToolServices;
      builtin: Assistant;
      /** Undefined unless LLM_BASE_URL is set. */
      llm: Assistant | undefined;
      logger: Pick<Logger, 'warn'>;
    },
  ) {}

  get mode(): 'builtin' | 'llm' {
    return this.deps.llm ? 'llm' : 'builtin';
  }

  /** Refuses what cannot start a turn (blank message, someone else's conversation) before any reply is sent. */
  async prepare(request: TurnRequest): Promise<PreparedTurn> {
    const text = request.message.trim();
    if (text.length === 0) {
      throw new AppError('VALIDATION_FAILED', 400, 'The message is empty.', [{ path: '/message', message: 'must not be blank' }]);
    }
    const { db } = this.deps.services;
    let history: TurnInput['history'] = [];
    if (request.conversationId !== undefined) {
      if (!(await conversationExists(db, request.userId, request.conversationId))) throw new AppError('NOT_FOUND', 404, 'No such conversation.');
      history = await recentMessages(db, request.userId, request.conversationId, HISTORY_MESSAGES);
    }
    return { request, input: { text, language: detectLanguage(text, request.uiLanguage), screenSymbol: request.symbol, history } };
  }

  async run(turn: PreparedTurn, emit: (event: ChatStreamEvent) => void, signal: AbortSignal): Promise<ChatReply> {
    const { input, request } = turn;
    const language = input.language;
    const runs: ToolRun[] = [];
    const drafts: ChatOrderDraft[] = [];
    const notes: ChatNote[] = [];
    let sent = '';
    const sink: TurnSink = {
      tool(run) {
        runs.push(run);
        emit({ type: 'tool', name: run.name, summary: run.summary });
        if (run.draft) {
          drafts.push(run.draft);
          emit({ type: 'draft', draft: run.draft });
        }
      },
      text(piece) {
        if (!piece) return;
        sent += piece;
        emit({ type: 'delta', text: piece });
      },
      note(n) {
        notes.push(n);
        emit({ type: 'note', code: n.code, message: n.message });
      },
    };
    const ctx = { userId: request.userId, language, signal, services: this.deps.services };

    let outcome: TurnOutcome;
    if (this.deps.llm) {
      try {
        outcome = await this.deps.llm.answer(input, ctx, sink);
      } catch (err) {
        if (signal.aborted) throw err;
        this.deps.logger.warn({ err }, 'LLM turn failed; the built-in assistant answers');
        sink.note(note('LLM_FALLBACK', language));
        if (sent) sink.text('\n\n');
        outcome = await this.deps.builtin.answer(input, ctx, sink);
      }
    } else {
      outcome = await this.deps.builtin.answer(input, ctx, sink);
    }
    if (outcome.ungrounded > 0) sink.note(note('UNGROUNDED_FIGURES', language));
    signal.throwIfAborted();

    const toolCalls: ChatToolCall[] = runs.map((r) => ({ name: r.name, arguments: r.arguments, summary: r.summary }));
    const stored = await storeTurn(this.deps.services.db, {
      userId: request.userId,
      conversationId: request.conversationId,
      question: input.text,
      reply: { content: sent, toolCalls, drafts, notes, mode: outcome.mode },
    });
    emit({ type: 'done', conversationId: stored.conversationId, messageId: stored.messageId, mode: outcome.mode });
    return { conversationId: stored.conversationId, messageId: stored.messageId, reply: sent, toolCalls, drafts, notes, mode: outcome.mode, language };
  }
}
