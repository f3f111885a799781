/** The tools as OpenAI function definitions: the TypeBox schemas are JSON Schema already. */
import type { ChatCompletionTool } from 'openai/resources/chat/completions';
import type { AssistantTool } from '../tools/tool.js';

/** A plain JSON copy of a schema (TypeBox keeps its own bookkeeping under symbol and "~" keys). */
function plainSchema(schema: unknown): unknown {
  return JSON.parse(JSON.stringify(schema), (key, value: unknown) => (key.startsWith('~') ? undefined : value));
}

export function toolDefinitions(tools: readonly AssistantTool[]): ChatCompletionTool[] {
  return tools.map((t) => ({ type: 'function', function: { name: t.name, description: t.description, parameters: plainSchema(t.parameters) as Record<string, unknown> } }));
}
