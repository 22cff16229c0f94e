import { createHmac, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { call, launchBrowser, newPage, screenshot, signIn } from './browser.js';
import { pageOverflow } from './page-checks.js';

/**
 * An Asterisk queue_log of `calls` calls in the last hours (answered, some after a ring-no-answer,
 * every fifth abandoned), big enough that the server imports it as a job (202, then polled).
 */
function queueLog(calls: number): string {
  const lines: string[] = [];
  const start = Math.floor(Date.now() / 1000) - 3 * 3600;
  for (let i = 0; i < calls; i++) {
    const t = start + Math.floor((i * 3 * 3600) / calls);
    const id = `${t}.${i}`;
    const queue = i % 3 === 0 ? 'complaints' : 'aftersales';
    const agent = `PJSIP/80${String(i % 7).padStart(2, '0')}`;
    const wait = 5 + (i % 40);
    lines.push(`${t}|${id}|${queue}|NONE|ENTERQUEUE||1390000${String(i % 10_000).padStart(4, '0')}|1`);
    if (i % 5 === 4) {
      lines.push(`${t + wait}|${id}|${queue}|NONE|ABANDON|1|1|${wait}`);
      continue;
    }
    if (i % 4 === 0) lines.push(`${t + 3}|${id}|${queue}|${agent}|RINGNOANSWER|3000`);
    lines.push(`${t + wait}|${id}|${queue}|${agent}|CONNECT|${wait}|${id}.b|2`);
    lines.push(`${t + wait + 200}|${id}|${queue}|${agent}|COMPLETECALLER|${wait}|${200 + (i % 90)}|1`);
  }
  return `${lines.join('\n')}\n`;
}

/** A Standard Webhooks signature (webhook-id.timestamp.body, HMAC-SHA256 keyed by the secret's base64 part). */
function signed(secret: string, body: string): Record<string, string> {
  const id = randomUUID();
  const timestamp = String(Math.floor(Date.now() / 1000));
  const key = Buffer.from(secret.slice('whsec_'.length), 'base64');
  const signature = createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest('base64');
  return {
    'content-type': 'application/json',
    'webhook-id': id,
    'webhook-timestamp': timestamp,
    'webhook-signature': `v1,${signature}`,
  };
}

describe('calls and KPIs in headless Chromium (issue 16)', () => {
  let browser: Browser;
  let page: Page;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kefu-calls-'));

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await newPage(browser);
    await signIn(page, 'admin', inject('adminPassword'));
  });
  afterAll(async () => {
    await browser?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('imports a queue_log with a progress bar and shows the summary', async () => {
    const file = path.join(dir, 'queue_log');
    fs.writeFileSync(file, queueLog(8_000));
    await page.goto('/calls/imports');
    await page.getByTestId('call-import').waitFor();
    await page.getByTestId('call-import-file').locator('input[type="file"]').setInputFiles(file);
    await page.getByTestId('call-import-start').click();
    const progress = page.getByTestId('call-import-progress');
    await progress.waitFor();
    expect(await progress.locator('.ant-progress').count()).toBe(1);
    const summary = page.getByTestId('call-import-summary');
    await summary.waitFor({ timeout: 60_000 });
    expect(await summary.textContent()).toMatch(/(通话|Calls)\s*8,?000/);
    await expect.poll(() => progress.locator('.ant-progress-status-success').count()).toBe(1);
    expect(await pageOverflow(page)).toBeNull();
    await screenshot(page, 'calls-import');
  });

  it('shows the KPI dashboard with its figures, targets and charts', async () => {
    await page.goto('/calls/kpis');
    const dashboard = page.getByTestId('call-kpi-dashboard');
    await dashboard.waitFor();
    const serviceLevel = page.getByTestId('call-kpi-serviceLevelOffered');
    await expect.poll(async () => (await serviceLevel.textContent()) ?? '').toMatch(/\d+(\.\d+)?\s*%/);
    // Targets vs actuals: every figure with a target carries a red/amber/green mark.
    expect(await page.locator('[data-testid^="call-rag-"]').count()).toBeGreaterThan(3);
    await page.getByTestId('call-kpi-trend').locator('canvas').first().waitFor();
    await page.getByTestId('call-kpi-queue-chart').locator('canvas').first().waitFor();
    expect(await page.getByTestId('call-kpi-queues').textContent()).toContain('aftersales');
    expect(await pageOverflow(page)).toBeNull();
    await screenshot(page, 'calls-kpis');
  });

  it('opens the staffing view: Erlang C for the worked example and the intraday chart', async () => {
    await page.goto('/calls/staffing');
    await page.getByTestId('call-staffing').waitFor();
    // The form starts on the published example: 100 calls in 30 min, AHT 180 s, 80 % in 20 s.
    await expect.poll(async () => page.getByTestId('call-staffing-trafficErlangs').textContent()).toContain('10');
    expect(await page.getByTestId('call-staffing-agents').textContent()).toContain('14');
    await page.getByTestId('call-staffing-chart').locator('canvas').first().waitFor();
    expect(await pageOverflow(page)).toBeNull();
  });

  it('updates the wall board when a live call event arrives', async () => {
    const { secret } = await call<{ secret: string }>(page, 'PUT', '/api/v1/calls/webhook', {});
    await page.goto('/calls/wallboard');
    const waiting = page.getByTestId('call-wallboard-waiting');
    await waiting.waitFor();
    const number = async () => Number(((await waiting.textContent()) ?? '').replace(/\D/g, '') || '0');
    await expect.poll(number).toBeGreaterThanOrEqual(0);
    const before = await number();
    const body = JSON.stringify({
      type: 'ringing',
      callId: `e2e.${Date.now()}`,
      queue: 'aftersales',
      callerNumber: '13900009999',
      agent: 'PJSIP/8001',
    });
    // The PBX's request: no session, only the signature.
    const response = await fetch(`${inject('baseUrl')}/api/v1/calls/events`, {
      method: 'POST',
      headers: signed(secret, body),
      body,
    });
    expect(response.status, await response.text()).toBeLessThan(300);
    // No reload: the board hears the event (server-sent events) and shows one more caller waiting.
    await expect.poll(number, { timeout: 15_000 }).toBe(before + 1);
    expect(await pageOverflow(page)).toBeNull();
  });
});
