import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { call, launchBrowser, newPage, screenshot, signIn } from './browser.js';

/** The queue's due column (ticketsQueue:due.column: the earlier of next reply and time limit, issue 14). */
const DUE_COLUMN = '到期';

type Clock = { id: string; metric: string; startedAt: string; dueAt: string | null; state: string };
type YearDay = { date: string; kind: 'off' | 'work' };

const localDate = (instant: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(instant); // YYYY-MM-DD

/** The first Saturday strictly between `from` and `to` that is an ordinary weekend day of cn-workdays. */
async function plainSaturdayBetween(page: Page, from: Date, to: Date): Promise<string | null> {
  const overrides = new Set<string>();
  for (let year = Number(localDate(from).slice(0, 4)); year <= Number(localDate(to).slice(0, 4)); year++) {
    const { days } = await call<{ days: YearDay[] }>(
      page,
      'GET',
      `/api/v1/business-calendars/cn-workdays/year/${year}`,
    );
    for (const d of days) overrides.add(d.date);
  }
  for (let t = from.getTime() + 86_400_000; t < to.getTime(); t += 86_400_000) {
    const date = localDate(new Date(t));
    const weekday = new Date(`${date}T12:00:00+08:00`).getUTCDay();
    if (weekday === 6 && !overrides.has(date) && new Date(`${date}T18:00:00+08:00`).getTime() < to.getTime())
      return date;
  }
  return null;
}

async function clocksOf(page: Page, ticketId: string): Promise<Clock[]> {
  return (await call<{ items: Clock[] }>(page, 'GET', `/api/v1/sla/tickets/${ticketId}/clocks`)).items;
}

describe('time limits in headless Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => browser?.close());

  it('an administrator marks a Saturday as a 调休 working day; the ticket page shows the earlier deadline and explains it', async () => {
    const page = await newPage(browser);
    page.setDefaultTimeout(20_000);
    await signIn(page, 'admin', inject('adminPassword'));

    // Suggestions get a ten-working-day resolution target on cn-workdays (crosses a weekend whatever today is).
    await call(page, 'POST', '/api/v1/sla/policies', {
      nameZh: '建议：10 个工作日内答复',
      nameEn: 'Suggestions: answered within 10 working days',
      metric: 'resolution',
      typeKey: 'suggestion',
      targetMinutes: 10 * 9 * 60,
      timeBasis: 'business',
      calendarId: 'cn-workdays',
    });
    const ticket = await call<{ id: string; number: string }>(page, 'POST', '/api/v1/tickets', {
      typeKey: 'suggestion',
      channel: 'phone',
      subject: '建议延长周末营业时间',
      description: '客户来电建议门店周末延长营业到晚上九点，方便下班后取件。',
    });
    let before: Clock | undefined;
    await expect
      .poll(async () => {
        before = (await clocksOf(page, ticket.id)).find((c) => c.metric === 'resolution');
        return before?.dueAt ?? null;
      })
      .not.toBeNull();
    const dueBefore = new Date(before?.dueAt as string);
    const saturday = await plainSaturdayBetween(page, new Date(before?.startedAt as string), dueBefore);
    expect(saturday, 'a plain Saturday before the due time').not.toBeNull();

    await page.goto(`/tickets/${ticket.id}`);
    const due = page.getByTestId('sla-clock-resolution').getByTestId('sla-clock-due');
    await expect.poll(() => due.getAttribute('data-due')).toBe(dueBefore.toISOString());

    // The calendar's year view: mark the Saturday as a make-up working day, preview, apply.
    await page.goto(`/admin/calendars/cn-workdays?year=${saturday?.slice(0, 4)}`);
    await page.getByTestId(`calendar-day-${saturday}`).click();
    const dialog = page.locator('.ant-modal-content').filter({ has: page.getByTestId('calendar-day-preview') });
    await dialog.getByText('设为上班（调休）').click();
    await dialog.getByRole('textbox').fill('年终补班');
    await dialog.getByTestId('calendar-day-preview').click();
    await expect.poll(() => dialog.getByTestId('calendar-preview-result').textContent()).toContain(ticket.number);
    await dialog.getByTestId('calendar-day-apply').click();
    await dialog.waitFor({ state: 'hidden' });
    await expect
      .poll(() => page.getByTestId(`calendar-day-${saturday}`).getAttribute('aria-label'))
      .toContain('年终补班');
    await screenshot(page, 'calendar-year-view');

    // The ticket page: the deadline is earlier by the Saturday's working hours, and explain says why.
    await page.goto(`/tickets/${ticket.id}`);
    await expect
      .poll(async () => new Date((await due.getAttribute('data-due')) ?? dueBefore).getTime(), { timeout: 20_000 })
      .toBeLessThan(dueBefore.getTime());
    const after = (await clocksOf(page, ticket.id)).find((c) => c.metric === 'resolution');
    expect(await due.getAttribute('data-due')).toBe(after?.dueAt);
    await page.getByTestId('sla-explain-open-resolution').click();
    const drawer = page.getByTestId('sla-explain-drawer');
    await expect.poll(() => drawer.textContent()).toContain('年终补班');
    const [, month, day] = (saturday as string).split('-').map(Number);
    expect(await drawer.textContent()).toContain(`${month}月${day}日周六日历工作日 · 年终补班09:00–18:00`);
    await screenshot(page, 'sla-explain');

    // The queue at 1366 px: the due column is on screen, beside the status, without scrolling.
    await page.goto('/tickets');
    const header = page.locator('th.ant-table-cell').filter({ hasText: DUE_COLUMN }).first();
    await header.waitFor();
    const box = await header.boundingBox();
    expect(box && box.x >= 0 && box.x + box.width <= 1366).toBe(true);
  }, 120_000);

  it('a breached ticket climbs the ladder: the sweep reaches level 1, a supervisor escalates past level 2 with a reason', async () => {
    const page = await newPage(browser);
    page.setDefaultTimeout(20_000);
    await signIn(page, 'admin', inject('adminPassword'));
    const { items: ladders } = await call<{ items: { id: string; isBuiltin: boolean }[] }>(
      page,
      'GET',
      '/api/v1/sla/ladders',
    );
    const ladder = ladders.find((l) => l.isBuiltin) ?? ladders[0];
    // Other tickets: a one-minute first response on calendar time, with the complaint ladder.
    await call(page, 'POST', '/api/v1/sla/policies', {
      nameZh: '其他：1 分钟内首次响应（演练）',
      nameEn: 'Other: first response within 1 minute (drill)',
      metric: 'first_response',
      typeKey: 'other',
      targetMinutes: 1,
      timeBasis: 'calendar',
      ladderId: ladder?.id,
    });
    const ticket = await call<{ id: string; number: string }>(page, 'POST', '/api/v1/tickets', {
      typeKey: 'other',
      channel: 'phone',
      priority: 'high',
      subject: '门店电话一直无人接听',
      description: '客户反映拨打门店电话多次无人接听，希望尽快有人回电。',
    });

    await page.goto(`/tickets/${ticket.id}`);
    const level = (n: number) => page.getByTestId(`sla-ladder-level-${n}`);
    // The sweep runs every minute: the breach and level 1 within about two.
    await expect
      .poll(
        async () => {
          await page.reload();
          return level(1).getAttribute('data-reached');
        },
        { timeout: 200_000, interval: 10_000 },
      )
      .toBe('true');

    // Escalate by hand to level 3: skipping level 2 needs a reason, and both are recorded.
    await page.getByTestId('sla-escalate-open').click();
    const dialog = page.locator('.ant-modal-content').filter({ has: page.getByTestId('sla-escalate-level') });
    await dialog.getByTestId('sla-escalate-level').click();
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option')
      .filter({ hasText: '第 3 级' })
      .first()
      .click();
    await expect.poll(() => dialog.getByTestId('sla-escalate-skips').textContent()).toContain('2');
    await dialog.getByTestId('sla-escalate-reason').fill('客户已第三次来电，情绪激动，直接请店长介入');
    await page.getByTestId('sla-escalate-submit').click();
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => level(3).getAttribute('data-reached')).toBe('true');
    expect(await level(2).getAttribute('data-reached')).not.toBe('true');
    expect(await page.getByTestId('sla-ladder').textContent()).toContain('直接请店长介入');
    await screenshot(page, 'sla-ladder');
  }, 300_000);
});
