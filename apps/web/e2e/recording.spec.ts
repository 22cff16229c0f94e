import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage, screenshot, signIn } from './browser.js';
import { pageOverflow } from './page-checks.js';

const PASSWORD = 'Kefu@2026';
/** Demo customers of wangfang (apps/server/src/db/seed/demo-customers.data.ts): no tickets / an open major complaint. */
const LAWYERS = '深圳前海汇丰律师事务所';
const LAWYER_CONTACT = { name: '刘律师', mobile: '13802900701' };
const PROPERTY = '北京佳禾物业管理有限公司';

/** The id of a customer in the signed-in user's scope, through the API the page uses. */
const customerId = (page: Page, name: string) =>
  page.evaluate(async (q) => {
    const r = await fetch(`/api/v1/customers?q=${encodeURIComponent(q)}`);
    const body = (await r.json()) as { items: { id: string; name: string }[] };
    return body.items.find((c) => c.name === q)?.id as string;
  }, name);

/**
 * Counts the clicks a person makes: trusted click events with a pointer (`detail > 0`; a button
 * pressed with Enter or Space fires a click with detail 0, which is a keystroke, not a click).
 */
async function countClicks(page: Page): Promise<() => number> {
  let clicks = 0;
  await page.exposeFunction('__kefuClick', () => {
    clicks += 1;
  });
  await page.addInitScript(() => {
    document.addEventListener(
      'click',
      (event) => {
        if (event.isTrusted && event.detail > 0) (window as unknown as { __kefuClick: () => void }).__kefuClick();
      },
      true,
    );
  });
  return () => clicks;
}

/** Keystrokes typed by the test: one per character and one per key pressed. */
function keyboard(page: Page) {
  let strokes = 0;
  return {
    type: async (text: string) => {
      strokes += [...text].length;
      await page.keyboard.type(text);
    },
    press: async (key: string) => {
      strokes += 1;
      await page.keyboard.press(key);
    },
    count: () => strokes,
  };
}

const selected = (page: Page, inputId: string) =>
  page.locator('.ant-select', { has: page.locator(`#${inputId}`) }).locator('.ant-select-selection-item');

