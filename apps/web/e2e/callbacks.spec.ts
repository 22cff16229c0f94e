import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { call, launchBrowser, newPage, screenshot, signIn } from './browser.js';
import { pageOverflow } from './page-checks.js';

const PASSWORD = 'Kefu@2026';
/** The demo's callback specialists (apps/server/src/db/seed/demo.ts). */
const SPECIALISTS: Record<string, string> = { 孙丽: 'sunli', 周杰: 'zhoujie' };

type Callback = { id: string; customer: { name: string }; assignee: { displayName: string } | null };

describe('callbacks in headless Chromium (issue 15)', () => {
  let browser: Browser;
  let admin: Page;
  let callback: Callback;
  const customerName = `顾雅婷${Date.now() % 100_000}`;

  beforeAll(async () => {
    browser = await launchBrowser();
    admin = await newPage(browser);
    await signIn(admin, 'admin', inject('adminPassword'));
    await call(admin, 'POST', '/api/v1/customers', { kind: 'person', name: customerName, phone: '13900001234' });
    // One unified round for that customer: due today, given to a specialist on duty.
    const campaign = await call<{ id: string }>(admin, 'POST', '/api/v1/callback-campaigns', {
      name: '年末满意度回访（e2e）',
      filter: { q: customerName },
      step: { offsetDays: 0, purpose: '年末满意度回访', script: '您好，这里是客服中心，想了解您对今年服务的感受。' },
    });
    const list = await call<{ items: Callback[] }>(admin, 'GET', `/api/v1/callbacks?campaignId=${campaign.id}`);
    expect(list.items).toHaveLength(1);
    callback = list.items[0] as Callback;
    expect(callback.assignee, 'the campaign gave the callback to a specialist on duty').not.toBeNull();
  });
  afterAll(async () => browser?.close());

  it('a specialist works a callback from “my callbacks today” and records a complaint that becomes a linked ticket', async () => {
    const username = SPECIALISTS[callback.assignee?.displayName ?? ''];
    expect(username, `assignee ${callback.assignee?.displayName}`).toBeTruthy();
    const page = await newPage(browser);
    await signIn(page, username as string, PASSWORD);
    await page.goto('/callbacks/today');
    const row = page.getByTestId('callback-row').filter({ hasText: customerName });
    await row.waitFor();
    expect(await pageOverflow(page)).toBeNull();
    await row.click();
    await page.waitForURL(`**/callbacks/${callback.id}`);
    await page.getByTestId('callback-script').getByText('想了解您对今年服务的感受').waitFor();
    await page.getByTestId('callback-history').waitFor();

    // Reached: the outcome — satisfaction 2 of 5 and what the customer said.
    await page.getByTestId('callback-reached').click();
    const form = page.getByTestId('callback-outcome-form');
    await form.waitFor();
    await form.getByRole('radio').nth(1).click();
    await page.getByTestId('callback-outcome-opinion').fill('安装师傅迟到两个小时，也没有提前打电话说明。');
    await page.getByTestId('callback-outcome-submit').click();
    await page.getByTestId('callback-result').waitFor();

    // The customer wants it followed up: a complaint ticket in one click, the content carried over.
    await page.getByTestId('callback-complaint').click();
    await page.getByTestId('callback-complaint-confirm').click();
    const link = page.getByTestId('callback-complaint-ticket-link');
    await link.waitFor();
    await screenshot(page, 'callback-call-screen');
    await link.click();
    await page.waitForURL(/\/tickets\/[0-9a-f-]{36}$/);
    await page.getByText(`回访投诉：${customerName}`).first().waitFor();
    await page.getByText('安装师傅迟到两个小时').first().waitFor();

    const done = await call<{ status: string; complaintTicketId: string | null }>(
      page,
      'GET',
      `/api/v1/callbacks/${callback.id}`,
    );
    expect(done.status).toBe('done');
    expect(page.url()).toContain(done.complaintTicketId as string);
  });

  it('the call screen and my list fit a 390 px phone', async () => {
    const username = SPECIALISTS[callback.assignee?.displayName ?? ''] as string;
    const context = await browser.newContext({
      baseURL: inject('baseUrl'),
      locale: 'zh-CN',
      viewport: { width: 390, height: 844 },
      reducedMotion: 'reduce',
    });
    const phone = await context.newPage();
    await signIn(phone, username, PASSWORD);
    await phone.goto(`/callbacks/${callback.id}`);
    await phone.getByTestId('callback-script').waitFor();
    expect(await pageOverflow(phone)).toBeNull();
    await phone.goto('/callbacks/today?view=done');
    await phone.getByTestId('callback-row').first().waitFor();
    expect(await pageOverflow(phone)).toBeNull();
    await context.close();
  });
});
