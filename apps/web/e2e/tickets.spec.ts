import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { choose, launchBrowser, newPage, screenshot, signIn } from './browser.js';

const PASSWORD = 'Kefu@2026';
/** A starter forbidden phrase (apps/server/src/db/seed/phrases.data.ts) and its approved alternative. */
const FORBIDDEN = '这不归我管';
const ALTERNATIVE = '这项业务由专门的同事负责，我马上帮您联系，并跟进到有结果为止。';
const COMPLAINT_RED = 'rgb(207, 19, 34)';

/** The OK button of the open modal. */
const ok = (dialog: Locator) => dialog.locator('.ant-modal-footer .ant-btn-primary').last();
const modal = (page: Page, title: string) => page.locator('.ant-modal-content').filter({ hasText: title });
const fieldError = (page: Page, inputId: string) =>
  page.locator('.ant-form-item', { has: page.locator(`#${inputId}`) }).locator('.ant-form-item-explain-error');

/** A date-time picker: type the value and confirm with the picker's OK (Enter would submit the form). */
async function pickDateTime(page: Page, input: Locator, value: string) {
  await input.click();
  await input.fill(value);
  await page.locator('.ant-picker-dropdown:visible .ant-picker-ok button').click();
}

/** A date picker: type the value and leave the field (Enter would submit the surrounding form). */
async function pickDate(input: Locator, value: string) {
  await input.click();
  await input.fill(value);
  await input.press('Tab');
}

