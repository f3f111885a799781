import axe from 'axe-core';

export interface AxeFinding {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/**
 * axe-core's WCAG 2.x A and AA rules over a rendered component in jsdom, every violation with
 * the selectors of its nodes. Colour contrast is left to the e2e pass (e2e/support/axe.ts): jsdom
 * does no layout or painting, so axe cannot measure colours here.
 */
export async function axeViolations(root: Element): Promise<AxeFinding[]> {
  const result = await axe.run(root, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    rules: { 'color-contrast': { enabled: false } },
  });
  return result.violations.map((v) => ({ id: v.id, impact: v.impact ?? null, help: v.help, targets: v.nodes.slice(0, 8).map((n) => n.target.join(' ')) }));
}
