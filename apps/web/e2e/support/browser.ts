import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { unavailable } from '../../../server/src/testing/services';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

// Quiet, reproducible Chromium: no sandbox (containers run as root), no GPU, no phoning home.
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Whether the suite can run, by the guard every service-backed suite uses: locally a missing
 * browser skips it with the reason printed; under CI it is a failure, so a CI image without
 * Chromium cannot pass silently.
 */
export function chromiumAvailability(): { ok: true } | { ok: false; reason: string } {
  if (existsSync(CHROMIUM_PATH)) return { ok: true };
  return { ok: false, reason: unavailable('web e2e (Chromium)', `${CHROMIUM_PATH} not found (apt-get install chromium, or set CHROMIUM_PATH)`) };
}

export interface Browser {
  context: BrowserContext;
  close(): Promise<void>;
}

/** Debian's Chromium with a fresh profile directory, removed again on close. */
export async function launchChromium(): Promise<Browser> {
  const userDataDir = await mkdtemp(path.join(os.tmpdir(), 'cs-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    args: ARGS,
    headless: true,
    viewport: { width: 1280, height: 800 },
    locale: 'en-US',
    timezoneId: 'UTC',
  });
  return {
    context,
    async close() {
      await context.close();
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}
