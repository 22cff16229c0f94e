import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { call, launchBrowser, newPage, signIn } from './browser.js';

const axeSource: string = createRequire(import.meta.url)('axe-core').source;

type Violation = { id: string; impact: string | null; help: string; nodes: { target: string[] }[] };

/** axe-core in the page (evaluated through DevTools: the page's CSP allows no script of its own). */
async function seriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  const { violations, passes } = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(): Promise<{ violations: Violation[]; passes: unknown[] }> } }).axe;
    const result = await axe.run();
    return { violations: result.violations, passes: result.passes.length };
  });
  // axe really ran its rules on the page (labels, contrast, lang, landmarks …).
  expect(passes).toBeGreaterThan(10);
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** A customer's phone: no session, a 390 px viewport, the page in the given language. */
async function customerPhone(browser: Browser, locale: string): Promise<Page> {
  const context = await browser.newContext({
    baseURL: inject('baseUrl'),
    locale,
    viewport: { width: 390, height: 844 },
  });
  return context.newPage();
}

const noHorizontalOverflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

describe('the public survey page /s/{token} in headless Chromium (issue 15)', () => {
  let browser: Browser;
  let admin: Page;
  let surveyId: string;
  beforeAll(async () => {
    browser = await launchBrowser();
    admin = await newPage(browser);
    await signIn(admin, 'admin', inject('adminPassword'));
    const survey = await call<{ id: string }>(admin, 'POST', '/api/v1/surveys', {
      name: '上门维修满意度',
      // The dashboard shows the figures from the first answer (the default hides fewer than 5).
      minSample: 1,
      questions: [
        {
          kind: 'nps',
          title: '您有多大可能把我们推荐给亲友？',
          titleEn: 'How likely are you to recommend us?',
          required: true,
        },
        {
          kind: 'csat',
          title: '您对本次服务满意吗？',
          titleEn: 'How satisfied are you with the service?',
          required: true,
        },
        { kind: 'text', title: '还有什么想告诉我们的？', titleEn: 'Anything else to tell us?', required: false },
      ],
    });
    surveyId = survey.id;
  });
  afterAll(async () => browser?.close());

  const invite = () =>
    call<{ token: string; url: string }>(admin, 'POST', `/api/v1/surveys/${surveyId}/invitations`, { channel: 'link' });

  it('a customer answers on a phone: accessible, fits 390 px, once only; the answer reaches the results', async () => {
    const { token } = await invite();
    const phone = await customerPhone(browser, 'zh-CN');
    const first = await phone.goto(`/s/${token}`);
    expect(first?.status()).toBe(200);
    expect(await phone.getAttribute('html', 'lang')).toBe('zh-CN');
    expect(await seriousViolations(phone)).toEqual([]);
    expect(await noHorizontalOverflow(phone)).toBe(true);

    // NPS 9 (a promoter), CSAT 5, a remark — by label, as a person taps them.
    const nps = phone.getByRole('group', { name: /推荐给亲友/ });
    await nps.getByRole('radio', { name: '9', exact: true }).check();
    const csat = phone.getByRole('group', { name: /满意吗/ });
    await csat.getByRole('radio', { name: '5', exact: true }).check();
    await phone.getByRole('textbox').fill('师傅很准时，<script>alert(1)</script> 谢谢');
    const [answered] = await Promise.all([
      phone.waitForResponse((r) => r.url().includes(`/s/${token}`) && r.request().method() === 'POST'),
      phone.getByRole('button', { name: '提交' }).click(),
    ]);
    expect(answered.status()).toBe(200);
    await phone.getByText('感谢您的评价').waitFor();

    // The link answers once: a second visit gets a clear page and 410.
    const again = await phone.goto(`/s/${token}`);
    expect(again?.status()).toBe(410);
    await phone.getByText('问卷已提交').waitFor();
    expect(await seriousViolations(phone)).toEqual([]);

    const results = await call<{ responses: number; nps: number }>(admin, 'GET', `/api/v1/surveys/${surveyId}/results`);
    expect(results).toMatchObject({ responses: 1, nps: 100 });

    // The result appears on the dashboard: one promoter → NPS +100, CSAT 100 %, and the answer behind it.
    // Read in the office, whose clock is the business time zone's (the period's "today" is the browser's).
    const office = await browser.newContext({
      baseURL: inject('baseUrl'),
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
      viewport: { width: 1366, height: 860 },
      reducedMotion: 'reduce',
    });
    const manager = await office.newPage();
    await signIn(manager, 'admin', inject('adminPassword'));
    await manager.goto(`/surveys/results?survey=${surveyId}`);
    const npsCard = manager.getByTestId('survey-results-nps');
    await npsCard.getByText('+100').waitFor();
    await manager.getByTestId('survey-results-csat').getByText('100').waitFor();
    await npsCard.click();
    const drawer = manager.getByTestId('survey-responses-drawer');
    await drawer.getByText('师傅很准时').waitFor();
    expect(await drawer.locator('script').count()).toBe(0);
    await office.close();
  });

  it('in English: the page and a refused answer (a required question left out) are clear and accessible', async () => {
    const { token } = await invite();
    const phone = await customerPhone(browser, 'en-US');
    await phone.goto(`/s/${token}?lang=en`);
    expect(await phone.getAttribute('html', 'lang')).toBe('en');
    await phone
      .getByRole('group', { name: /recommend us/ })
      .getByRole('radio', { name: '3', exact: true })
      .check();
    // The CSAT question is required: the browser's own check is bypassed to see the server's answer.
    await phone.evaluate(() => document.querySelector('form')?.setAttribute('novalidate', ''));
    const [refused] = await Promise.all([
      phone.waitForResponse((r) => r.url().includes(`/s/${token}`) && r.request().method() === 'POST'),
      phone.getByRole('button', { name: /submit/i }).click(),
    ]);
    expect(refused.status()).toBe(422);
    expect(await seriousViolations(phone)).toEqual([]);
    expect(await noHorizontalOverflow(phone)).toBe(true);
    // Nothing was stored: the link still answers.
    const reopened = await phone.goto(`/s/${token}?lang=en`);
    expect(reopened?.status()).toBe(200);
  });
});
