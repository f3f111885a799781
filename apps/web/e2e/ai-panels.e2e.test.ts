import { describe, expect, it } from 'vitest';
import { seriousViolations } from './support/axe';
import { chromiumAvailability } from './support/browser';
import { registerUser, useE2eApp } from './support/e2e-app';
import { horizontalOverflow, screenshot, VIEWPORTS } from './support/screenshots';

const chromium = chromiumAvailability();
const SYMBOL = 'BTCUSDT';
const SIZES = [['wide', { width: 1440, height: 900 }], ['phone', VIEWPORTS.phone]] as const;

/**
 * What a panel may show against a fresh server: the estimate itself, its 503 "not available
 * yet" state while no model or not enough candles are there, or — while this server does not
 * serve the route at all — its error state. Which one is expected is read from /openapi.json.
 */
const PREDICTION_SHOWN = /^Next 1h: (Up|Down|Flat)$|No estimate is available yet/;
const ANALYSIS_SHOWN = /^(Uptrend|Downtrend|Sideways)$|analysis is not available yet/;

describe.skipIf(!chromium.ok)('AI panels in Chromium against the real server', () => {
  const app = useE2eApp({ watchConsole: true });

  /** Signs up a fresh user unless the page already holds a session (the tests also run one by one). */
  async function register(): Promise<void> {
    await app.page.goto(app.url('/'));
    if (await app.page.evaluate(() => (localStorage.getItem('cryptosim.session') ?? '').includes('accessToken'))) return;
    await registerUser(app, 'ai');
  }

  /** The panel's settled state: the data or 503 text when the route is served, its error otherwise. */
  async function settledPanel(region: string, route: string, shown: RegExp, failed: string): Promise<string> {
    const panel = app.page.getByRole('region', { name: region });
    const expected = app.served.has(route) ? panel.getByText(shown) : panel.getByText(failed);
    await expected.first().waitFor();
    return expected.first().innerText();
  }

  it('when a signed-in user opens the Trade page and the AI page, then the panels render, fit 360 px, pass axe and keep the console clean', async () => {
    await register();
    for (const [size, viewport] of SIZES) {
      await app.page.setViewportSize(viewport);

      await app.page.goto(app.url(`/trade/${SYMBOL}`));
      await app.page.getByRole('heading', { level: 1, name: `Trade ${SYMBOL}` }).waitFor();
      const estimate = await settledPanel('Model estimate', '/api/ai/predict', PREDICTION_SHOWN, 'The estimate could not be loaded.');
      await settledPanel('Market analysis', '/api/ai/analysis', ANALYSIS_SHOWN, 'The analysis could not be loaded.');
      const estimatePanel = app.page.getByRole('region', { name: 'Model estimate' });
      expect(await estimatePanel.getByText(/not investment advice/).count(), 'the estimate says it is not advice').toBe(1);
      if (/^Next 1h/.test(estimate)) {
        expect(await estimatePanel.getByRole('progressbar').count(), 'one bar per class').toBe(3);
        await estimatePanel.getByText(/scored: accuracy .* vs baselines|has been scored yet/).waitFor();
      }
      await app.page.waitForLoadState('networkidle').catch(() => undefined);
      if (size === 'phone') expect(await horizontalOverflow(app.page), `/trade/${SYMBOL} scrolls sideways at 360 px`).toBeLessThanOrEqual(0);
      expect(await seriousViolations(app.page), `axe on /trade/${SYMBOL} (${size})`).toEqual([]);
      await screenshot(app.page, `ai-trade-${viewport.width}`, size === 'phone' ? 'phone' : 'desktop');

      await app.page.goto(app.url('/ai'));
      await app.page.getByRole('heading', { level: 1, name: 'AI assistant' }).waitFor();
      const record = app.page.getByRole('region', { name: 'Track record' });
      await record.getByText('Scored', { exact: true }).waitFor();
      await record.getByRole('table', { name: 'Confusion matrix' }).waitFor();
      await app.page.getByRole('region', { name: 'Models' }).getByText(/No model is registered yet|Active|Candidate|Retired/).first().waitFor();
      await app.page.getByRole('region', { name: 'Recent predictions' }).getByText(/No prediction has been made yet|Pending|Scored|Void/).first().waitFor();
      await app.page.waitForLoadState('networkidle').catch(() => undefined);
      if (size === 'phone') expect(await horizontalOverflow(app.page), '/ai scrolls sideways at 360 px').toBeLessThanOrEqual(0);
      expect(await seriousViolations(app.page), `axe on /ai (${size})`).toEqual([]);
      await screenshot(app.page, `ai-page-${viewport.width}`, size === 'phone' ? 'phone' : 'desktop');
    }

    // The navigation reaches the AI page (at 360 px through the menu).
    await app.page.goto(app.url('/'));
    await app.page.getByRole('button', { name: 'Open navigation' }).click();
    await app.page.getByRole('link', { name: 'AI', exact: true }).click();
    await app.page.getByRole('heading', { level: 1, name: 'AI assistant' }).waitFor();

    expect(app.consoleErrors, 'browser console errors and warnings').toEqual([]);
  });
});
