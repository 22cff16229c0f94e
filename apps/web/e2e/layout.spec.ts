import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, signIn } from './browser.js';
import { inspectPage, type Lang, setLanguage } from './page-checks.js';

/**
 * The page walk (issue 14): the administrator opens every page the menu offers, plus one record page
 * of each kind found in the lists, at 1366×768 and 390×844, in Chinese and English. On each page, once
 * it has settled, the page must not scroll sideways (`scrollWidth <= innerWidth`) and no visible text
 * may be a raw translation key or event code. Every failure is collected; the test fails once, with all
 * of them, so that one run shows everything.
 */

type Viewport = { name: string; width: number; height: number };

const DESKTOP: Viewport = { name: '1366', width: 1366, height: 768 };
const PHONE: Viewport = { name: '390', width: 390, height: 844 };
const VIEWPORTS = [DESKTOP, PHONE];
/** English first: the walk leaves the administrator's saved language Chinese, as the other specs expect. */
const LANGS: Lang[] = ['en', 'zh-CN'];

/** Pages reached from the header (user menu, bell) rather than the side menu: they navigate, not link. */
const HEADER_PAGES = ['/account/profile', '/account/notifications', '/account/tokens', '/notifications'];

/** Record pages: the first link of each kind found on the pages walked (the lists). */
const RECORD_PAGES: { name: string; pattern: RegExp }[] = [
  { name: 'customer', pattern: /^\/customers\/[0-9a-f-]{36}$/ },
  { name: 'ticket', pattern: /^\/tickets\/[0-9a-f-]{36}$/ },
  { name: 'calendar', pattern: /^\/admin\/calendars\/[^/?#]+$/ },
];

/** `KEFU_LAYOUT_ONLY=<regex>`: walk only the `<lang> <viewport> <path>` that match (while fixing a page). */
const ONLY = process.env.KEFU_LAYOUT_ONLY ? new RegExp(process.env.KEFU_LAYOUT_ONLY) : undefined;

/** Follows the page's requests, but not the realtime stream, which never ends. */
function trackRequests(page: Page): () => number {
  const open = new Set<unknown>();
  page.on('request', (request) => {
    if (request.resourceType() !== 'eventsource') open.add(request);
  });
  page.on('requestfinished', (request) => open.delete(request));
  page.on('requestfailed', (request) => open.delete(request));
  return () => open.size;
}

/** Waits until no request has been open for 400 ms and no spinner or skeleton spins. */
async function settle(page: Page, inFlight: () => number): Promise<void> {
  const deadline = Date.now() + 15_000;
  let quietSince = Date.now();
  while (Date.now() < deadline) {
    await page.waitForTimeout(100);
    const busy =
      inFlight() > 0 ||
      (await page.evaluate(() =>
        Boolean(document.querySelector('.ant-spin-spinning, .ant-skeleton-active, .ant-pro-skeleton')),
      ));
    if (busy) quietSince = Date.now();
    else if (Date.now() - quietSince >= 400) return;
  }
}

/** Opens `path` inside the running app, as a menu click does (no reload: the walk stays fast). */
async function navigate(page: Page, path: string): Promise<void> {
  await page.evaluate((to) => {
    // The page shown now is marked: the walk waits until the new route has replaced it.
    for (const el of document.querySelectorAll('.ant-pro-layout-content > *')) el.setAttribute('data-walk-old', '');
    const idx = ((window.history.state as { idx?: number } | null)?.idx ?? 0) + 1;
    window.history.pushState({ usr: null, key: Math.random().toString(36).slice(2, 10), idx }, '', to);
    window.dispatchEvent(new PopStateEvent('popstate', { state: window.history.state }));
  }, path);
  await page.waitForURL((url) => url.pathname === path.split('?')[0]);
  // A page of the same component as the last one keeps its element: then the wait ends by time.
  await page
    .waitForFunction(() => !document.querySelector('[data-walk-old]'), undefined, { timeout: 4_000, polling: 100 })
    .catch(() => undefined);
}

/** The side menu's links, every group opened (groups may nest). */
async function menuLinks(page: Page): Promise<string[]> {
  const menu = page.locator('.ant-pro-sider .ant-menu').first();
  await menu.waitFor();
  for (let round = 0; round < 5; round++) {
    const closed = menu.locator('.ant-menu-submenu:not(.ant-menu-submenu-open) > .ant-menu-submenu-title');
    const count = await closed.count();
    if (count === 0) break;
    for (let i = count - 1; i >= 0; i--) await closed.nth(i).click();
    await page.waitForTimeout(200);
  }
  const hrefs = await menu.locator('a[href]').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
  return [...new Set(hrefs.filter((href) => href.startsWith('/')))];
}

/** Menu labels cut with an ellipsis (the text is wider than its box). */
async function cutMenuLabels(page: Page): Promise<string[]> {
  return page
    .locator('.ant-pro-sider .ant-menu')
    .first()
    .evaluate((menu) =>
      [...menu.querySelectorAll('.ant-menu-title-content, .ant-menu-title-content *')]
        .filter((el) => getComputedStyle(el).textOverflow === 'ellipsis' && el.scrollWidth > el.clientWidth + 1)
        .map((el) => `"${el.textContent?.trim()}" (${el.scrollWidth} > ${el.clientWidth} px)`),
    );
}

describe('page walk: every page at 1366 and 390 px, in Chinese and English', () => {
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
  });

  it('no page scrolls sideways and none shows a raw translation key', { timeout: 900_000 }, async () => {
    const started = Date.now();
    const failures: string[] = [];
    const pages: string[] = [];
    const records = new Map<string, string>();
    let visits = 0;

    for (const lang of LANGS) {
      const context = await browser.newContext({
        baseURL: inject('baseUrl'),
        locale: lang,
        viewport: { width: DESKTOP.width, height: DESKTOP.height },
        reducedMotion: 'reduce',
      });
      contexts.push(context);
      const page = await context.newPage();
      page.setDefaultTimeout(20_000);
      const inFlight = trackRequests(page);
      await signIn(page, 'admin', inject('adminPassword'));
      await settle(page, inFlight);
      await setLanguage(page, lang);
      const links = await menuLinks(page);
      if (pages.length === 0) pages.push(...links, ...HEADER_PAGES);
      const cut = (await cutMenuLabels(page)).map((label) => `${lang} 1366 menu: label cut ${label}`);
      failures.push(...cut);
      console.log(
        `[layout] ${lang} menu: ${links.length} links${cut.length ? `\n  ${cut.join('\n  ')}` : ', no label cut'}`,
      );

      for (const viewport of VIEWPORTS) {
        await page.setViewportSize({ width: viewport.width, height: viewport.height });
        const walk = [...pages, ...records.values()];
        // Record pages found on the way are pushed onto `walk` and visited in this same loop.
        for (const path of walk) {
          const where = `${lang} ${viewport.name} ${path}`;
          if (
            ONLY &&
            !ONLY.test(where) &&
            !(records.size < RECORD_PAGES.length && /^\/(customers|tickets\/queue|admin\/calendars)$/.test(path))
          )
            continue;
          try {
            await navigate(page, path);
            await settle(page, inFlight);
            visits++;
            const found = await inspectPage(page);
            const now = [
              ...(found.overflow ? [`${where}: overflow — ${found.overflow}`] : []),
              ...found.keys.map((key) => `${where}: raw key ${key}`),
            ];
            failures.push(...now);
            console.log(`[layout] ${where}${now.length ? `\n  ${now.join('\n  ')}` : ' ok'}`);
            if (records.size < RECORD_PAGES.length) {
              const hrefs = await page
                .locator('a[href]')
                .evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
              for (const record of RECORD_PAGES) {
                const href = hrefs.find((h) => record.pattern.test(h));
                if (href && !records.has(record.name)) {
                  records.set(record.name, href);
                  walk.push(href);
                }
              }
            }
          } catch (error) {
            failures.push(`${where}: could not be walked — ${(error as Error).message.split('\n')[0]}`);
          }
        }
      }
      await page.setViewportSize({ width: DESKTOP.width, height: DESKTOP.height });
      await context.close();
    }

    const seconds = Math.round((Date.now() - started) / 1000);
    const missing = RECORD_PAGES.filter((r) => !records.has(r.name)).map((r) => r.name);
    if (missing.length > 0) failures.push(`no record page found for: ${missing.join(', ')}`);
    console.log(
      `[layout] ${pages.length + records.size} pages × ${LANGS.length * VIEWPORTS.length} combinations = ${visits} visits in ${seconds} s; ${failures.length} failures`,
    );
    expect(failures, `\n${failures.join('\n')}\n`).toEqual([]);
  });
});
