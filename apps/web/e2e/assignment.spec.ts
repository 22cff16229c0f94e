import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { call, launchBrowser, newPage, screenshot, signIn } from './browser.js';

const PASSWORD = 'Kefu@2026';

async function phonePage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({
    baseURL: inject('baseUrl'),
    locale: 'zh-CN',
    viewport: { width: 390, height: 844 },
    reducedMotion: 'reduce',
  });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  return page;
}

const noHorizontalOverflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

describe('informed assignment in headless Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => browser?.close());

  it('a supervisor assigns an unassigned ticket from a list with status, load and the suggestion', async () => {
    const page = await newPage(browser);
    page.setDefaultTimeout(20_000);
    await signIn(page, 'zhangwei', PASSWORD);
    const ticket = await call<{ id: string }>(page, 'POST', '/api/v1/tickets', {
      typeKey: 'consultation',
      channel: 'phone',
      subject: '咨询分派对话框',
      description: '客户来电咨询电费账单明细。',
    });
    await page.goto(`/tickets/${ticket.id}`);
    // Unassigned: 我来处理 and 分派 are the primary actions.
    const take = page.getByTestId('ticket-take');
    const open = page.getByTestId('ticket-assign');
    await take.waitFor();
    expect(await take.getAttribute('class')).toContain('ant-btn-primary');
    expect(await open.getAttribute('class')).toContain('ant-btn-primary');

    await open.click();
    const options = page.getByTestId('assignee-option');
    await options.first().waitFor();
    const { items } = await call<{ items: { displayName: string; status: string; suggested: boolean }[] }>(
      page,
      'GET',
      `/api/v1/tickets/${ticket.id}/assignees`,
    );
    expect(await options.count()).toBe(items.length);
    // On shift first; the suggestion (if any) leads and is chosen to begin with.
    const rank: Record<string, number> = { on_shift: 0, away: 1, off: 2 };
    const ranks = items.map((i) => rank[i.status] ?? 3);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(await options.first().textContent()).toContain(items[0]?.displayName);
    const suggested = items.find((i) => i.suggested);
    if (suggested) {
      expect(await options.first().textContent()).toContain('推荐');
      expect(await options.first().getAttribute('aria-selected')).toBe('true');
    }
    expect(await options.first().textContent()).toContain('负荷');
    await screenshot(page, 'assign-dialog');

    await page.getByTestId('assign-search').fill('王芳');
    await expect.poll(() => options.count()).toBe(1);
    await options.first().click();
    await page.getByTestId('assign-submit').click();
    await page.locator('.ant-modal-content').waitFor({ state: 'hidden' });
    await expect
      .poll(
        async () =>
          (await call<{ assignee: { displayName: string } | null }>(page, 'GET', `/api/v1/tickets/${ticket.id}`))
            .assignee?.displayName,
      )
      .toBe('王芳');
    // Assigned now: the plain buttons again.
    await page.getByTestId('assign-open').waitFor();
    await page.context().close();
  });

  it('works on a phone: the agent board is a card list and the assign dialog fits 390 px', async () => {
    const page = await phonePage(browser);
    await signIn(page, 'zhangwei', PASSWORD);
    await page.goto('/tickets/agents');
    const cards = page.getByTestId('agent-card');
    await cards.first().waitFor();
    expect(await page.locator('.ant-table-row').count()).toBe(0);
    // Names on one line (not a letter per line), the overdue figure shown, nothing wider than the screen.
    const name = cards.first().locator('.ant-typography strong').first();
    const box = await name.boundingBox();
    expect(box?.height ?? 0).toBeLessThan(30);
    await cards.first().getByTestId('figure-overdue').waitFor();
    expect(await noHorizontalOverflow(page)).toBe(true);
    await screenshot(page, 'agents-board-phone');

    const ticket = await call<{ id: string }>(page, 'POST', '/api/v1/tickets', {
      typeKey: 'consultation',
      channel: 'phone',
      subject: '手机上分派',
      description: '客户来电咨询停电原因。',
    });
    await page.goto(`/tickets/${ticket.id}`);
    await page.getByTestId('ticket-assign').click();
    const list = page.getByTestId('assignee-list');
    await page.getByTestId('assignee-option').first().waitFor();
    const modal = await page.locator('.ant-modal-content').boundingBox();
    expect(modal?.width ?? 999).toBeLessThanOrEqual(390);
    expect(await list.evaluate((element) => element.scrollWidth <= element.clientWidth)).toBe(true);
    await page.context().close();
  });
});