describe('faster recording (issue 14)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => browser?.close());

  it('records a phone complaint of an existing customer from the customer page in ≤ 8 clicks, with a preset; the ticket shows the contact', async () => {
    const page = await newPage(browser);
    page.setDefaultTimeout(20_000);
    await signIn(page, 'wangfang', PASSWORD);
    const id = await customerId(page, LAWYERS);
    expect(id).toBeTruthy();
    const clicks = await countClicks(page);
    const keys = keyboard(page);
    await page.goto(`/customers/${id}`);
    await page.getByTestId('customer-title').waitFor();
    const before = clicks();

    await page.getByTestId('customer-new-ticket').click();
    await page.waitForURL((url) => url.pathname === '/tickets/new' && url.searchParams.get('customerId') === id);
    await page.getByTestId('type-complaint').click();
    // Customer and its primary contact are already there.
    await expect.poll(() => selected(page, 'customerId').first().textContent()).toContain(LAWYERS);
    await expect.poll(() => selected(page, 'contactId').first().textContent()).toContain(LAWYER_CONTACT.name);
    await page.locator('#subject').click();
    const subject = `律所网络专线中断半天 ${Date.now().toString().slice(-5)}`;
    await keys.type(subject);
    await keys.press('Tab');
    await keys.type('刘律师来电：上午九点起专线中断，至今未恢复，影响开庭材料提交，要求今天内给出原因和恢复时间。');
    await page.getByTestId('next-reply-preset-nextWorkday').click();
    await expect.poll(() => page.locator('#nextReplyAt').inputValue()).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    await screenshot(page, 'ticket-new-presets');
    await page.getByTestId('ticket-submit').click();
    await page.waitForURL((url) => /^\/tickets\/[0-9a-f-]{36}$/.test(url.pathname));
    const used = clicks() - before;
    console.log(`[recording] phone complaint of an existing customer: ${used} clicks, ${keys.count()} keystrokes`);
    expect(used).toBeLessThanOrEqual(8);

    // The saved ticket shows the contact chosen on the form, linked to the customer's file.
    await page.getByTestId('ticket-contact').waitFor();
    expect(await page.getByTestId('ticket-contact-name').textContent()).toBe(LAWYER_CONTACT.name);
    expect(await page.getByTestId('ticket-contact-phone').textContent()).toContain(LAWYER_CONTACT.mobile);
    expect(await page.getByTestId('next-reply').first().getAttribute('data-overdue')).toBe('false');
    await page.close();
  });

  it('an incoming call’s number fills the caller in; the rest goes by keyboard (Tab, Enter on a preset, Ctrl+Enter)', async () => {
    const page = await newPage(browser);
    page.setDefaultTimeout(20_000);
    await signIn(page, 'wangfang', PASSWORD);
    const clicks = await countClicks(page);
    const keys = keyboard(page);
    await page.goto(`/tickets/new?phone=${LAWYER_CONTACT.mobile}&channel=phone`);
    await expect.poll(() => selected(page, 'customerId').first().textContent()).toContain(LAWYERS);
    await expect.poll(() => selected(page, 'contactId').first().textContent()).toContain(LAWYER_CONTACT.name);
    await page.getByTestId('recording-shortcuts-button').waitFor();

    // Type first: the form opens focused on it; the arrow keys pick a type (a consultation will do).
    await expect
      .poll(() => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type))
      .toBe('radio');
    await keys.press('Space');
    // customer → contact → caller → subject (a few stops: the selects' own parts)
    for (let i = 0; i < 8 && (await page.evaluate(() => document.activeElement?.id)) !== 'subject'; i += 1)
      await keys.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('subject');
    await keys.type('咨询专线恢复进度');
    await keys.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('description');
    await keys.type('客户来电询问专线恢复进度。');
    await keys.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
      'next-reply-preset-in2h',
    );
    await keys.press('Enter');
    await expect.poll(() => page.locator('#nextReplyAt').inputValue()).not.toBe('');
    await keys.press('Control+Enter');
    await page.waitForURL((url) => /^\/tickets\/[0-9a-f-]{36}$/.test(url.pathname));
    expect(clicks()).toBe(0);
    console.log(`[recording] keyboard-only consultation from an incoming call: 0 clicks, ${keys.count()} keystrokes`);
    expect(await page.getByTestId('ticket-contact-name').textContent()).toBe(LAWYER_CONTACT.name);

    // An unknown number: an unknown caller with the number filled in.
    await page.goto('/tickets/new?phone=13700009999&channel=phone');
    await expect.poll(() => page.locator('#contactPhone').inputValue()).toBe('13700009999');
    await page.close();
  });

  it('warns of the customer’s open complaint; "add to it" puts the description on that complaint', async () => {
    const page = await newPage(browser);
    page.setDefaultTimeout(20_000);
    await signIn(page, 'wangfang', PASSWORD);
    const id = await customerId(page, PROPERTY);
    await page.goto(`/tickets/new?customerId=${id}`);
    const alert = page.getByTestId('open-complaint-alert');
    await alert.waitFor();
    await alert.getByTestId('open-complaint-major').waitFor();
    expect(await alert.textContent()).toContain('电梯');
    const number = (await alert.getByTestId('open-complaint-number').textContent()) ?? '';
    expect(number).toMatch(/^GD\d+/);
    // "Create anyway" hides it (for this customer, until the form is opened again).
    await page.getByTestId('open-complaint-dismiss').click();
    await alert.waitFor({ state: 'detached' });
    await page.goto(`/tickets/new?customerId=${id}`);
    await alert.waitFor();
    const said = `物业经理再次来电：今天上午电梯又停了一次 ${Date.now().toString().slice(-5)}`;
    await page.locator('#description').fill(said);
    await page.getByTestId('open-complaint-append').click();
    await page.waitForURL((url) => /^\/tickets\/[0-9a-f-]{36}$/.test(url.pathname));
    expect(await page.getByTestId('ticket-number').first().textContent()).toContain(number);
    await page.getByTestId('conversation').locator('[data-kind="inbound"]', { hasText: said }).waitFor();
    await page.close();
  });

  it('the new-ticket form fits 390 px (one column) and 1366 px without horizontal overflow', async () => {
    const page = await newPage(browser);
    page.setDefaultTimeout(20_000);
    await signIn(page, 'wangfang', PASSWORD);
    const id = await customerId(page, LAWYERS);
    for (const width of [390, 1366]) {
      await page.setViewportSize({ width, height: 844 });
      await page.goto(`/tickets/new?customerId=${id}`);
      await page.getByTestId('next-reply-presets').waitFor();
      await expect.poll(() => pageOverflow(page)).toBeNull();
      if (width === 390) {
        const subject = await page.locator('#subject').boundingBox();
        const customer = await page.locator('.ant-select', { has: page.locator('#customerId') }).boundingBox();
        const contact = await page.locator('.ant-select', { has: page.locator('#contactId') }).boundingBox();
        // One column: the contact sits under the customer, as wide as the subject.
        expect(contact && customer && contact.y > customer.y).toBe(true);
        expect(Math.abs((customer?.width ?? 0) - (subject?.width ?? 0))).toBeLessThan(4);
        await screenshot(page, 'ticket-new-390');
      }
      await page.goto(`/customers/${id}`);
      await page.getByTestId('customer-new-ticket').waitFor();
    }
    await page.close();
  });
});
