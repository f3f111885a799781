import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConsoleMessage, Page } from 'playwright-core';
import type { PricesResponse } from '@cryptosim/contracts';
import { startServerProcess, type ServerProcess } from '../../server/src/testing/server-process';
import { isExpectedAiReply, servedPaths } from './support/ai-console';
import { seriousViolations } from './support/axe';
import { chromiumAvailability, launchChromium, type Browser } from './support/browser';
import { horizontalOverflow, screenshot, VIEWPORTS } from './support/screenshots';
import { apiGet } from './support/trade-helpers';

const chromium = chromiumAvailability();
const CHAT = '/api/ai/chat';
const MINUTE = 60_000;
const HANGUL = /[\uAC00-\uD7A3]/;

/**
 * A short 1m replay per coin that ends well before the test asks, so the last price stands
 * still: the figure in the answer can then be compared with /api/market/prices exactly.
 * The closes carry cents, so a grounded answer shows a figure no template could guess.
 */
const LAST_CLOSE = { BTCUSDT: 97_123.45, ETHUSDT: 3_456.78 } as const;
function replayCsv(last: number): string {
  const start = Date.UTC(2026, 10, 30, 0, 0);
  const rows = Array.from({ length: 40 }, (_, i) => {
    const close = i === 39 ? last : Math.round((last * (1 + Math.sin(i / 5) / 100)) * 100) / 100;
    const open = Math.round(last * 100) / 100;
    return [start + i * MINUTE, open, Math.max(open, close) + 1, Math.min(open, close) - 1, close, 2 + (i % 3)].join(',');
  });
  return ['open_time_ms,open,high,low,close,volume', ...rows].join('\n') + '\n';
}

/** The numbers a text shows, thousands separators removed ("97,123.45 USDT" → 97123.45). */
const numbersIn = (text: string) => [...text.matchAll(/\d[\d,]*(?:\.\d+)?/g)].map((m) => Number(m[0].replaceAll(',', '')));

