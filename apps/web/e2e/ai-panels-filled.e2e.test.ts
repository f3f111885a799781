/**
 * The AI panels filled (their replies stubbed in the browser, shaped by the contracts) on their
 * own server and browser: after the other AI panel test on the same server, the Korean pass
 * missed the stubbed estimate in 3 of 4 runs next to the other suites, and never alone.
 */
import { describe, expect, it } from 'vitest';
import { analysis, models, prediction, predictions, trackRecord } from '../src/features/ai/testing/ai-data';
import { seriousViolations } from './support/axe';
import { chromiumAvailability } from './support/browser';
import { registerUser, useE2eApp } from './support/e2e-app';
import { horizontalOverflow, screenshot, VIEWPORTS } from './support/screenshots';

const chromium = chromiumAvailability();
const SYMBOL = 'BTCUSDT';
const SIZES = [['wide', { width: 1440, height: 900 }], ['phone', VIEWPORTS.phone]] as const;

describe.skipIf(!chromium.ok)('AI panels filled with data in Chromium against the real server', () => {
  const app = useE2eApp({ watchConsole: true });

  async function register(): Promise<void> {
    await app.page.goto(app.url('/'));
    await registerUser(app, 'ai');
  }

  it('when the AI routes answer with data (replies stubbed in the browser), then the filled panels fit 360 px and pass axe in dark mode, in English and Korean', async () => {
    // A fresh server has no scored predictions and may have no model yet: to check the layout
    // of the filled panels, their replies (shaped by the contracts) are served from the app.page.
    const replies: Array<[RegExp, unknown]> = [
      [/\/api\/ai\/predict$/, prediction],
      [/\/api\/ai\/analysis\?/, analysis],
      [/\/api\/ai\/track-record/, trackRecord],
      [/\/api\/ai\/models/, models],
      [/\/api\/ai\/predictions/, predictions],
    ];
    for (const [pattern, body] of replies) {
      await app.page.route(pattern, (route) => route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(body) }));
    }
    try {
      await app.page.setViewportSize(SIZES[0][1]);
      await register();
      for (const [language, [size, viewport]] of [['English', SIZES[0]], ['English', SIZES[1]], ['한국어', SIZES[1]]] as const) {
        // The theme and language switches sit in the header at desktop width; the choice is kept.
        await app.page.setViewportSize(SIZES[0][1]);
        await app.page.goto(app.url('/'));
        await app.page.getByRole('button', { name: language }).click();
        await app.page.getByRole('button', { name: language === 'English' ? 'Dark' : '다크' }).click();
        await app.page.setViewportSize(viewport);
        await app.page.goto(app.url(`/trade/${SYMBOL}`));
        const estimate = app.page.getByRole('region', { name: language === 'English' ? 'Model estimate' : '모델 추정' });
        await estimate.getByText(language === 'English' ? 'Next 1h: Up' : '다음 1h: 상승').waitFor();
        await app.page.getByText(analysis.summary).waitFor();
        await app.page.waitForLoadState('networkidle').catch(() => undefined);
        if (size === 'phone') expect(await horizontalOverflow(app.page), `filled /trade (${language}) scrolls sideways at 360 px`).toBeLessThanOrEqual(0);
        // Korean turns on red-for-up: the whole page, the ticket's Buy toggle included, is held to axe.
        expect(await seriousViolations(app.page), `axe on filled /trade (${language}, ${size}, dark)`).toEqual([]);
        await screenshot(app.page, `ai-trade-filled-dark-${language === 'English' ? 'en' : 'ko'}-${viewport.width}`, size === 'phone' ? 'phone' : 'desktop');

        await app.page.goto(app.url('/ai'));
        // The page's chart chunk (recharts) loads on first visit; behind a loaded CI run's other suites that took over 20 s once.
        await app.page.getByRole('img', { name: /Weekly accuracy|주별 정확도/ }).waitFor({ timeout: 60_000 });
        await app.page.locator('.recharts-line-curve').waitFor();
        await app.page.waitForLoadState('networkidle').catch(() => undefined);
        if (size === 'phone') expect(await horizontalOverflow(app.page), `filled /ai (${language}) scrolls sideways at 360 px`).toBeLessThanOrEqual(0);
        expect(await seriousViolations(app.page), `axe on filled /ai (${language}, ${size}, dark)`).toEqual([]);
        await screenshot(app.page, `ai-page-filled-dark-${language === 'English' ? 'en' : 'ko'}-${viewport.width}`, size === 'phone' ? 'phone' : 'desktop');
      }
    } finally {
      await app.page.unrouteAll();
    }
    expect(app.consoleErrors, 'browser console errors and warnings').toEqual([]);
  });
});
