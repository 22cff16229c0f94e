import fs from 'node:fs';
import path from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { inject } from 'vitest';

export const CHROMIUM = process.env.KEFU_CHROMIUM ?? '/usr/bin/chromium';

/** Debian's Chromium, headless, with the flags this sandbox needs (no sandbox, no background traffic). */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

export async function newPage(browser: Browser, locale = 'zh-CN'): Promise<Page> {
  const context = await browser.newContext({
    baseURL: inject('baseUrl'),
    locale,
    viewport: { width: 1366, height: 860 },
  });
  return context.newPage();
}

/** Saves a screenshot under docs/screenshots when KEFU_SCREENSHOTS=1 (README pictures). */
export async function screenshot(page: Page, name: string): Promise<void> {
  if (process.env.KEFU_SCREENSHOTS !== '1') return;
  const dir = path.resolve(import.meta.dirname, '../../../docs/screenshots');
  fs.mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `${name}.png`) });
}
