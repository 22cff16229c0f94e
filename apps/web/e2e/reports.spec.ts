import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, newPage, screenshot, signIn } from './browser.js';
import { pageOverflow, setLanguage } from './page-checks.js';

/**
 * The complaint intake report and the root-cause report at 1366 and 390 px, in Chinese and English:
 * figures with their definitions, period and grouping switches, the closed-only label and its link,
 * and no sideways scrolling.
 */
describe('ticket reports: complaint intake and root causes', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => browser?.close());

  for (const lang of ['zh-CN', 'en'] as const) {
    it(`shows the intake report and the closed-only root causes without overflow (${lang})`, async () => {
      const page = await newPage(browser, lang);
      await signIn(page, 'admin', inject('adminPassword'));
      await setLanguage(page, lang);
      for (const width of [1366, 390]) {
        await page.setViewportSize({ width, height: width === 390 ? 844 : 768 });
        await page.goto('/tickets/reports/intake');
        await page.getByTestId('intake-totals').waitFor();
        await page
          .getByTestId('intake-group-by')
          .getByText(lang === 'en' ? 'Channel' : '渠道')
          .click();
        await page
          .getByTestId('intake-period')
          .getByText(lang === 'en' ? 'Last month' : '上月')
          .click();
        await page.waitForLoadState('networkidle');
        expect(await page.locator('.ant-statistic-title').count()).toBe(5);
        expect(await pageOverflow(page), `${lang} ${width} intake`).toBeNull();
        await screenshot(page, `intake-report-${lang}-${width}`);

        await page.goto('/tickets/reports');
        const label = page.getByTestId('root-cause-closed-only');
        await label.waitFor();
        await page.waitForLoadState('networkidle');
        expect(await pageOverflow(page), `${lang} ${width} root causes`).toBeNull();
        await label.locator('a').click();
        await page.waitForURL((url) => url.pathname === '/tickets/reports/intake');
      }
      await page.context().close();
    });
  }
});