function tomorrow(hour: number): { date: string; dateTime: string } {
  const d = new Date(Date.now() + 24 * 3600_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  const date = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  return { date, dateTime: `${date} ${pad(hour)}:00` };
}

describe('complaint journey in headless Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => browser?.close());

  it('an agent records a phone complaint (next reply forced, forbidden phrase flagged); the supervisor sees it red in the team queue and closes it with root cause and measure', async () => {
    const agent = await newPage(browser);
    agent.setDefaultTimeout(20_000);
    await signIn(agent, 'wangfang', PASSWORD);

    // 1. A phone complaint from an unknown caller, facts clarified (问清楚).
    await agent.goto('/tickets');
    await agent.waitForURL('**/tickets/queue');
    await agent.getByTestId('ticket-create').click();
    await agent.waitForURL('**/tickets/new');
    await agent.getByTestId('type-complaint').click();
    await agent.getByTestId('caller-unknown').click();
    await agent.locator('#contactName').fill('周先生');
    await agent.locator('#contactPhone').fill('13912345678');
    const subject = `抢修人员爽约，家中停电一整天 ${Date.now().toString().slice(-5)}`;
    await agent.locator('#subject').fill(subject);
    await agent
      .locator('#description')
      .fill('客户称昨天约好上午九点上门抢修，一直等到下午三点无人到场，也没有人打电话说明，家中冰箱食物全部变质。');
    for (const item of ['identity', 'time_place', 'product_order', 'details', 'demand']) {
      // Retried: a click that lands while the form re-renders (the type just switched) can be lost.
      const box = agent.getByTestId(`fact-${item}`);
      await expect
        .poll(async () => {
          if (!(await box.isChecked())) await box.click({ timeout: 5_000 }).catch(() => undefined);
          return box.isChecked();
        })
        .toBe(true);
    }

    // 2. Saving without a next-reply time: the server refuses (跟清楚) and the form says why.
    await agent.getByTestId('ticket-submit').click();
    await expect.poll(() => fieldError(agent, 'nextReplyAt').textContent()).toContain('下次回复');
    expect(agent.url()).toContain('/tickets/new');
    await screenshot(agent, 'ticket-next-reply-required');

    // 3. With a promised time it is saved, and the ticket page opens.
    await pickDateTime(agent, agent.locator('#nextReplyAt'), tomorrow(10).dateTime);
    expect(await agent.locator('#nextReplyAt').inputValue()).toBe(tomorrow(10).dateTime);
    await agent.getByTestId('ticket-submit').click();
    await agent.waitForURL((url) => /^\/tickets\/[0-9a-f-]{36}$/.test(url.pathname));
    const ticketPath = new URL(agent.url()).pathname;
    await agent.getByTestId('ticket-number').waitFor();
    await agent.getByTestId('complaint-tag').first().waitFor();
    expect(await agent.getByTestId('ticket-status').first().getAttribute('data-status')).toBe('received');
    expect(await agent.getByTestId('next-reply').first().getAttribute('data-overdue')).toBe('false');

    // 4. A forbidden phrase in the reply is flagged with its alternative while typing; one click
    //    puts the approved wording in.
    const body = agent.locator('#reply-body');
    await body.fill(`${FORBIDDEN}，您去问供电所吧。`);
    const hits = agent.getByTestId('forbidden-hits');
    await hits.waitFor();
    await expect.poll(() => hits.textContent()).toContain(FORBIDDEN);
    expect(await hits.textContent()).toContain(ALTERNATIVE);
    expect(await hits.locator('mark').first().textContent()).toBe(FORBIDDEN);
    await screenshot(agent, 'ticket-forbidden-phrase');
    await hits.getByRole('button', { name: '替换为建议说法' }).first().click();
    await expect.poll(() => body.inputValue()).toContain(ALTERNATIVE);
    await hits.waitFor({ state: 'detached' });
    await agent.getByTestId('reply-send').click();
    const conversation = agent.getByTestId('conversation');
    await conversation.locator('[data-kind="reply"]', { hasText: ALTERNATIVE }).waitFor();
    // The reply can show (live event) before the send's answer clears the box: wait for the clear.
    await expect.poll(() => body.inputValue()).toBe('');

    // 5. Sent as it is, the server refuses it too; "send anyway" needs a reason and is marked.
    await body.fill(`${FORBIDDEN}，不过我会帮您转达。`);
    await agent.getByTestId('reply-send').click();
    await agent.locator('#reply-override-reason').waitFor();
    await agent.locator('#reply-override-reason').fill('复述客户原话，便于主管复核');
    await agent.getByTestId('reply-send').click();
    await conversation.locator('[data-kind="reply"]', { hasText: '不过我会帮您转达' }).waitFor();
    await conversation.getByTestId('message-override').first().waitFor();

    // 6. The supervisor sees the complaint in red in the team queue.
    const supervisor = await newPage(browser);
    supervisor.setDefaultTimeout(20_000);
    await signIn(supervisor, 'zhangwei', PASSWORD);
    await supervisor.goto('/tickets/queue?queue=team');
    const row = supervisor.getByTestId('ticket-row').filter({ hasText: subject });
    await row.waitFor();
    expect(await row.getAttribute('data-complaint')).toBe('true');
    await row.getByTestId('complaint-tag').waitFor();
    const color = await row
      .getByTestId('ticket-subject')
      .evaluate((element) => getComputedStyle(element as HTMLElement).color);
    expect(color).toBe(COMPLAINT_RED);
    await screenshot(supervisor, 'ticket-team-queue');

    // Full-text search (Chinese, no spaces) from the keyboard: `/` focuses the box; the hit is marked.
    await supervisor.keyboard.press('/');
    const search = supervisor.getByTestId('ticket-search');
    await expect.poll(() => search.evaluate((element) => element === document.activeElement)).toBe(true);
    await search.fill('冰箱');
    await search.press('Enter');
    const found = supervisor.getByTestId('ticket-row').filter({ hasText: subject });
    await found.getByTestId('ticket-highlight').locator('mark', { hasText: '冰箱' }).first().waitFor();

    // 7. Resolve (复清楚) → feedback → close with root cause and an improvement measure.
    await found.getByTestId('ticket-subject').click();
    await supervisor.waitForURL(`**${ticketPath}`);
    await supervisor.getByTestId('action-resolve').click();
    const resolve = modal(supervisor, '解决并答复客户');
    await resolve.locator('#resolve-process').fill('已向客户致歉，当天改派抢修班组上门，更换损坏的入户开关。');
    await resolve.locator('#resolve-result').fill('当晚八点恢复供电，食物损失按规定给予补偿。');
    await ok(resolve).click();
    await expect
      .poll(() => supervisor.getByTestId('ticket-status').first().getAttribute('data-status'))
      .toBe('resolved');

    // The agent, still on the page, is told that someone else changed the ticket.
    await agent.getByTestId('updated-by-others').waitFor({ timeout: 15_000 });
    expect(await agent.getByTestId('ticket-status').first().getAttribute('data-status')).toBe('resolved');

    await supervisor.getByTestId('action-feedback').click();
    const feedback = modal(supervisor, '记录客户反馈');
    await feedback.locator('#feedback-note').fill('客户对处理结果满意。');
    await ok(feedback).click();
    await expect
      .poll(() => supervisor.getByTestId('ticket-status').first().getAttribute('data-status'))
      .toBe('feedback');

    await supervisor.getByTestId('action-close').click();
    const close = modal(supervisor, '总结关闭');
    await choose(close, 'close-root-cause', '流程/制度缺陷');
    await close.locator('#close-cause').fill('改约未通知客户：派单系统没有提醒班组联系客户。');
    await close.locator('#close-summary').fill('抢修爽约引起投诉，已恢复供电并补偿。');
    await close.locator('#measure-title').fill('派单后三十分钟内未联系客户自动提醒班长');
    await choose(close, 'measure-owner', '王芳', '王芳');
    await pickDate(close.locator('#measure-due'), tomorrow(0).date);
    await close.getByTestId('measure-add').click();
    await close.getByTestId('measures').locator('tr', { hasText: '派单后三十分钟内' }).waitFor();
    await screenshot(supervisor, 'ticket-close');
    expect(
      await close.locator('.ant-select', { has: supervisor.locator('#close-root-cause') }).textContent(),
    ).toContain('流程/制度缺陷');
    await ok(close).click();
    await expect.poll(() => supervisor.getByTestId('ticket-status').first().getAttribute('data-status')).toBe('closed');

    // The server agrees: closed with the root cause, and the history has every step.
    const id = ticketPath.split('/').pop() as string;
    const ticket = (await (await supervisor.request.get(`/api/v1/tickets/${id}`)).json()) as {
      status: string;
      rootCauseKey: string;
      isComplaint: boolean;
    };
    expect(ticket).toMatchObject({ status: 'closed', rootCauseKey: 'process', isComplaint: true });
    await supervisor.getByRole('tab', { name: '变更历史' }).click();
    await supervisor.getByTestId('history').locator('tr', { hasText: '状态变更：总结关闭' }).waitFor();

    await agent.context().close();
    await supervisor.context().close();
  });
});
