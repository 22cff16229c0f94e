import fs from 'node:fs';
import path from 'node:path';
import { type Browser, chromium, type Locator, type Page } from 'playwright-core';
import { expect, inject } from 'vitest';

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
    // The app turns antd's animations off for this system setting: no click lands on a moving popup.
    reducedMotion: 'reduce',
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

export async function signIn(page: Page, username: string, password: string): Promise<void> {
  await page.goto('/login');
  await page.locator('#username').fill(username);
  await page.locator('#password').fill(password);
  await page.locator('button[type="submit"]').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

/**
 * Opens the select `#inputId` inside `scope` (typing `search` when given), picks the option with
 * `text` and checks that it took — retried, because a dropdown opened while the page is still
 * rendering can close before the click lands (seen on a busy machine). It opens the select only when
 * it is closed (a second click would close it again), and on failure says what the dropdown showed.
 */
export async function choose(scope: Locator | Page, inputId: string, text: string, search?: string): Promise<void> {
  const page = 'page' in scope && typeof scope.page === 'function' ? (scope as Locator).page() : (scope as Page);
  const input = scope.locator(`#${inputId}`);
  const selected = scope
    .locator('.ant-select', { has: page.locator(`#${inputId}`) })
    .locator('.ant-select-selection-item');
  const options = page.locator('.ant-select-dropdown:visible .ant-select-item-option');
  const current = async () => ((await selected.count()) > 0 ? ((await selected.first().textContent()) ?? '') : '');
  let seen = 'the dropdown never opened';
  try {
    await expect
      .poll(
        async () => {
          if ((await current()).includes(text)) return text;
          if ((await input.getAttribute('aria-expanded').catch(() => null)) !== 'true') {
            await input.click({ force: true, timeout: 5_000 }).catch(() => undefined);
          }
          if (search) await input.fill(search).catch(() => undefined);
          const clicked = await options
            .filter({ hasText: text })
            .first()
            .click({ timeout: 5_000 })
            .then(() => true)
            .catch(() => false);
          if (!clicked) {
            const shown = await options.allInnerTexts().catch(() => []);
            const expanded = await input.getAttribute('aria-expanded').catch(() => null);
            seen = `aria-expanded=${expanded}; options shown: [${shown.join(' | ')}]`;
          }
          await page.waitForTimeout(300);
          return current();
        },
        { timeout: 30_000 },
      )
      .toContain(text);
  } catch (error) {
    throw new Error(`could not choose "${text}" in #${inputId}: ${seen}`, { cause: error });
  }
}

/** Signs out through the header's user menu and waits for the sign-in page. */
export async function signOut(page: Page): Promise<void> {
  const item = page.getByTestId('logout');
  await expect
    .poll(
      async () => {
        if (page.url().includes('/login')) return true;
        if (!(await item.isVisible()))
          await page
            .getByTestId('user-menu')
            .click({ timeout: 5_000 })
            .catch(() => undefined);
        await item.click({ timeout: 5_000 }).catch(() => undefined);
        return page
          .waitForURL((url) => url.pathname.startsWith('/login'), { timeout: 5_000 })
          .then(() => true)
          .catch(() => false);
      },
      { timeout: 45_000 },
    )
    .toBe(true);
}

/** An API call from the signed-in page (its session cookie and CSRF token); throws on a non-2xx answer. */
export async function call<T>(page: Page, method: 'GET' | 'POST' | 'PUT', url: string, data?: unknown): Promise<T> {
  const csrf = (await page.context().cookies()).find((c) => c.name === 'kefu_csrf')?.value ?? '';
  const response = await page.request.fetch(url, {
    method,
    data,
    headers: method === 'GET' ? {} : { 'x-csrf-token': decodeURIComponent(csrf) },
  });
  if (!response.ok()) throw new Error(`${method} ${url}: ${response.status()} ${await response.text()}`);
  return (await response.json()) as T;
}
