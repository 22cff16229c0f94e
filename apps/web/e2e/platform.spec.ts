import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { choose, launchBrowser, newPage, screenshot, signIn, signOut } from './browser.js';

async function menuTexts(page: Page): Promise<string[]> {
  await page.locator('.ant-pro-sider-menu, .ant-layout-sider .ant-menu').first().waitFor();
  const openers = page.locator('.ant-menu-submenu-title');
  for (let i = 0; i < (await openers.count()); i++) {
    const submenu = openers.nth(i);
    if ((await submenu.getAttribute('aria-expanded')) !== 'true') await submenu.click();
  }
  return (await page.locator('.ant-layout-sider .ant-menu-title-content').allInnerTexts()).map((s) => s.trim());
}

describe('platform journeys in headless Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => browser?.close());

  it('a demo supervisor signs in, switches to English and sees the menu of that role', async () => {
    const page = await newPage(browser);
    await signIn(page, 'zhangwei', 'Kefu@2026');
    const zh = await menuTexts(page);
    expect(zh).toContain('用户');
    expect(zh).not.toContain('审计日志');
    expect(zh).not.toContain('角色与权限');
    await page.getByTestId('lang-switch').click();
    await page.getByTestId('lang-en').click();
    await expect.poll(async () => menuTexts(page)).toContain('Users');
    const en = await menuTexts(page);
    expect(en).not.toContain('Audit log');
    // The choice persists per user: a fresh browser session signs in to English.
    const again = await newPage(browser);
    await signIn(again, 'zhangwei', 'Kefu@2026');
    await expect.poll(async () => menuTexts(again)).toContain('Users');
    await again.context().close();
    // Back to Chinese: other specs sign in as this demo user and read Chinese labels.
    await page.getByTestId('lang-switch').click();
    await page.getByTestId('lang-zh-CN').click();
    await expect.poll(async () => menuTexts(page)).toContain('用户');
    await page.context().close();
  });

  it("a page loaded directly uses antd's pre-rendered style sheet: styled, and few styles made at run time", async () => {
    const page = await newPage(browser);
    await signIn(page, 'zhangwei', 'Kefu@2026');
    await page.goto('/tickets/queue');
    await page.getByTestId('ticket-create').waitFor();
    expect(await page.locator('link[data-antd-static]').count()).toBe(1);
    // Styled by the sheet: the primary button is antd's blue, the table has its header background.
    // (polled: the button's colour transition may be on its first frame)
    const button = page.getByTestId('ticket-create');
    await expect.poll(() => button.evaluate((e) => getComputedStyle(e).backgroundColor)).toBe('rgb(22, 119, 255)');
    // Without the sheet antd inserts one <style> per component and theme (≈ 200 on this page);
    // with it only what the sheet cannot hold (overlays, ProLayout's own themes, keyframes).
    const inserted = await page.locator('style').count();
    expect(inserted).toBeLessThan(80);
    // The sign-in page does without it (its size budget); antd generates its few styles there.
    await signOut(page);
    await page.goto('/login');
    await page.locator('#username').waitFor();
    expect(await page.locator('link[data-antd-static]').count()).toBe(0);
    await page.context().close();
  });

  it('a language picked on the login page survives the sign-in and becomes the profile language', async () => {
    // zhoujie's profile says zh-CN (demo seed); the pick on the login page wins and is saved.
    const page = await newPage(browser);
    await page.goto('/login');
    await page.getByTestId('login-lang-en').click();
    await expect.poll(async () => page.locator('button[type="submit"]').textContent()).toMatch(/sign in/i);
    await page.locator('#username').fill('zhoujie');
    await page.locator('#password').fill('Kefu@2026');
    await page.locator('button[type="submit"]').click();
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
    await expect.poll(async () => menuTexts(page)).toContain('Home');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await page.reload();
    await expect.poll(async () => menuTexts(page)).toContain('Home');
    // Saved on the user: a fresh browser (Chinese) signs in to English.
    const again = await newPage(browser);
    await signIn(again, 'zhoujie', 'Kefu@2026');
    await expect.poll(async () => menuTexts(again)).toContain('Home');
    await again.context().close();
    // Back to Chinese: other specs sign in as this demo user and read Chinese labels.
    await page.getByTestId('lang-switch').click();
    await page.getByTestId('lang-zh-CN').click();
    await expect.poll(async () => menuTexts(page)).toContain('工作台');
    await page.context().close();
  });

  it('the administrator creates a user and signs out', async () => {
    const page = await newPage(browser);
    await signIn(page, 'admin', inject('adminPassword'));
    await page.goto('/admin/users');
    await page.getByRole('button', { name: /新建用户/ }).click();
    const modal = page.locator('.ant-modal-content').filter({ hasText: '新建用户' });
    await modal.locator('#username').fill('zhaoliu');
    await modal.locator('#displayName').fill('赵六');
    await choose(modal, 'roleKey', '客服专员');
    await modal.locator('#password').fill('Welcome2026');
    await screenshot(page, 'create-user');
    await modal.locator('.ant-modal-footer button.ant-btn-primary, button[type="submit"]').last().click();
    await expect
      .poll(async () => page.locator('.ant-table-row').filter({ hasText: 'zhaoliu' }).count(), { timeout: 15_000 })
      .toBe(1);
    await signOut(page);
    // The new user can sign in.
    await signIn(page, 'zhaoliu', 'Welcome2026');
    expect(new URL(page.url()).pathname).toBe('/');
    await page.context().close();
  });
});
