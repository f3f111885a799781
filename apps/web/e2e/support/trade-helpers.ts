import type { Page } from 'playwright-core';

/** The live last price as the trade page shows it (the dd after "Last price"). */
export async function lastPriceText(page: Page): Promise<string> {
  const text = await page.locator('dt:text-is("Last price") + dd').innerText();
  return text.split(/\s/)[0] ?? '';
}

/** Waits until the shown price differs from `before`: the socket is delivering ticks. */
export async function waitForPriceChange(page: Page, before: string, timeoutMs = 45_000): Promise<string> {
  await page.waitForFunction(
    (previous) => {
      const dd = [...document.querySelectorAll('dt')].find((dt) => dt.textContent === 'Last price')?.nextElementSibling;
      const now = dd?.textContent?.split(/\s/)[0];
      return now !== undefined && now !== '' && now !== previous;
    },
    before,
    { timeout: timeoutMs, polling: 200 },
  );
  return lastPriceText(page);
}

export async function chooseOption(page: Page, combobox: string, option: string): Promise<void> {
  await page.getByRole('combobox', { name: combobox }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

/** Submits the ticket, confirms in the dialog and returns the toast's text. */
export async function submitOrder(page: Page, submit: string, confirm: string): Promise<string> {
  await page.getByRole('button', { name: submit, exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Confirm your order' });
  await dialog.waitFor();
  await dialog.getByRole('button', { name: confirm }).click();
  return readToast(page);
}

/** The text of the toast on screen, which is then closed with its Close button. */
export async function readToast(page: Page): Promise<string> {
  const snackbar = page.locator('.MuiSnackbar-root').filter({ has: page.locator('.MuiAlert-message') });
  await snackbar.waitFor({ timeout: 15_000 });
  const text = await snackbar.locator('.MuiAlert-message').innerText();
  // A success toast hides itself after 6 s; on a loaded machine it may be gone before the click.
  await snackbar.getByRole('button', { name: 'Close' }).click({ timeout: 2_000 }).catch(() => undefined);
  await snackbar.waitFor({ state: 'detached', timeout: 10_000 });
  return text;
}

/** GET on the API with the page's own session token (read from its persisted session). */
export async function apiGet<T>(page: Page, path: string): Promise<T> {
  return page.evaluate(async (url) => {
    const session = JSON.parse(localStorage.getItem('cryptosim.session') ?? '{}') as { tokens?: { accessToken?: string } };
    const response = await fetch(url, { headers: { Authorization: `Bearer ${session.tokens?.accessToken ?? ''}` } });
    return (await response.json()) as T;
  }, path) as Promise<T>;
}

/** POST on the API with the page's own session token; the reply's status and body. */
export async function apiPost<T>(page: Page, path: string, body: unknown): Promise<{ status: number; body: T }> {
  return page.evaluate(async ([url, json]) => {
    const session = JSON.parse(localStorage.getItem('cryptosim.session') ?? '{}') as { tokens?: { accessToken?: string } };
    const response = await fetch(url, {
      method: 'POST',
      headers: { Authorization: `Bearer ${session.tokens?.accessToken ?? ''}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(json),
    });
    return { status: response.status, body: (await response.json()) as T };
  }, [path, body] as const) as Promise<{ status: number; body: T }>;
}

/** DELETE on the API with the page's own session token; the reply's status. */
export async function apiDelete(page: Page, path: string): Promise<{ status: number }> {
  return page.evaluate(async (url) => {
    const session = JSON.parse(localStorage.getItem('cryptosim.session') ?? '{}') as { tokens?: { accessToken?: string } };
    const response = await fetch(url, { method: 'DELETE', headers: { Authorization: `Bearer ${session.tokens?.accessToken ?? ''}` } });
    return { status: response.status };
  }, path);
}

/** Switches the Trade page to `symbol` through the market switcher (search, then the match). */
export async function switchMarket(page: Page, symbol: string): Promise<void> {
  await page.getByRole('button', { name: /^Switch market, now / }).click();
  const switcher = page.getByRole('dialog', { name: 'Switch market' });
  await switcher.getByRole('searchbox', { name: 'Search coins' }).fill(symbol);
  await switcher.getByRole('menuitem', { name: new RegExp(`^${symbol}`) }).first().click();
  await page.getByRole('heading', { level: 1, name: `Trade ${symbol}` }).waitFor();
}
