import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, newPage, screenshot, signIn } from './browser.js';

const PASSWORD = 'Kefu@2026';

const ok = (dialog: Locator) => dialog.locator('.ant-modal-footer .ant-btn-primary').last();
const modal = (page: Page, title: string) => page.locator('.ant-modal-content').filter({ hasText: title });
const menuItem = (page: Page, text: string) =>
  page.locator('.ant-dropdown:visible .ant-dropdown-menu-item').filter({ hasText: text }).first();

describe('ticket operations (agents, measures, root-cause report, settings) in headless Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => browser?.close());

  it('a supervisor sees the board change live when an agent goes away, and changes an agent themselves', async () => {
    const supervisor = await newPage(browser);
    const agent = await newPage(browser);
    supervisor.setDefaultTimeout(20_000);
    agent.setDefaultTimeout(20_000);
    await signIn(supervisor, 'zhangwei', PASSWORD);
    await signIn(agent, 'wangfang', PASSWORD);

    await supervisor.goto('/tickets/agents');
    const row = (name: string) => supervisor.locator('.ant-table-row').filter({ hasText: name });
    await row('王芳').waitFor();
    await supervisor.getByTestId('agents-load-chart').locator('canvas').waitFor();
    await expect.poll(() => row('王芳').textContent(), { timeout: 10_000 }).toContain('在岗');
    await screenshot(supervisor, 'agents-board');

    // The agent goes away from the switch in the layout header; the board follows without a reload.
    await agent.getByTestId('my-status').click();
    await menuItem(agent, '暂离').click();
    await expect.poll(() => agent.getByTestId('my-status').textContent(), { timeout: 10_000 }).toContain('暂离');
    await expect.poll(() => row('王芳').textContent(), { timeout: 15_000 }).toContain('暂离');

    // The supervisor puts her back on shift from the board.
    await row('王芳').locator('.ant-btn-link').first().click();
    await menuItem(supervisor, '在岗').click();
    await expect.poll(() => row('王芳').textContent(), { timeout: 10_000 }).toContain('在岗');
    // The agent's header switch follows without a reload (agent.status_changed over the stream).
    await expect.poll(() => agent.getByTestId('my-status').textContent(), { timeout: 15_000 }).toContain('在岗');
  });

  it('a supervisor follows a measure up and reads the root-cause report', async () => {
    const page = await newPage(browser);
    page.setDefaultTimeout(20_000);
    await signIn(page, 'zhangwei', PASSWORD);

    await page.goto('/tickets/measures?mine=0&status=open,in_progress,done,cancelled');
    const rows = page.locator('.ant-table-row');
    await rows.first().waitFor();
    const finishable = rows.filter({ has: page.getByRole('button', { name: '完成', exact: true }) }).first();
    if ((await finishable.count()) > 0) {
      const title = (await finishable.locator('td').nth(1).textContent()) ?? '';
      await finishable.getByRole('button', { name: '完成', exact: true }).click();
      const dialog = modal(page, '完成整改措施');
      await ok(dialog).click();
      await dialog.locator('.ant-form-item-explain-error').waitFor();
      await dialog.locator('#doneNote').fill('已组织班组培训并抽查录音');
      await ok(dialog).click();
      await dialog.waitFor({ state: 'hidden' });
      await expect
        .poll(
          async () =>
            (await rows
              .filter({ hasText: title.slice(0, 8) })
              .first()
              .textContent()) ?? '',
        )
        .toContain('已完成');
    }
    await screenshot(page, 'improvement-measures');

    await page.goto('/tickets/reports');
    await page.getByTestId('report-period').locator('input').first().click();
    await page.locator('.ant-picker-presets li').filter({ hasText: '今年' }).click();
    await expect.poll(() => page.locator('.ant-statistic').first().textContent()).toContain('已关闭投诉');
    const chart = page.getByTestId('root-cause-chart');
    const empty = page.locator('.ant-empty').first();
    await expect.poll(async () => (await chart.count()) + (await empty.count())).toBeGreaterThan(0);
    await screenshot(page, 'root-cause-report');
  });

  it('the administrator adds a root-cause category and deletes it; a supervisor reads settings only', async () => {
    const admin = await newPage(browser);
    admin.setDefaultTimeout(20_000);
    await signIn(admin, 'admin', inject('adminPassword'));
    await admin.goto('/tickets/settings?tab=rootCauses');
    await admin.locator('.ant-table-row').first().waitFor();
    await admin.getByRole('button', { name: /新\s*建/ }).click();
    const dialog = modal(admin, '新建');
    await dialog.locator('#key').fill('e2e_cause');
    await dialog.locator('#name').fill('端到端测试原因');
    await ok(dialog).click();
    const row = admin.locator('.ant-table-row').filter({ hasText: 'e2e_cause' });
    await row.waitFor();
    await row.getByRole('button', { name: /删\s*除/ }).click();
    await admin.locator('.ant-popconfirm .ant-btn-primary').click();
    await admin.locator('.ant-message').filter({ hasText: '已删除' }).waitFor();
    await row.waitFor({ state: 'detached' });

    const supervisor = await newPage(browser);
    supervisor.setDefaultTimeout(20_000);
    await signIn(supervisor, 'zhangwei', PASSWORD);
    await supervisor.goto('/tickets/settings');
    await supervisor.locator('.ant-table-row').filter({ hasText: 'complaint' }).first().waitFor();
    expect(await supervisor.getByRole('button', { name: /新\s*建/ }).count()).toBe(0);
  });
});
