/**
 * The question suite: each Korean and English question of questions.fixtures.json asked through
 * POST /api/ai/chat as a seeded trader, on every backend. For each: the tools the built-in
 * assistant called, the reply's language, the figures it must show, and — independently of the
 * server's own check — that every number in the reply is in the results of that turn's tool
 * calls, re-run here as the same user.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBackends, type TestStorage } from '../../../testing/test-app.js';
import { checkGrounding, GroundingCorpus } from './grounding/grounding.js';
import { ask, startChatApp, type ChatTestApp } from './testing/chat-test-app.js';
import { testToolContext } from './testing/tool-context.js';
import { TOOLS_BY_NAME } from './tools/all-tools.js';
import { runTool, type ToolRun } from './tools/tool.js';

interface Question {
  q: string;
  lang: 'ko' | 'en';
  tools: string[];
  includes: string[];
  draft?: boolean;
}

const QUESTIONS = JSON.parse(readFileSync(new URL('./questions.fixtures.json', import.meta.url), 'utf8')) as Question[];
const HANGUL = /[\uAC00-\uD7AF]/;

describe('question fixtures', () => {
  it('when the suite is loaded, then it holds at least 40 questions in both languages', () => {
    expect(QUESTIONS.length).toBeGreaterThanOrEqual(40);
    expect(QUESTIONS.filter((q) => q.lang === 'ko').length).toBeGreaterThanOrEqual(15);
    expect(QUESTIONS.filter((q) => q.lang === 'en').length).toBeGreaterThanOrEqual(15);
  });
});

for (const backend of await testBackends()) {
  describe.skipIf(backend.skipReason)(`the built-in assistant's question suite on ${backend.name}`, () => {
    let storage: TestStorage;
    let t: ChatTestApp;
    beforeAll(async () => {
      storage = await backend.open();
      t = await startChatApp(storage);
    }, 120_000);
    afterAll(async () => {
      await t?.close();
      await storage?.close();
    });

    it.each(QUESTIONS.map((q) => [q.q, q] as const))('when asked %j, then the expected tools answer, in its language, with only grounded figures', async (_q, question) => {
      const reply = await ask(t.app, t.trader, question.q);
      expect(reply.mode).toBe('builtin');
      expect(reply.toolCalls.map((c) => c.name).sort(), `tools called for ${question.q}`).toEqual([...question.tools].sort());
      expect(reply.language, 'reply language').toBe(question.lang);
      expect(HANGUL.test(reply.reply), `reply is ${question.lang === 'ko' ? '' : 'not '}Korean: ${reply.reply}`).toBe(question.lang === 'ko');
      for (const text of question.includes) expect(reply.reply, `the reply shows ${text}`).toContain(text);
      expect(reply.drafts.length, 'order drafts').toBe(question.draft ? 1 : 0);
      expect(reply.notes, 'no notes (no fallback, nothing unverified)').toEqual([]);
      expect(reply.reply, 'no never-promised profit').not.toMatch(/guaranteed (profit|return)|수익을 보장합니다|will (definitely|surely) (rise|go up)/i);

      // Re-run the turn's tool calls as the same user and check every figure against their results.
      const ctx = testToolContext(t.test.ports, t.trader.id, question.lang);
      const runs: ToolRun[] = [];
      for (const call of reply.toolCalls) runs.push(await runTool(TOOLS_BY_NAME.get(call.name)!, ctx, call.arguments));
      const check = checkGrounding(reply.reply, GroundingCorpus.of(runs));
      expect(check.ungrounded.map((n) => n.text), `ungrounded figures in: ${reply.reply}`).toEqual([]);
    });
  });
}
