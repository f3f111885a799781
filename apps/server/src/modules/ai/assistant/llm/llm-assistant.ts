/**
 * LLM mode: any OpenAI-compatible chat-completions endpoint through the official `openai`
 * client, streaming, with the same tools as the built-in assistant. A bounded tool loop: at most
 * MAX_STEPS requests per turn, the last without tools so the model must answer. Text streams to
 * the user through the grounding stream. A reply that fails the grounding check is not sent as
 * is: from the first failing sentence on it is held back and the model is asked once more, told
 * which figures no tool result holds, to write the rest again; what still fails is marked.
 * Each request has a deadline; a failure or timeout throws LlmUnavailable and the chat service
 * lets the built-in assistant answer instead.
 */
import OpenAI from 'openai';
import type { ChatCompletionMessageParam, ChatCompletionMessageToolCall } from 'openai/resources/chat/completions';
import type { Assistant, TurnInput, TurnOutcome, TurnSink } from '../assistant.js';
import { GroundingCorpus } from '../grounding/grounding.js';
import { GroundedStream, type HeldText } from '../grounding/grounded-stream.js';
import { ASSISTANT_TOOLS, TOOLS_BY_NAME } from '../tools/all-tools.js';
import { runTool, type ToolContext, type ToolRun } from '../tools/tool.js';
import { systemPrompt } from './system-prompt.js';
import { toolDefinitions } from './tool-definitions.js';

export const MAX_STEPS = 5;
/** Tool results beyond this many characters are cut before they go to the model. */
const MAX_TOOL_RESULT_CHARS = 12_000;

/** The instruction for the rewrite: which figures failed, and what the user has already seen. */
export function rewriteNote(figures: readonly string[], shown: string): string {
  return [
    `These figures in your reply are not in any tool result: ${[...new Set(figures)].join(', ')}.`,
    shown ? `The user has already seen this part of the reply: «${shown}»` : 'The user has seen none of the reply yet.',
    'Write the rest of the reply again, without repeating what the user has seen, using only numbers that appear in the tool results; leave out any figure you cannot take from them.',
  ].join('\n');
}

export class LlmUnavailable extends Error {
  override name = 'LlmUnavailable';
}

export interface LlmOptions {
  baseUrl: string;
  model: string;
  apiKey: string | undefined;
  timeoutMs: number;
}

interface PendingCall {
  id: string;
  name: string;
  arguments: string;
}

function parseArguments(text: string): unknown {
  try {
    return text.trim() === '' ? {} : (JSON.parse(text) as unknown);
  } catch {
    return { __unparsable: text.slice(0, 200) };
  }
}

export class LlmAssistant implements Assistant {
  readonly #client: OpenAI;
  readonly #tools = toolDefinitions(ASSISTANT_TOOLS);

  constructor(private readonly options: LlmOptions) {
    // Retries are ours to decide (there are none: the built-in assistant answers instead).
    this.#client = new OpenAI({ baseURL: options.baseUrl, apiKey: options.apiKey ?? 'none', maxRetries: 0, timeout: options.timeoutMs });
  }

