/** Every tool the assistants may call, by name. Both the built-in assistant and the LLM mode use this list. */
import { portfolioTool, ordersTool, tradeHistoryTool, performanceTool } from './account-tools.js';
import { analysisTool, indicatorGuideTool, predictionTool } from './ai-tools.js';
import { candlesTool, exchangeRulesTool, feeScheduleTool, pricesTool } from './market-tools.js';
import { orderDraftTool } from './order-draft-tool.js';
import type { AssistantTool } from './tool.js';

export const ASSISTANT_TOOLS: readonly AssistantTool[] = [
  pricesTool,
  candlesTool,
  analysisTool,
  predictionTool,
  indicatorGuideTool,
  portfolioTool,
  ordersTool,
  tradeHistoryTool,
  performanceTool,
  exchangeRulesTool,
  feeScheduleTool,
  orderDraftTool,
];

export const TOOLS_BY_NAME: ReadonlyMap<string, AssistantTool> = new Map(ASSISTANT_TOOLS.map((t) => [t.name, t]));
