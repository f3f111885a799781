import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const require = createRequire(import.meta.url);
const { source } = require('axe-core') as { source: string };

export interface AxeFinding {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/**
 * Runs axe-core in the page (WCAG 2.x A and AA rules) and returns the serious and critical
 * violations, each with the selectors of the offending nodes so a failure says where to look.
 */
export async function seriousViolations(page: Page): Promise<AxeFinding[]> {
  // evaluate() runs in the page's main world through DevTools, past the app's CSP (script-src 'self').
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(source);
  await finiteAnimationsDone(page);
  const violations = await page.evaluate(async () => {
    type Node = { target: string[]; any: Array<{ data?: { fgColor?: string; bgColor?: string; contrastRatio?: number } | null }> };
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: Array<{ id: string; impact: string | null; help: string; nodes: Node[] }> }> } }).axe;
    // For contrast failures the colours and ratio say more than the selector.
    const where = (n: Node) => {
      const data = n.any[0]?.data;
      return data?.contrastRatio ? `${n.target.join(' ')} (${data.fgColor} on ${data.bgColor}: ${data.contrastRatio})` : n.target.join(' ');
    };
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 8).map(where) }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/**
 * Waits for the page's finite animations and transitions (a dialog fading in, a drawer sliding)
 * to end: axe measures colours as painted, and a title at 10 % opacity reads as 1:1 contrast.
 * Endless ones (spinners, skeleton pulses) are left running.
 */
async function finiteAnimationsDone(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const finite = document.getAnimations().filter((a) => Number.isFinite(a.effect?.getComputedTiming().endTime ?? Infinity));
    await Promise.all(finite.map((a) => a.finished.catch(() => undefined)));
  });
}
