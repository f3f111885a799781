/**
 * A scripted OpenAI-compatible server for the LLM-mode tests: POST /v1/chat/completions answers
 * each request with the next step of a script, as real `chat.completion.chunk` SSE frames — text
 * split into several deltas, tool calls with their `arguments` split across chunks the way the
 * API sends them (the first chunk carries id, type and name; later ones only argument pieces) —
 * or with an error status, or by never answering. It records each request's body and whether
 * the client hung up before the answer ended.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  body: { model: string; messages: Array<{ role: string; content: string | null; tool_call_id?: string; tool_calls?: unknown[] }>; tools?: Array<{ function: { name: string } }>; stream?: boolean };
  closedEarly: boolean;
}

export type ScriptStep =
  | { kind: 'chunks'; chunks: object[]; hangAfter?: boolean }
  | { kind: 'status'; status: number }
  | { kind: 'hang' };

let seq = 0;
const base = () => ({ id: `chatcmpl-${++seq}`, object: 'chat.completion.chunk', created: 1_700_000_000, model: 'scripted' });

/** Text as several content deltas, then a stop chunk. */
export function textChunks(text: string, pieces = 4): object[] {
  const size = Math.max(1, Math.ceil(text.length / pieces));
  const out: object[] = [{ ...base(), choices: [{ index: 0, delta: { role: 'assistant', content: '' }, finish_reason: null }] }];
  for (let i = 0; i < text.length; i += size) out.push({ ...base(), choices: [{ index: 0, delta: { content: text.slice(i, i + size) }, finish_reason: null }] });
  out.push({ ...base(), choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] });
  return out;
}

/** Tool calls as OpenAI streams them: id/name first, the JSON arguments in three pieces after. */
export function toolCallChunks(calls: Array<{ name: string; arguments: object }>): object[] {
  const out: object[] = [{ ...base(), choices: [{ index: 0, delta: { role: 'assistant', content: null }, finish_reason: null }] }];
  calls.forEach((call, index) => {
    const args = JSON.stringify(call.arguments);
    out.push({ ...base(), choices: [{ index: 0, delta: { tool_calls: [{ index, id: `call_${seq}_${index}`, type: 'function', function: { name: call.name, arguments: '' } }] }, finish_reason: null }] });
    const third = Math.ceil(args.length / 3);
    for (let i = 0; i < args.length; i += third) out.push({ ...base(), choices: [{ index: 0, delta: { tool_calls: [{ index, function: { arguments: args.slice(i, i + third) } }] }, finish_reason: null }] });
  });
  out.push({ ...base(), choices: [{ index: 0, delta: {}, finish_reason: 'tool_calls' }] });
  return out;
}

export interface ScriptedServer {
  baseUrl: string;
  requests: RecordedRequest[];
  /** Steps answered in order; a function gets the request (to write from its tool results). */
  script: Array<ScriptStep | ((req: RecordedRequest['body']) => ScriptStep)>;
  close(): Promise<void>;
}

export async function startScriptedServer(): Promise<ScriptedServer> {
  const requests: RecordedRequest[] = [];
  const script: ScriptedServer['script'] = [];
  const open = new Set<http.ServerResponse>();
  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (c: Buffer) => (raw += c.toString()));
    req.on('end', () => {
      if (req.method !== 'POST' || !req.url?.endsWith('/chat/completions')) {
        res.writeHead(404).end();
        return;
      }
      const body = JSON.parse(raw) as RecordedRequest['body'];
      const record: RecordedRequest = { body, closedEarly: false };
      requests.push(record);
      res.on('close', () => {
        if (!res.writableFinished) record.closedEarly = true;
        open.delete(res);
      });
      open.add(res);
      const next = script.shift() ?? { kind: 'status', status: 500 };
      const step = typeof next === 'function' ? next(body) : next;
      if (step.kind === 'hang') return;
      if (step.kind === 'status') {
        res.writeHead(step.status, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { message: 'scripted failure', type: 'server_error' } }));
        return;
      }
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
      for (const chunk of step.chunks) res.write(`data: ${JSON.stringify(chunk)}\n\n`);
      if (step.hangAfter) return;
      res.end('data: [DONE]\n\n');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    script,
    async close() {
      for (const res of open) res.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
