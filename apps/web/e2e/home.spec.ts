import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage, screenshot, signIn } from './browser.js';
import { pageOverflow, rawKeys, setLanguage } from './page-checks.js';

/**
 * The role home pages (issue 14, docs/home.md): each demo role sees its own figures, a figure opens
 * the queue already filtered and the queue lists as many tickets as the figure says; at desktop and
 * phone width, in Chinese and English, without horizontal overflow or a raw translation key.
 */
type Role = {
  name: string;
  username: string;
  sections: string[];
  /** The count clicked, and the queue parameters it must open with. */
  click: string;
  params: Record<string, string>;
};

const ROLES: Role[] = [
  {
    name: 'agent',
    username: 'wangfang',
    sections: ['home-agent'],
    click: 'my-overdue',
    params: { queue: 'mine', overdue: '1' },
  },
  {
    name: 'supervisor',
    username: 'zhangwei',
    sections: ['home-agent', 'home-supervisor'],
    click: 'unassigned',
    params: { queue: 'unassigned', open: '1' },
  },
  {
    name: 'manager',
    username: 'lijing',
    sections: ['home-agent', 'home-supervisor', 'home-manager'],
    click: 'intake-received',
    params: { queue: 'all', complaint: '1' },
  },
  {
    name: 'gm',
    username: 'wangjianguo',
    sections: ['home-manager'],
    click: 'intake-open',
    params: { queue: 'all', complaint: '1', open: '1' },
  },
];
const ALL_SECTIONS = ['home-agent', 'home-supervisor', 'home-manager'];
const VIEWPORTS = [
  { width: 1366, height: 768 },
  { width: 390, height: 844 },
];
const LANGUAGES = ['zh-CN', 'en'] as const;
/** The figure shown on a count card. */
async function countOf(page: Page, id: string): Promise<number> {
  const text = await page.getByTestId(`home-count-${id}`).locator('.ant-statistic-content-value').textContent();
  return Number((text ?? '').replace(/[^\d]/g, ''));
}

/** Tickets listed by the queue: table rows at desktop width, cards on a phone. */
async function listed(page: Page): Promise<number> {
  const rows = await page.locator('[data-testid="ticket-row"]:visible').count();
  const cards = await page.locator('[data-testid="ticket-card"]:visible').count();
  return Math.max(rows, cards);
}

describe('role home pages in headless Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => browser?.close());

  for (const role of ROLES) {
    it(`${role.name} (${role.username}): own figures, a count opens the matching queue, fits 1366 and 390 px in zh-CN and en`, async () => {
      const page = await newPage(browser);
      await signIn(page, role.username, 'Kefu@2026');
      for (const lang of LANGUAGES) {
        await setLanguage(page, lang);
        for (const viewport of VIEWPORTS) {
          await page.setViewportSize(viewport);
          await page.goto('/');
          for (const section of role.sections) await page.getByTestId(section).waitFor();
          for (const section of ALL_SECTIONS.filter((s) => !role.sections.includes(s))) {
            expect(await page.getByTestId(section).count(), `${section} must not show`).toBe(0);
          }
          await page.getByTestId(`home-count-${role.click}`).waitFor();
          if (role.sections.includes('home-manager')) await page.getByTestId('home-root-causes').waitFor();
          const where = `${role.username} ${lang} ${viewport.width}px`;
          expect(await pageOverflow(page), `horizontal overflow on home, ${where}`).toBeNull();
          expect(await rawKeys(page), `raw keys on home, ${where}`).toEqual([]);
          if (lang === 'zh-CN' && viewport.width === 1366) await screenshot(page, `home-${role.name}`);

          const expected = await countOf(page, role.click);
          await page.getByTestId(`home-count-${role.click}`).click();
          await page.waitForURL((url) => url.pathname === '/tickets/queue');
          const params = new URL(page.url()).searchParams;
          for (const [key, value] of Object.entries(role.params))
            expect(params.get(key), `${key} in ${page.url()}`).toBe(value);
          // The queue lists what the figure counted (all on the first page: the demo's counts are small).
          if (expected <= 20) {
            await expect.poll(() => listed(page), { timeout: 20_000, message: `rows for ${where}` }).toBe(expected);
          }
          expect(await pageOverflow(page), `horizontal overflow on the queue, ${where}`).toBeNull();
          expect(await rawKeys(page), `raw keys on the queue, ${where}`).toEqual([]);
        }
      }
      await setLanguage(page, 'zh-CN');
      await page.context().close();
    });
  }
});
