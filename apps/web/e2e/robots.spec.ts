import { createHmac, randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, newPage, screenshot, signIn } from './browser.js';

/** A DingTalk custom-robot secret (加签), as DingTalk shows it: "SEC" + 64 hex digits. */
const SECRET = `SEC${randomBytes(32).toString('hex')}`;

type Received = { path: string; timestamp: string; signOk: boolean; body: string };

/**
 * A local stand-in for DingTalk's robot endpoint. It checks the signature as DingTalk documents it —
 * query `timestamp` (ms) and `sign` = URL-encoded Base64(HMAC-SHA256(key = secret, msg = timestamp +
 * "\n" + secret)), the timestamp within an hour — and answers like DingTalk: errcode 0, or 310000.
 */
function startReceiver(): Promise<{ server: http.Server; url: string; received: Received[] }> {
  const received: Received[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://receiver');
      // URLSearchParams decodes once: a `sign` sent without URL-encoding ('+' → ' ') does not match.
      const timestamp = url.searchParams.get('timestamp') ?? '';
      const sign = url.searchParams.get('sign') ?? '';
      const expected = createHmac('sha256', SECRET).update(`${timestamp}\n${SECRET}`).digest('base64');
      const fresh = /^\d{13}$/.test(timestamp) && Math.abs(Date.now() - Number(timestamp)) < 3_600_000;
      const signOk = fresh && sign === expected;
      received.push({ path: url.pathname, timestamp, signOk, body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify(
          signOk ? { errcode: 0, errmsg: 'ok' } : { errcode: 310000, errmsg: 'sign not match, more: [signature]' },
        ),
      );
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({ server, url: `http://127.0.0.1:${port}/robot/send?access_token=e2e${Date.now()}`, received });
    }),
  );
}

/** The text DingTalk would show: `text.content` or `markdown.title` + `markdown.text`. */
function messageText(body: string): string {
  try {
    const json = JSON.parse(body) as { text?: { content?: string }; markdown?: { title?: string; text?: string } };
    return [json.text?.content, json.markdown?.title, json.markdown?.text].filter(Boolean).join('\n');
  } catch {
    return '';
  }
}

/** A date-time picker: type the value and confirm with the picker's OK (Enter would submit the form). */
async function pickDateTime(page: Page, selector: string, value: string) {
  const input = page.locator(selector);
  await input.click();
  await input.fill(value);
  await page.locator('.ant-picker-dropdown:visible .ant-picker-ok button').click();
}

function tomorrowAt(hour: number): string {
  const d = new Date(Date.now() + 24 * 3600_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(hour)}:00`;
}

describe('work-chat robots in headless Chromium', () => {
  let browser: Browser;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  beforeAll(async () => {
    receiver = await startReceiver();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => receiver?.server.close(resolve));
  });

  it('an administrator adds a DingTalk robot, tests it and sees the delivery; a major complaint then reaches the group', async () => {
    const page = await newPage(browser);
    page.setDefaultTimeout(20_000);
    await signIn(page, 'admin', inject('adminPassword'));

    // 1. No robot yet: the empty page says what to do, and its button opens the dialog.
    await page.goto('/admin/robots');
    await page.getByTestId('robots-empty').waitFor();
    await page.getByTestId('robots-empty').getByRole('button').click();
    const dialog = page.locator('.ant-modal-content').filter({ has: page.locator('#robot-url') });
    await page.getByTestId('robot-kind-dingtalk').click();
    await expect.poll(() => dialog.getByTestId('robot-vendor-hint').textContent()).toContain('加签');
    await page.locator('#robot-name').fill('客服主管群（钉钉）');
    await page.locator('#robot-url').fill(receiver.url);
    await page.locator('#robot-secret').fill(SECRET);
    // Subscribed to major complaints (the default topics include them).
    expect(await dialog.locator('.ant-select-selection-item', { hasText: '重大投诉' }).count()).toBe(1);
    await screenshot(page, 'robot-form');
    await page.getByTestId('robot-save').click();
    await dialog.waitFor({ state: 'hidden' });

    // 2. Test: the receiver checked the signature and said ok; the page shows its answer.
    const row = page.locator('tr[data-robot="客服主管群（钉钉）"]');
    await row.getByTestId('robot-kind').waitFor();
    await row.getByTestId('robot-test').click();
    const result = page.getByTestId('robot-test-result');
    await result.waitFor();
    expect(await result.getAttribute('data-ok')).toBe('true');
    expect(await page.getByTestId('robot-test-status').textContent()).toBe('200');
    expect(await page.getByTestId('robot-test-response').textContent()).toContain('"errcode":0');
    expect(receiver.received.length).toBeGreaterThan(0);
    expect(receiver.received.every((r) => r.signOk)).toBe(true);
    await screenshot(page, 'robot-test');

    // 3. Its deliveries: the test message, delivered.
    await page.getByTestId('robot-test-deliveries').click();
    const deliveries = page.getByTestId('robot-deliveries');
    await expect
      .poll(() => deliveries.locator('[data-testid="delivery-status"]').first().getAttribute('data-status'))
      .toBe('sent');
    await screenshot(page, 'robot-deliveries');
    await page.keyboard.press('Escape');

    // 4. A major complaint, recorded through the ticket form.
    const before = receiver.received.length;
    const subject = `燃气灶漏气无人处理 ${Date.now().toString().slice(-5)}`;
    await page.goto('/tickets/new');
    await page.getByTestId('type-complaint').click();
    await page.getByTestId('caller-unknown').click();
    await page.locator('#contactName').fill('李女士');
    await page.locator('#contactPhone').fill('13987654321');
    await page.locator('#subject').fill(subject);
    await page.locator('#description').fill('客户称家中燃气灶漏气，报修两天无人上门，情绪激动，表示要向媒体反映。');
    const major = page.getByTestId('is-major');
    await expect
      .poll(async () => {
        if ((await major.getAttribute('aria-checked')) !== 'true')
          await major.click({ timeout: 5_000 }).catch(() => undefined);
        return major.getAttribute('aria-checked');
      })
      .toBe('true');
    await pickDateTime(page, '#nextReplyAt', tomorrowAt(10));
    await page.getByTestId('ticket-submit').click();
    await page.waitForURL((url) => /^\/tickets\/[0-9a-f-]{36}$/.test(url.pathname));
    const number = ((await page.getByTestId('ticket-number').first().textContent()) ?? '').trim();

    // 5. The group robot gets the major complaint, signed (delivered by the jobs: up to ~30 s).
    await expect
      .poll(
        () =>
          receiver.received
            .slice(before)
            .filter((r) => r.signOk)
            .map((r) => messageText(r.body))
            .find((text) => text.includes(subject) || (number !== '' && text.includes(number))) ?? null,
        { timeout: 45_000, interval: 1_000 },
      )
      .not.toBeNull();

    // The list shows it as the robot's last delivery.
    await page.goto('/admin/robots');
    await expect
      .poll(() => row.getByTestId('delivery-status').first().getAttribute('data-status'), { timeout: 20_000 })
      .toBe('sent');
  }, 180_000);

  it('the robots page fits a 390 px phone', async () => {
    const context = await browser.newContext({
      baseURL: inject('baseUrl'),
      locale: 'en',
      viewport: { width: 390, height: 844 },
      reducedMotion: 'reduce',
    });
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    await signIn(page, 'admin', inject('adminPassword'));
    await page.goto('/admin/robots');
    await page.getByTestId('robots-table').waitFor();
    // The table scrolls inside its card; the page itself does not scroll sideways.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await screenshot(page, 'robots-mobile');
    await context.close();
  }, 60_000);
});
