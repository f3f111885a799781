/**
 * The built-in assistant (the default; no model): plans the tool calls from the question's
 * keywords and coin names, runs them as the signed-in user, and writes the reply from their
 * results only, in the question's language. The reply goes out through the grounding stream
 * like an LLM's, so a figure that slipped in from anywhere else would be marked.
 */
import type { Assistant, PastMessage, TurnInput, TurnOutcome, TurnSink } from '../assistant.js';
import { GroundingCorpus } from '../grounding/grounding.js';
import { GroundedStream } from '../grounding/grounded-stream.js';
import { TOOLS_BY_NAME } from '../tools/all-tools.js';
import { runTool, type ToolContext, type ToolRun } from '../tools/tool.js';
import type { Intent } from './intents.js';
import { planTurn, type TurnPlan } from './plan-turn.js';
import { analysisReply, indicatorReply, predictionReply } from './replies-ai.js';
import { historyReply, openOrdersReply, performanceReply, pnlReply, portfolioReply, refusedReply } from './replies-account.js';
import { feesReply, pricesReply, rulesReply } from './replies-market.js';
import { cannotActReply, draftReply, helpReply, otherUserNote, unknownReply } from './replies-other.js';
import { runOf, type Lang } from './reply-text.js';

const INTENT_OF_TOOL: Record<string, Intent> = {
  get_prices: 'price',
  get_portfolio: 'portfolio',
  get_performance: 'performance',
  get_orders: 'open_orders',
  get_trade_history: 'history',
  get_prediction: 'prediction',
  get_market_analysis: 'analysis',
  explain_indicator: 'indicator',
  get_fee_schedule: 'fees',
  get_exchange_rules: 'rules',
  draft_order: 'draft',
};

/** What the previous assistant turn was about, from the tools it called. */
export function previousTopic(history: readonly PastMessage[]): { intent: Intent; symbol?: string } | undefined {
  const last = [...history].reverse().find((m) => m.role === 'assistant' && m.toolCalls.length > 0);
  const call = last?.toolCalls[0];
  if (!call) return undefined;
  const intent = INTENT_OF_TOOL[call.name];
  if (!intent) return undefined;
  const args = call.arguments;
  const symbol = typeof args.symbol === 'string' ? args.symbol : Array.isArray(args.symbols) && typeof args.symbols[0] === 'string' ? args.symbols[0] : undefined;
  return symbol ? { intent, symbol } : { intent };
}

export function writeReply(plan: TurnPlan, runs: ToolRun[], lang: Lang): string {
  const focus = plan.coins.map((c) => c.symbol);
  const body = ((): string => {
    switch (plan.intent) {
      case 'price':
        return pricesReply(runOf(runs, 'get_prices'), lang);
      case 'portfolio':
        return portfolioReply(runOf(runs, 'get_portfolio'), lang, focus, runOf(runs, 'get_prices'));
      case 'pnl':
        return focus.length > 0 ? portfolioReply(runOf(runs, 'get_portfolio'), lang, focus, runOf(runs, 'get_prices')) : pnlReply(runOf(runs, 'get_portfolio'), lang);
      case 'performance':
        return performanceReply(runOf(runs, 'get_performance'), lang);
      case 'open_orders':
        return openOrdersReply(runOf(runs, 'get_orders'), lang);
      case 'refused':
        return refusedReply(runOf(runs, 'get_orders'), runOf(runs, 'get_exchange_rules'), lang);
      case 'history':
        return historyReply(runOf(runs, 'get_trade_history'), lang);
      case 'prediction':
      case 'track_record':
        return predictionReply(runOf(runs, 'get_prediction'), lang, plan.intent === 'track_record');
      case 'analysis':
        return analysisReply(runOf(runs, 'get_market_analysis'), lang);
      case 'indicator':
        return indicatorReply(runOf(runs, 'explain_indicator'), runOf(runs, 'get_market_analysis'), lang);
      case 'fees':
        return feesReply(runOf(runs, 'get_fee_schedule'), lang);
      case 'rules':
        return rulesReply(runOf(runs, 'get_exchange_rules'), lang);
      case 'draft':
        return draftReply(runOf(runs, 'draft_order'), runOf(runs, 'get_exchange_rules'), plan.order, lang, plan.calls.length > 0);
      case 'cannot_act':
        return cannotActReply(lang);
      case 'help':
        return helpReply(lang);
      case 'unknown':
        return unknownReply(lang);
    }
  })();
  return plan.otherUser ? `${otherUserNote(lang)}\n\n${body}` : body;
}

export class BuiltinAssistant implements Assistant {
  async answer(input: TurnInput, ctx: ToolContext, sink: TurnSink): Promise<TurnOutcome> {
    const symbols = ctx.services.symbols().list();
    const plan = planTurn(input.text, { symbols, screenSymbol: input.screenSymbol, previous: previousTopic(input.history) });
    // A question about holding a coin also gets its price, for when the user holds none.
    if ((plan.intent === 'portfolio' || plan.intent === 'pnl') && plan.coins.length > 0) plan.calls.push({ tool: 'get_prices', args: { symbols: plan.coins.map((c) => c.symbol) } });
    const runs = await Promise.all(
      plan.calls.map(async ({ tool, args }) => {
        const run = await runTool(TOOLS_BY_NAME.get(tool)!, ctx, args);
        sink.tool(run);
        return run;
      }),
    );
    ctx.signal.throwIfAborted();
    const corpus = GroundingCorpus.of(runs);
    const stream = new GroundedStream(() => corpus, input.language, (piece) => sink.text(piece));
    stream.push(writeReply(plan, runs, input.language));
    stream.finish();
    return { mode: 'builtin', reply: stream.text, runs, ungrounded: stream.ungroundedCount };
  }
}