  async answer(input: TurnInput, ctx: ToolContext, sink: TurnSink): Promise<TurnOutcome> {
    const symbols = ctx.services.symbols().list().map((s) => s.symbol);
    const messages: ChatCompletionMessageParam[] = [
      { role: 'system', content: systemPrompt(input.language, input.screenSymbol, symbols) },
      ...input.history.map((m): ChatCompletionMessageParam => ({ role: m.role, content: m.content })),
      { role: 'user', content: input.text },
    ];
    const runs: ToolRun[] = [];
    let corpus = GroundingCorpus.of(runs);
    const stream = new GroundedStream(() => corpus, input.language, (piece) => sink.text(piece), { holdFirstUngrounded: true });

    for (let step = 1; step <= MAX_STEPS; step++) {
      const last = step === MAX_STEPS;
      const { content, calls } = await this.#complete(messages, last, ctx.signal, (text) => stream.push(text));
      if (calls.length === 0 || last) break;
      messages.push({
        role: 'assistant',
        content: content || null,
        tool_calls: calls.map((c): ChatCompletionMessageToolCall => ({ id: c.id, type: 'function', function: { name: c.name, arguments: c.arguments } })),
      });
      for (const call of calls) {
        const tool = TOOLS_BY_NAME.get(call.name);
        let result: Record<string, unknown>;
        if (tool) {
          const run = await runTool(tool, ctx, parseArguments(call.arguments));
          runs.push(run);
          sink.tool(run);
          result = run.data;
        } else {
          result = { error: { code: 'UNKNOWN_TOOL', message: `There is no tool ${call.name}.` } };
        }
        const text = JSON.stringify(result);
        messages.push({ role: 'tool', tool_call_id: call.id, content: text.length > MAX_TOOL_RESULT_CHARS ? `${text.slice(0, MAX_TOOL_RESULT_CHARS)}…(cut)` : text });
      }
      corpus = GroundingCorpus.of(runs);
    }
    stream.finish();
    const held = stream.takeHeld();
    if (held) await this.#rewrite(messages, stream, held, ctx.signal);
    return { mode: 'llm', reply: stream.text, runs, ungrounded: stream.ungroundedCount };
  }

  /** One more completion, without tools, for the held rest of the reply; the held text itself (marked) if none comes. */
  async #rewrite(messages: ChatCompletionMessageParam[], stream: GroundedStream, held: HeldText, signal: AbortSignal): Promise<void> {
    messages.push({ role: 'assistant', content: stream.text + held.text }, { role: 'system', content: rewriteNote(held.figures, stream.text) });
    let rewritten = false;
    try {
      await this.#complete(messages, true, signal, (text) => {
        rewritten = true;
        stream.push(text);
      });
    } catch (err) {
      if (!(err instanceof LlmUnavailable)) throw err;
    }
    if (!rewritten) stream.push(held.text);
    stream.finish();
  }

  /** One streamed completion: text goes to `onText` as it arrives; tool calls are assembled from their deltas. */
  async #complete(messages: ChatCompletionMessageParam[], last: boolean, turnSignal: AbortSignal, onText: (text: string) => void): Promise<{ content: string; calls: PendingCall[] }> {
    const deadline = AbortSignal.timeout(this.options.timeoutMs);
    const signal = AbortSignal.any([turnSignal, deadline]);
    const pending = new Map<number, PendingCall>();
    let content = '';
    try {
      const chunks = await this.#client.chat.completions.create(
        { model: this.options.model, messages, stream: true, ...(last ? {} : { tools: this.#tools, tool_choice: 'auto' as const }) },
        { signal },
      );
      for await (const chunk of chunks) {
        const delta = chunk.choices[0]?.delta;
        if (!delta) continue;
        if (delta.content) {
          content += delta.content;
          onText(delta.content);
        }
        for (const tc of delta.tool_calls ?? []) {
          const call = pending.get(tc.index) ?? { id: '', name: '', arguments: '' };
          if (tc.id) call.id = tc.id;
          if (tc.function?.name) call.name += tc.function.name;
          if (tc.function?.arguments) call.arguments += tc.function.arguments;
          pending.set(tc.index, call);
        }
      }
    } catch (err) {
      if (turnSignal.aborted) throw turnSignal.reason instanceof Error ? turnSignal.reason : err;
      if (deadline.aborted) throw new LlmUnavailable(`the model endpoint did not answer within ${this.options.timeoutMs} ms`);
      throw new LlmUnavailable(`the model endpoint failed: ${err instanceof Error ? err.message : String(err)}`);
    }
    turnSignal.throwIfAborted();
    const calls = [...pending.entries()].sort(([a], [b]) => a - b).map(([i, c]) => ({ ...c, id: c.id || `call_${i}` }));
    return { content, calls };
  }
}
