/**
 * The assistant's tools, typed once: a name, a JSON-schema (TypeBox) for the arguments that the
 * LLM mode hands the model as it is, and `execute` over the signed-in user's context. A tool
 * reads; none places, cancels or changes anything, and none takes a user id: whose data a tool
 * sees is fixed by the context, never by its arguments.
 */
import type { ChatLanguage, ChatOrderDraft } from '@cryptosim/contracts';
import type { Static, TSchema } from 'typebox';
import { Compile } from 'typebox/compile';
import { AppError } from '../../../../kernel/app-error.js';
import type { ToolServices } from './tool-services.js';

export interface ToolContext {
  /** The signed-in user; every tool acts as this user only. */
  userId: number;
  language: ChatLanguage;
  signal: AbortSignal;
  services: ToolServices;
}

export interface ToolOutput {
  /** Structured result: what the reply is written from and what grounding checks against. */
  data: Record<string, unknown>;
  /** One short line for the UI chip, in the context's language. */
  summary: string;
  draft?: ChatOrderDraft;
}

export interface AssistantTool<A extends TSchema = TSchema> {
  name: string;
  /** For the model: what the tool answers and when to call it (English). */
  description: string;
  parameters: A;
  execute(ctx: ToolContext, args: Static<A>): Promise<ToolOutput>;
}

/** A refusal a tool answers with (unknown symbol, bad arguments, no price), as data the reply can explain. */
export class ToolError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export function defineTool<A extends TSchema>(tool: AssistantTool<A>): AssistantTool {
  return tool as unknown as AssistantTool;
}

export interface ToolRun {
  name: string;
  arguments: Record<string, unknown>;
  ok: boolean;
  data: Record<string, unknown>;
  summary: string;
  draft?: ChatOrderDraft;
}

const validators = new WeakMap<TSchema, ReturnType<typeof Compile>>();

function validatorOf(schema: TSchema) {
  let v = validators.get(schema);
  if (!v) {
    v = Compile(schema);
    validators.set(schema, v);
  }
  return v;
}

/** Validates the arguments (a model may send anything), runs the tool, and turns refusals into data. */
export async function runTool(tool: AssistantTool, ctx: ToolContext, args: unknown): Promise<ToolRun> {
  const given = args !== null && typeof args === 'object' && !Array.isArray(args) ? (args as Record<string, unknown>) : {};
  const failed = (code: string, message: string): ToolRun => ({
    name: tool.name,
    arguments: given,
    ok: false,
    data: { error: { code, message } },
    summary: ctx.language === 'ko' ? `${tool.name}: 실패 (${code})` : `${tool.name}: failed (${code})`,
  });
  const validator = validatorOf(tool.parameters);
  if (!validator.Check(given)) {
    const first = [...validator.Errors(given)][0];
    return failed('VALIDATION_FAILED', `invalid arguments${first ? `: ${first.instancePath || '/'} ${first.message}` : ''}`);
  }
  ctx.signal.throwIfAborted();
  try {
    const out = await tool.execute(ctx, given);
    return { name: tool.name, arguments: given, ok: true, data: out.data, summary: out.summary, ...(out.draft ? { draft: out.draft } : {}) };
  } catch (err) {
    if (err instanceof ToolError) return failed(err.code, err.message);
    // The domain's own refusals (UNKNOWN_SYMBOL, LOT_SIZE, MODEL_UNAVAILABLE, NO_PRICE) are answers too;
    // SERVICE_UNAVAILABLE and anything unexpected fail the turn.
    if (err instanceof AppError && (err.status < 500 || err.code === 'MODEL_UNAVAILABLE' || err.code === 'NO_PRICE')) return failed(err.code, err.message);
    throw err;
  }
}
