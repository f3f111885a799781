import Type, { type Static, type TSchema } from 'typebox';
import { DecimalString, SymbolName } from './decimal.js';
import { LiteralUnion } from './literal-union.js';
import { OrderSideSchema, OrderTypeSchema } from './trading.js';

const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

/** Longest message a user may send to the assistant (longer is 400 VALIDATION_FAILED). */
export const CHAT_MESSAGE_MAX_LENGTH = 2000;

export const ChatLanguages = ['ko', 'en'] as const;
export type ChatLanguage = (typeof ChatLanguages)[number];
export const ChatLanguageSchema = LiteralUnion(ChatLanguages);

/** Which assistant wrote a reply: the built-in one (no model) or the configured LLM endpoint. */
export const ChatModes = ['builtin', 'llm'] as const;
export type ChatMode = (typeof ChatModes)[number];
export const ChatModeSchema = LiteralUnion(ChatModes);

export const ConversationId = Type.String({ format: 'uuid', description: 'a conversation of the signed-in user' });

/** Body of POST /api/ai/chat. */
export const ChatRequest = Type.Object(
  {
    message: Type.String({ minLength: 1, maxLength: CHAT_MESSAGE_MAX_LENGTH, description: 'the question; blank is 400 VALIDATION_FAILED' }),
    conversationId: Type.Optional(ConversationId),
    symbol: Type.Optional(
      Type.String({
        pattern: '^[A-Z0-9]{2,20}$',
        description: 'the symbol on the user’s screen (the Trade page drawer); used when the message names no coin',
      }),
    ),
    language: Type.Optional(
      LiteralUnion(ChatLanguages, { description: 'the UI language; used only when the message itself shows no language (e.g. "BTC?")' }),
    ),
  },
  { additionalProperties: false },
);
export type ChatRequest = Static<typeof ChatRequest>;

/** One tool the assistant called in a turn, with the arguments it called it with. */
export const ChatToolCall = Type.Object({
  name: Type.String(),
  arguments: Type.Record(Type.String(), Type.Unknown()),
  summary: Type.Optional(Type.String({ description: 'one short line for the UI chip, in the reply language' })),
});
export type ChatToolCall = Static<typeof ChatToolCall>;

export const OrderDraftProblem = Type.Object({
  code: Type.String({ description: 'the code POST /api/trading/buy|sell would answer (LOT_SIZE, MIN_NOTIONAL, INSUFFICIENT_BALANCE, …)' }),
  message: Type.String({ description: 'in the reply language' }),
});
export type OrderDraftProblem = Static<typeof OrderDraftProblem>;

/**
 * An order the assistant prepared and did NOT place. The UI shows it as a card; Confirm opens
 * the normal order ticket filled with `request`, which the user then submits to
 * POST /api/trading/buy (side BUY) or /sell (side SELL).
 */
export const ChatOrderDraft = Type.Object({
  side: OrderSideSchema,
  request: Type.Object({
    symbol: SymbolName,
    type: OrderTypeSchema,
    quantity: Type.Optional(DecimalString()),
    quoteAmount: Type.Optional(DecimalString()),
    price: Type.Optional(DecimalString()),
    stopPrice: Type.Optional(DecimalString()),
  }),
  estimate: Nullable(
    Type.Object({
      price: DecimalString('the price the estimate uses: the limit/stop price, or the last price for MARKET'),
      quantity: DecimalString(),
      notional: DecimalString('quantity × price, USDT'),
      fee: DecimalString('USDT, on top of the notional'),
      total: DecimalString('buy: notional + fee (cash needed); sell: notional − fee (cash received)'),
    }),
  ),
  problems: Type.Array(OrderDraftProblem, { description: 'why the order would be refused as it stands; empty when it would be accepted' }),
});
export type ChatOrderDraft = Static<typeof ChatOrderDraft>;

export const ChatNoteCodes = ['LLM_FALLBACK', 'UNGROUNDED_FIGURES'] as const;
export type ChatNoteCode = (typeof ChatNoteCodes)[number];

/** Something the user should see beside a reply: the LLM failed and the built-in assistant answered, or figures could not be checked. */
export const ChatNote = Type.Object({
  code: LiteralUnion(ChatNoteCodes),
  message: Type.String({ description: 'in the reply language' }),
});
export type ChatNote = Static<typeof ChatNote>;

/** The frames of the POST /api/ai/chat event stream (`data: <json>\n\n`), in order: tool/draft/note/delta…, then done or error. */
export const ChatStreamEvent = Type.Union([
  Type.Object({ type: Type.Literal('delta'), text: Type.String() }),
  Type.Object({ type: Type.Literal('tool'), name: Type.String(), summary: Type.String() }),
  Type.Object({ type: Type.Literal('draft'), draft: ChatOrderDraft }),
  Type.Object({ type: Type.Literal('note'), code: LiteralUnion(ChatNoteCodes), message: Type.String() }),
  Type.Object({ type: Type.Literal('done'), conversationId: ConversationId, messageId: Type.Integer(), mode: ChatModeSchema }),
  Type.Object({ type: Type.Literal('error'), code: Type.String(), message: Type.String() }),
]);
export type ChatStreamEvent = Static<typeof ChatStreamEvent>;

/** POST /api/ai/chat with `Accept: application/json`. */
export const ChatReply = Type.Object({
  conversationId: ConversationId,
  messageId: Type.Integer({ description: 'id of the stored assistant message' }),
  reply: Type.String({ description: 'the whole answer text (markdown subset: **bold**, lists)' }),
  toolCalls: Type.Array(ChatToolCall),
  drafts: Type.Array(ChatOrderDraft),
  notes: Type.Array(ChatNote),
  mode: ChatModeSchema,
  language: ChatLanguageSchema,
});
export type ChatReply = Static<typeof ChatReply>;

export const ChatRoles = ['user', 'assistant'] as const;
export type ChatRole = (typeof ChatRoles)[number];

export const ChatMessage = Type.Object({
  id: Type.Integer(),
  role: LiteralUnion(ChatRoles),
  content: Type.String(),
  toolCalls: Type.Array(ChatToolCall, { description: 'assistant messages only; empty for user messages' }),
  drafts: Type.Array(ChatOrderDraft),
  notes: Type.Array(ChatNote),
  mode: Nullable(ChatModeSchema),
  createdAt: Type.String({ format: 'date-time' }),
});
export type ChatMessage = Static<typeof ChatMessage>;

export const ConversationSummary = Type.Object({
  id: ConversationId,
  title: Type.String({ description: 'the first question, shortened' }),
  messageCount: Type.Integer({ minimum: 0 }),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
});
export type ConversationSummary = Static<typeof ConversationSummary>;

export const ConversationsQuery = Type.Object(
  {
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
    cursor: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  },
  { additionalProperties: false },
);
export type ConversationsQuery = Static<typeof ConversationsQuery>;

export const ConversationsResponse = Type.Object({
  conversations: Type.Array(ConversationSummary, { description: 'most recently updated first' }),
  nextCursor: Nullable(Type.String()),
});
export type ConversationsResponse = Static<typeof ConversationsResponse>;

export const ConversationParams = Type.Object({ id: ConversationId }, { additionalProperties: false });
export type ConversationParams = Static<typeof ConversationParams>;

export const ConversationDetail = Type.Object({
  ...ConversationSummary.properties,
  messages: Type.Array(ChatMessage, { description: 'oldest first' }),
});
export type ConversationDetail = Static<typeof ConversationDetail>;
