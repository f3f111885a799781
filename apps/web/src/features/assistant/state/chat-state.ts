import type { ChatMessage, ChatNote, ChatOrderDraft, ChatStreamEvent, ConversationDetail } from '@cryptosim/contracts';

/** Why a turn got no (complete) answer; the UI words each kind in the user's language. */
export type ChatFailure =
  | { kind: 'rateLimited'; retryAfterSeconds: number | undefined }
  | { kind: 'invalid' }
  | { kind: 'notFound' }
  | { kind: 'network' }
  | { kind: 'cutOff' }
  | { kind: 'server'; code: string };

export interface ToolChip {
  name: string;
  summary: string;
}

export interface ChatTurn {
  /** Stable within this screen (React key); the server's id once the turn is stored. */
  key: string;
  role: 'user' | 'assistant';
  text: string;
  tools: ToolChip[];
  drafts: ChatOrderDraft[];
  notes: ChatNote[];
  status: 'streaming' | 'done' | 'stopped' | 'failed';
  failure?: ChatFailure;
}

export interface ChatState {
  conversationId: string | null;
  turns: ChatTurn[];
  /** True while an answer streams in; the composer then offers Stop instead of Send. */
  busy: boolean;
}

export type ChatAction =
  | { type: 'asked'; question: string; key: string }
  | { type: 'event'; event: ChatStreamEvent }
  | { type: 'stopped' }
  | { type: 'failed'; failure: ChatFailure }
  | { type: 'opened'; conversation: ConversationDetail }
  | { type: 'cleared' };

export const EMPTY_CHAT: ChatState = { conversationId: null, turns: [], busy: false };

function updateLast(state: ChatState, change: (turn: ChatTurn) => ChatTurn): ChatState {
  const last = state.turns.at(-1);
  if (!last || last.role !== 'assistant' || last.status !== 'streaming') return state;
  return { ...state, turns: [...state.turns.slice(0, -1), change(last)] };
}

function fromStored(message: ChatMessage): ChatTurn {
  return {
    key: `m${message.id}`,
    role: message.role === 'user' ? 'user' : 'assistant',
    text: message.content,
    tools: message.toolCalls.map((call) => ({ name: call.name, summary: call.summary ?? '' })),
    drafts: message.drafts,
    notes: message.notes,
    status: 'done',
  };
}

/**
 * The chat as a pure function of what happened: a question asked, each stream event, a
 * stop, a failure, a stored conversation opened. Deltas append to the answer being written;
 * `done` carries the conversation id that the next question continues.
 */
export function chatReducer(state: ChatState, action: ChatAction): ChatState {
  switch (action.type) {
    case 'asked': {
      const question: ChatTurn = { key: `${action.key}q`, role: 'user', text: action.question, tools: [], drafts: [], notes: [], status: 'done' };
      const answer: ChatTurn = { key: `${action.key}a`, role: 'assistant', text: '', tools: [], drafts: [], notes: [], status: 'streaming' };
      return { ...state, busy: true, turns: [...state.turns, question, answer] };
    }
    case 'event': {
      const event = action.event;
      switch (event.type) {
        case 'delta':
          return updateLast(state, (turn) => ({ ...turn, text: turn.text + event.text }));
        case 'tool':
          return updateLast(state, (turn) => ({ ...turn, tools: [...turn.tools, { name: event.name, summary: event.summary }] }));
        case 'draft':
          return updateLast(state, (turn) => ({ ...turn, drafts: [...turn.drafts, event.draft] }));
        case 'note':
          return updateLast(state, (turn) => ({ ...turn, notes: [...turn.notes, { code: event.code, message: event.message }] }));
        case 'done':
          return { ...updateLast(state, (turn) => ({ ...turn, status: 'done' })), conversationId: event.conversationId, busy: false };
        case 'error':
          return { ...updateLast(state, (turn) => ({ ...turn, status: 'failed', failure: { kind: 'server', code: event.code } })), busy: false };
        default:
          return state;
      }
    }
    case 'stopped':
      return { ...updateLast(state, (turn) => ({ ...turn, status: 'stopped' })), busy: false };
    case 'failed':
      return { ...updateLast(state, (turn) => ({ ...turn, status: 'failed', failure: action.failure })), busy: false };
    case 'opened':
      return { conversationId: action.conversation.id, turns: action.conversation.messages.map(fromStored), busy: false };
    case 'cleared':
      return EMPTY_CHAT;
  }
}
