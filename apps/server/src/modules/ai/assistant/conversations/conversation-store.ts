/**
 * Conversations and their messages (chat_conversations, chat_messages). Every read and write is
 * scoped by the owner's id: another user's conversation is indistinguishable from a missing one.
 * A turn is stored whole — the question and its reply in one transaction — or not at all.
 */
import { randomUUID } from 'node:crypto';
import { and, asc, desc, eq, lt, or, sql } from 'drizzle-orm';
import type { ChatMessage, ChatMode, ChatNote, ChatOrderDraft, ChatToolCall, ConversationDetail, ConversationsResponse, ConversationSummary } from '@cryptosim/contracts';
import { chatConversations, chatMessages } from '../../../../db/schema.js';
import type { Database } from '../../../../ports/db/db-port.js';
import { AppError } from '../../../../kernel/app-error.js';
import { decodeCursor, encodeCursor } from '../../list-cursor.js';
import type { PastMessage } from '../assistant.js';

export const TITLE_MAX = 80;

export function titleOf(message: string): string {
  const line = message.trim().replace(/\s+/g, ' ');
  return line.length <= TITLE_MAX ? line : `${line.slice(0, TITLE_MAX - 1)}…`;
}

export async function conversationExists(db: Database, userId: number, id: string): Promise<boolean> {
  const [row] = await db.select({ id: chatConversations.id }).from(chatConversations).where(and(eq(chatConversations.id, id), eq(chatConversations.userId, userId)));
  return row !== undefined;
}

/** The last `limit` messages of the conversation, oldest first (the assistants' context). */
export async function recentMessages(db: Database, userId: number, id: string, limit: number): Promise<PastMessage[]> {
  const rows = await db
    .select({ role: chatMessages.role, content: chatMessages.content, toolCalls: chatMessages.toolCalls })
    .from(chatMessages)
    .where(and(eq(chatMessages.conversationId, id), eq(chatMessages.userId, userId)))
    .orderBy(desc(chatMessages.id))
    .limit(limit);
  return rows
    .reverse()
    .filter((r) => r.role === 'user' || r.role === 'assistant')
    .map((r) => ({ role: r.role as 'user' | 'assistant', content: r.content, toolCalls: ((r.toolCalls ?? []) as ChatToolCall[]).map((c) => ({ name: c.name, arguments: c.arguments })) }));
}

export interface StoredTurn {
  userId: number;
  /** Undefined: a new conversation titled by the question. */
  conversationId: string | undefined;
  question: string;
  reply: { content: string; toolCalls: ChatToolCall[]; drafts: ChatOrderDraft[]; notes: ChatNote[]; mode: ChatMode };
}

/** Stores the question and its reply together; the conversation is created or touched in the same transaction. */
export async function storeTurn(db: Database, turn: StoredTurn): Promise<{ conversationId: string; messageId: number }> {
  return db.transaction(async (tx) => {
    const now = new Date();
    let conversationId = turn.conversationId;
    if (conversationId === undefined) {
      conversationId = randomUUID();
      await tx.insert(chatConversations).values({ id: conversationId, userId: turn.userId, title: titleOf(turn.question), createdAt: now, updatedAt: now });
    } else {
      const touched = await tx
        .update(chatConversations)
        .set({ updatedAt: now })
        .where(and(eq(chatConversations.id, conversationId), eq(chatConversations.userId, turn.userId)))
        .returning({ id: chatConversations.id });
      // Deleted while the reply was being written: the turn has nowhere to go.
      if (touched.length === 0) throw new AppError('NOT_FOUND', 404, 'No such conversation.');
    }
    await tx.insert(chatMessages).values({ conversationId, userId: turn.userId, role: 'user', content: turn.question, toolCalls: [], drafts: [], notes: [], createdAt: now });
    const [reply] = await tx
      .insert(chatMessages)
      .values({ conversationId, userId: turn.userId, role: 'assistant', content: turn.reply.content, toolCalls: turn.reply.toolCalls, drafts: turn.reply.drafts, notes: turn.reply.notes, mode: turn.reply.mode, createdAt: now })
      .returning({ id: chatMessages.id });
    return { conversationId, messageId: reply!.id };
  });
}

// Spelled out: inside a select list drizzle writes columns unqualified, and both tables have an "id".
const messageCount = sql<number>`(select count(*)::int from chat_messages m where m.conversation_id = chat_conversations.id)`;

function summaryOf(row: { id: string; title: string; messageCount: number; createdAt: Date; updatedAt: Date }): ConversationSummary {
  return { id: row.id, title: row.title, messageCount: Number(row.messageCount), createdAt: row.createdAt.toISOString(), updatedAt: row.updatedAt.toISOString() };
}

const CURSOR_KEY = /^(\d{1,15})\|([0-9a-f-]{36})$/;

export async function listConversations(db: Database, userId: number, q: { limit: number; cursor?: string | undefined }): Promise<ConversationsResponse> {
  const key = decodeCursor(q.cursor, (k) => CURSOR_KEY.test(k));
  const after = key ? CURSOR_KEY.exec(key)! : undefined;
  const before = after
    ? or(lt(chatConversations.updatedAt, new Date(Number(after[1]))), and(eq(chatConversations.updatedAt, new Date(Number(after[1]))), lt(chatConversations.id, after[2]!)))
    : undefined;
  const rows = await db
    .select({ id: chatConversations.id, title: chatConversations.title, createdAt: chatConversations.createdAt, updatedAt: chatConversations.updatedAt, messageCount })
    .from(chatConversations)
    .where(and(eq(chatConversations.userId, userId), before))
    .orderBy(desc(chatConversations.updatedAt), desc(chatConversations.id))
    .limit(q.limit + 1);
  const page = rows.slice(0, q.limit);
  const last = page[page.length - 1];
  return {
    conversations: page.map(summaryOf),
    nextCursor: rows.length > q.limit && last ? encodeCursor(`${last.updatedAt.getTime()}|${last.id}`) : null,
  };
}

export async function getConversation(db: Database, userId: number, id: string): Promise<ConversationDetail | undefined> {
  const [row] = await db
    .select({ id: chatConversations.id, title: chatConversations.title, createdAt: chatConversations.createdAt, updatedAt: chatConversations.updatedAt, messageCount })
    .from(chatConversations)
    .where(and(eq(chatConversations.id, id), eq(chatConversations.userId, userId)));
  if (!row) return undefined;
  const messages = await db.select().from(chatMessages).where(and(eq(chatMessages.conversationId, id), eq(chatMessages.userId, userId))).orderBy(asc(chatMessages.id));
  return {
    ...summaryOf(row),
    messages: messages
      .filter((m) => m.role === 'user' || m.role === 'assistant')
      .map(
        (m): ChatMessage => ({
          id: m.id,
          role: m.role as 'user' | 'assistant',
          content: m.content,
          toolCalls: (m.toolCalls ?? []) as ChatToolCall[],
          drafts: (m.drafts ?? []) as ChatOrderDraft[],
          notes: (m.notes ?? []) as ChatNote[],
          mode: m.mode ?? null,
          createdAt: m.createdAt.toISOString(),
        }),
      ),
  };
}

export async function deleteConversation(db: Database, userId: number, id: string): Promise<boolean> {
  const deleted = await db.delete(chatConversations).where(and(eq(chatConversations.id, id), eq(chatConversations.userId, userId))).returning({ id: chatConversations.id });
  return deleted.length > 0;
}