describe.skipIf(!chromium.ok)('AI assistant chat in Chromium against the real server', () => {
  let server: ServerProcess;
  let browser: Browser;
  let page: Page;
  let served: Set<string>;
  let dir: string;
  const consoleErrors: string[] = [];
  const url = (p: string) => `${server.url}${p}`;
  const onConsole = (message: ConsoleMessage) => {
    if (message.type() !== 'error' && message.type() !== 'warning') return;
    if (isExpectedAiReply(message, served)) return;
    consoleErrors.push(`${message.type()}: ${message.text()} (${message.location().url})`);
  };

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'cryptosim-chat-e2e-'));
    const files = await Promise.all(
      Object.entries(LAST_CLOSE).map(async ([symbol, last]) => {
        const file = path.join(dir, `${symbol}-1m.csv`);
        await writeFile(file, replayCsv(last));
        return file;
      }),
    );
    [server, browser] = await Promise.all([
      startServerProcess({ MARKET_SOURCE: `replay:${files.join(',')}`, MARKET_SYMBOLS: Object.keys(LAST_CLOSE).join(','), REPLAY_SPEED: '6000', REPLAY_RESTART: 'false' }),
      launchChromium(),
    ]);
    served = await servedPaths(server.url);
    page = browser.context.pages()[0] ?? (await browser.context.newPage());
    page.setDefaultTimeout(20_000);
    page.on('console', onConsole);
    page.on('pageerror', (error) => consoleErrors.push(`pageerror: ${error.message}`));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  async function register(): Promise<void> {
    const username = `chat_${Date.now().toString(36)}`;
    await page.goto(url('/register'));
    await page.getByLabel('Username').fill(username);
    await page.getByLabel('E-mail').fill(`${username}@example.com`);
    await page.getByLabel(/^Password/).fill('correct horse battery');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.waitForURL((u) => !u.pathname.startsWith('/register'));
  }

  /** Waits until the replay has played out and the server's last price is the file's last close. */
  async function settledPrice(symbol: keyof typeof LAST_CLOSE): Promise<string> {
    const deadline = Date.now() + 60_000;
    for (;;) {
      const row = (await apiGet<PricesResponse>(page, '/api/market/prices')).prices.find((p) => p.symbol === symbol);
      if (row && Number(row.price) === LAST_CLOSE[symbol]) return row.price;
      if (Date.now() > deadline) throw new Error(`${symbol} never settled at ${LAST_CLOSE[symbol]} (last seen ${row?.price ?? 'none'})`);
      await page.waitForTimeout(250);
    }
  }

  async function chooseLookAndLanguage(language: 'English' | '한국어', theme: 'light' | 'dark'): Promise<void> {
    await page.setViewportSize(VIEWPORTS.desktop);
    await page.goto(url('/'));
    await page.getByRole('button', { name: language }).click();
    const themeName = theme === 'dark' ? (language === 'English' ? 'Dark' : '다크') : language === 'English' ? 'Light' : '라이트';
    await page.getByRole('button', { name: themeName }).click();
  }

  /** Asks on the AI page and returns the finished answer's text and its tool chips. */
  async function ask(question: string, labels: { input: string; send: string; log: string; tools: string }): Promise<{ answer: string; chips: string[] }> {
    await page.getByRole('textbox', { name: labels.input }).fill(question);
    await page.getByRole('button', { name: labels.send, exact: true }).click();
    const log = page.getByRole('log', { name: labels.log });
    await log.waitFor();
    await page.waitForFunction((name) => document.querySelector(`[role="log"][aria-label="${name}"]`)?.getAttribute('aria-busy') === 'false', labels.log, { timeout: 30_000 });
    const last = log.locator(':scope > ul > li').last();
    const chips = await last.getByRole('list', { name: labels.tools }).locator('li').allInnerTexts().catch(() => []);
    expect(await last.getByRole('alert').count(), `no error on the answer to "${question}": ${await last.innerText()}`).toBe(0);
    return { answer: await last.innerText(), chips };
  }

  it('when a user asks in Korean and in English on the AI page, then the answers are in that language, show the price /api/market/prices has, fit 360 px and pass axe', async (context) => {
    if (!served.has(CHAT)) context.skip(`POST ${CHAT} is not served by this build (the chat-server branch adds it)`);
    await page.setViewportSize(VIEWPORTS.desktop);
    await register();

    // Korean, light, phone width.
    await chooseLookAndLanguage('한국어', 'light');
    await page.setViewportSize(VIEWPORTS.phone);
    await page.goto(url('/ai'));
    await page.getByRole('heading', { level: 1, name: 'AI 어시스턴트' }).waitFor();
    const btc = await settledPrice('BTCUSDT');
    const ko = await ask('비트코인 지금 얼마야?', { input: '질문', send: '보내기', log: '어시스턴트와의 대화', tools: '사용한 데이터' });
    expect(ko.answer, 'a Korean question gets a Korean answer').toMatch(HANGUL);
    expect(numbersIn(ko.answer), `the Korean answer shows BTC at ${btc}: ${ko.answer}`).toContain(Number(btc));
    expect(ko.chips.length, 'the tools used show as chips').toBeGreaterThan(0);
    await page.waitForLoadState('networkidle').catch(() => undefined);
    expect(await horizontalOverflow(page), '/ai with a Korean answer scrolls sideways at 360 px').toBeLessThanOrEqual(0);
    expect(await seriousViolations(page), 'axe on /ai (ko, light, 360 px)').toEqual([]);
    await screenshot(page, 'ai-chat-ko-light-360', 'phone');

    // English, dark, phone width; the stored conversation is listed.
    await chooseLookAndLanguage('English', 'dark');
    await page.setViewportSize(VIEWPORTS.phone);
    await page.goto(url('/ai'));
    await page.getByRole('heading', { level: 1, name: 'AI assistant' }).waitFor();
    await page.getByRole('region', { name: 'Conversations' }).getByRole('button', { name: /^비트코인 지금 얼마야\?/ }).waitFor();
    const eth = await settledPrice('ETHUSDT');
    const en = await ask('What is the price of ETH now?', { input: 'Your question', send: 'Send', log: 'Conversation with the assistant', tools: 'Data used' });
    expect(en.answer, 'an English question gets an English answer').not.toMatch(HANGUL);
    expect(numbersIn(en.answer), `the English answer shows ETH at ${eth}: ${en.answer}`).toContain(Number(eth));
    await page.waitForLoadState('networkidle').catch(() => undefined);
    expect(await horizontalOverflow(page), '/ai with an English answer scrolls sideways at 360 px').toBeLessThanOrEqual(0);
    expect(await seriousViolations(page), 'axe on /ai (en, dark, 360 px)').toEqual([]);
    await screenshot(page, 'ai-chat-en-dark-360', 'phone');

    // The Trade page drawer knows the coin on screen.
    await page.goto(url('/trade/BTCUSDT'));
    await page.getByRole('button', { name: 'Ask AI' }).click();
    const drawer = page.getByRole('dialog', { name: 'Assistant · BTCUSDT' });
    await drawer.getByRole('button', { name: 'What is the price of BTC now?' }).waitFor();
    expect(await horizontalOverflow(page), 'the drawer scrolls sideways at 360 px').toBeLessThanOrEqual(0);
    expect(await seriousViolations(page), 'axe on the Trade page drawer (en, dark, 360 px)').toEqual([]);
    await screenshot(page, 'ai-chat-drawer-en-dark-360', 'phone');

    expect(consoleErrors, 'browser console errors and warnings').toEqual([]);
  });
});
