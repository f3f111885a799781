/** What both assistants (built-in and LLM) are given for one turn and what they report back. */
import type { ChatLanguage, ChatMode, ChatNote } from '@cryptosim/contracts';
import type { ToolContext, ToolRun } from './tools/tool.js';

export interface PastMessage {
  role: 'user' | 'assistant';
  content: string;
  toolCalls: Array<{ name: string; arguments: Record<string, unknown> }>;
}

export interface TurnInput {
  text: string;
  language: ChatLanguage;
  /** The coin on the user's screen, when the UI sent one. */
  screenSymbol?: string | undefined;
  /** The conversation so far, oldest first (bounded). */
  history: PastMessage[];
}

/** Where an assistant reports progress; the chat service turns these into stream events. */
export interface TurnSink {
  /** A tool finished (its chip, its draft). */
  tool(run: ToolRun): void;
  /** Reply text that passed (or was marked by) the grounding check. */
  text(piece: string): void;
  note(note: ChatNote): void;
}

export interface TurnOutcome {
  mode: ChatMode;
  /** The reply as sent, marks included. */
  reply: string;
  runs: ToolRun[];
  ungrounded: number;
}

export interface Assistant {
  answer(input: TurnInput, ctx: ToolContext, sink: TurnSink): Promise<TurnOutcome>;
}
