import { describe, expect, it } from 'vitest';
import type { Locator } from 'playwright-core';
import { seriousViolations } from './support/axe';
import { chromiumAvailability } from './support/browser';
import { registerUser, useE2eApp } from './support/e2e-app';
import { horizontalOverflow } from './support/screenshots';

const chromium = chromiumAvailability();
const SYMBOL = 'BTCUSDT';
const SIZES = { desktop: { width: 1280, height: 800 }, wide: { width: 1440, height: 900 }, phone: { width: 360, height: 740 } } as const;

/**
 * Clicks a book button and returns the number its label named, read in the same instant: the
 * simulated book moves with every tick, so a label read before a separate click could be stale.
 */
async function clickAndRead(button: Locator): Promise<number> {
  const label = await button.evaluate((el) => {
    const text = el.getAttribute('aria-label') ?? '';
    (el as HTMLElement).click();
    return text;
  });
  const number = /(\d[\d,]*(?:\.\d+)?)/.exec(label)?.[1];
  if (!number) throw new Error(`no number in "${label}"`);
  return Number(number.replace(/,/g, ''));
}

describe.skipIf(!chromium.ok)('order book, tape and header in Chromium against the real server', () => {
  const app = useE2eApp();

  it('when a price in the book is clicked on a market ticket, then it becomes a limit at that price; a size fills the amount', async () => {
    await registerUser(app, 'book');
    await app.page.setViewportSize(SIZES.desktop);
    await app.page.goto(app.url(`/trade/${SYMBOL}`));
    await app.page.locator('button[aria-label="25% of available"]:enabled').waitFor();
    const book = app.page.getByRole('region', { name: 'Order book' });
    const type = app.page.getByRole('combobox', { name: 'Order type' });
    expect(await type.innerText()).toBe('Market');
    expect(await app.page.getByLabel('Limit price (USDT)').count(), 'a market ticket has no limit price').toBe(0);

    const price = await clickAndRead(book.getByRole('button', { name: /^Use price / }).first());
    await expect.poll(() => type.innerText()).toBe('Limit');
    const limitField = app.page.getByLabel('Limit price (USDT)');
    await expect.poll(async () => Number(await limitField.inputValue())).toBe(price);

    // Keyboard: the size buttons are reachable and work with Enter like any button. The level
    // may change size between reading its label and the key press, so either reading counts.
    const sizeButton = book.getByRole('button', { name: /^Use amount / }).last();
    const sizeOf = async () => Number(/(\d[\d,]*(?:\.\d+)?) BTC/.exec((await sizeButton.getAttribute('aria-label')) ?? '')![1]!.replace(/,/g, ''));
    await sizeButton.focus();
    const before = await sizeOf();
    await app.page.keyboard.press('Enter');
    const after = await sizeOf();
    const amount = app.page.getByLabel('Amount (BTC)');
    await expect.poll(async () => Number(await amount.inputValue())).toBeGreaterThan(0);
    expect([before, after]).toContain(Number(await amount.inputValue()));
    expect(Number(await limitField.inputValue()), 'the size leaves the price alone').toBe(price);
    await expect.poll(() => type.innerText()).toBe('Limit');
  });

  for (const [name, size] of Object.entries(SIZES)) {
    it(`when the trade page is open at ${size.width} px, then the header, tab title, simulated tape and depth chart show, axe-clean`, async () => {
      const started = Date.now();
      // Step times in the log show where a slow run spends its time.
      const mark = (step: string) => console.log(`[book-e2e ${name}] ${step} +${Date.now() - started} ms`);
      await app.page.setViewportSize(size);
      await app.page.goto(app.url(`/trade/${SYMBOL}`));
      await app.page.getByRole('heading', { level: 1, name: `Trade ${SYMBOL}` }).waitFor();
      await app.page.locator('dt:text-is("24h volume (USDT, est.)")').waitFor();
      await expect.poll(() => app.page.title()).toMatch(new RegExp(`^[\\d,.]+ ${SYMBOL} · cryptosim$`));
      mark('header and title');
      const tape = app.page.getByRole('region', { name: 'Recent trades' });
      await tape.getByText('Simulated prints', { exact: true }).waitFor();
      // The simulator's candle gains volume every few ticks: a print arrives without a reload.
      await tape.getByRole('row').nth(1).waitFor({ timeout: 60_000 });
      mark('first print');
      await app.page.getByRole('region', { name: 'Order book' }).getByRole('img', { name: /^Depth chart: / }).waitFor();
      expect(await seriousViolations(app.page), `axe on the trade page at ${name}`).toEqual([]);
      mark('axe');
      if (name === 'phone') expect(await horizontalOverflow(app.page), 'the trade page scrolls sideways at 360 px').toBeLessThanOrEqual(0);
    });
  }
});
