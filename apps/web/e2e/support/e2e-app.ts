/**
 * The preamble every browser suite shares: the real server in its own process (simulated
 * market), Debian's Chromium with a fresh profile, one page with a 20 s default timeout, and
 * optionally a log of what the browser console complains about. Call `useE2eApp()` in a
 * describe block: it registers the beforeAll/afterAll hooks and returns the running app.
 */
import { afterAll, beforeAll } from 'vitest';
import type { Page } from 'playwright-core';
import { startServerProcess, type ServerProcess } from '../../../server/src/testing/server-process';
import { isExpectedAiReply, servedPaths } from './ai-console';
import { launchChromium, type Browser } from './browser';

export interface E2eApp {
  readonly server: ServerProcess;
  readonly browser: Browser;
  readonly page: Page;
  /** The paths the server lists in /openapi.json. */
  readonly served: ReadonlySet<string>;
  /** Console errors and warnings and page errors, when `watchConsole` is on (AI panels' expected replies excepted). */
  readonly consoleErrors: string[];
  url(path: string): string;
}

export interface E2eAppOptions {
  watchConsole?: boolean;
  viewport?: { width: number; height: number };
}

export function useE2eApp({ watchConsole = false, viewport }: E2eAppOptions = {}): E2eApp {
  let started: { server: ServerProcess; browser: Browser; page: Page; served: ReadonlySet<string> } | undefined;
  const consoleErrors: string[] = [];
  const running = () => {
    if (!started) throw new Error('the e2e app is used before its beforeAll hook ran (or after it failed)');
    return started;
  };

  beforeAll(async () => {
    const [server, browser] = await Promise.all([startServerProcess({ MARKET_SOURCE: 'simulator' }), launchChromium()]);
    const served = await servedPaths(server.url);
    const page = browser.context.pages()[0] ?? (await browser.context.newPage());
    page.setDefaultTimeout(20_000);
    started = { server, browser, page, served };
    if (watchConsole) {
      page.on('console', (message) => {
        if (message.type() !== 'error' && message.type() !== 'warning') return;
        if (isExpectedAiReply(message, served)) return;
        consoleErrors.push(`${message.type()}: ${message.text()} (${message.location().url})`);
      });
      page.on('pageerror', (error) => consoleErrors.push(`pageerror: ${error.message}`));
    }
    if (viewport) await page.setViewportSize(viewport);
  });
  afterAll(async () => {
    await started?.browser.close();
    await started?.server.stop();
  });

  return {
    get server() { return running().server; },
    get browser() { return running().browser; },
    get page() { return running().page; },
    get served() { return running().served; },
    consoleErrors,
    url: (path) => `${running().server.url}${path}`,
  };
}

/** Signs up a fresh user through the register form; the page is then signed in. Returns the username. */
export async function registerUser(app: E2eApp, prefix: string): Promise<string> {
  const { page } = app;
  const username = `${prefix}_${Date.now().toString(36)}`;
  await page.goto(app.url('/register'));
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('E-mail').fill(`${username}@example.com`);
  await page.getByLabel(/^Password/).fill('correct horse battery');
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/register'));
  return username;
}
