import type { Browser, Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { choose, launchBrowser, newPage, screenshot, signIn } from './browser.js';

/** The OK button of a ModalForm / DrawerForm. */
const submit = (dialog: Locator) =>
  dialog.locator('.ant-modal-footer .ant-btn-primary, .ant-drawer-footer .ant-btn-primary').last();

describe('customer archive journey in headless Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => browser?.close());

  it('a department manager creates a company with two contacts, adds a milestone, grades it and reads it all on the timeline', async () => {
    const page = await newPage(browser);
    page.setDefaultTimeout(20_000);
    await signIn(page, 'lijing', 'Kefu@2026');

    // 1. A new company with two contacts.
    await page.goto('/customers');
    await page.locator('.ant-table-row').first().waitFor();
    await page.getByTestId('customer-create').click();
    const form = page.locator('.ant-modal-content').filter({ hasText: '新建客户' });
    await form.waitFor();
    const name = `无锡精工传动设备有限公司${Date.now().toString().slice(-5)}`;
    await form.locator('#name').fill(name);
    await form.locator('#phone').fill(`0510-8${Date.now().toString().slice(-7)}`);
    await form.locator('#region').fill('江苏');
    await form.locator('#contacts_0_name').fill('高志远');
    await form.locator('#contacts_0_title').fill('设备部经理');
    await form.locator('#contacts_0_mobile').fill('13951001234');
    await page.locator('#contact-add').click();
    await form.locator('#contacts_1_name').fill('沈佳');
    await form.locator('#contacts_1_title').fill('采购专员');
    await screenshot(page, 'customer-create');
    await submit(form).click();
    await page.waitForURL((url) => /^\/customers\/[0-9a-f-]{36}$/.test(url.pathname));
    const customerId = new URL(page.url()).pathname.split('/').pop() as string;
    await expect.poll(() => page.getByTestId('customer-title').textContent()).toBe(name);
    const contacts = page.getByTestId('contacts-table');
    await contacts.locator('tr', { hasText: '高志远' }).waitFor();
    await contacts.locator('tr', { hasText: '沈佳' }).waitFor();

    // 2. A milestone (下单) on a fixed date.
    await page.getByRole('tab', { name: '里程碑' }).click();
    await page.getByTestId('milestone-add').click();
    const milestone = page.locator('.ant-modal-content').filter({ hasText: '添加里程碑' });
    await milestone.waitFor();
    await choose(milestone, 'milestone-type', '下单');
    await milestone.locator('#milestone-date').click();
    await milestone.locator('#milestone-date').fill('2026-03-16');
    await milestone.locator('#milestone-date').press('Enter');
    await submit(milestone).click();
    await page.getByTestId('milestones-table').locator('tr', { hasText: '2026-03-16' }).waitFor();

    // 3. An evaluation that grades the new customer B (weighted total 77 with the default 40/20/20/20).
    const criteria = (await (await page.request.get('/api/v1/customer-grading/criteria')).json()) as {
      items: { key: string; isActive: boolean }[];
    };
    await page.getByTestId('customer-evaluate').click();
    const evaluate = page.locator('.ant-modal-content').filter({ hasText: '评定等级' });
    for (const criterion of criteria.items.filter((c) => c.isActive)) {
      await evaluate.locator(`#score-${criterion.key}`).fill('77');
    }
    await expect.poll(() => evaluate.getByTestId('evaluate-preview').getByTestId('grade-tag').textContent()).toBe('B');
    await screenshot(page, 'customer-evaluate');
    await submit(evaluate).click();
    await page.locator('.ant-message').filter({ hasText: '调整为 B' }).waitFor();
    await expect
      .poll(() => page.locator('.ant-page-header-heading-title [data-testid="grade-tag"]').textContent())
      .toBe('B');

    // 4. Everything on the timeline, newest first.
    await page.getByRole('tab', { name: '时间线' }).click();
    const timeline = page.getByTestId('timeline');
    await timeline.waitFor();
    const entries = timeline.getByTestId('timeline-entry');
    await expect.poll(() => entries.count()).toBeGreaterThanOrEqual(3);
    const texts = await entries.allInnerTexts();
    expect(texts[0]).toContain('等级评定：等级变更');
    expect(texts[0]).toContain('未评级');
    expect(texts[0]).toContain('B');
    expect(await entries.nth(0).getAttribute('data-kind')).toBe('evaluation');
    expect(texts.some((t) => t.includes('里程碑：下单（2026-03-16）'))).toBe(true);
    const created = texts.find((t) => t.includes('建立客户档案'));
    expect(created).toContain('登记联系人 2 位');
    expect(await entries.last().getAttribute('data-kind')).toBe('change');

    // 5. A call logged by hand lands on top.
    await page.getByTestId('log-contact').click();
    const log = page.locator('.ant-modal-content').filter({ hasText: '记录联系' });
    await log.locator('#title').fill('电话确认首批订单交期');
    await log.locator('#body').fill('客户希望四月上旬到货，已转销售安排。');
    await submit(log).click();
    await expect
      .poll(async () => ((await entries.first().textContent()) ?? '').includes('电话确认首批订单交期'), {
        timeout: 15_000,
      })
      .toBe(true);
    expect(await entries.first().getAttribute('data-kind')).toBe('call');
    await screenshot(page, 'customer-timeline');

    // The server agrees: the same entries through the API.
    const api = (await (await page.request.get(`/api/v1/customers/${customerId}/timeline?pageSize=50`)).json()) as {
      items: { kind: string; title: string }[];
    };
    expect(api.items.map((e) => e.kind)).toEqual(['call', 'evaluation', 'milestone', 'change']);
    await page.context().close();
  });
});
