import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/**
 * The page checks of issue 14, shared by the specs: a page must not scroll sideways at its width
 * (`scrollWidth <= innerWidth`, naming the widest elements that stick out) and must show no raw
 * translation key or event code; and the language switch of the header.
 */

export type Lang = 'zh-CN' | 'en';

export type Finding = { overflow: string | null; keys: string[] };

/** Runs in the page: the overflow (with the widest elements that cause it) and the raw keys shown. */
function inspect(): Finding {
  const width = window.innerWidth;
  const describe = (el: Element): string => {
    const parts: string[] = [];
    for (let node: Element | null = el; node && node !== document.body && parts.length < 6; node = node.parentElement) {
      const testId = node.getAttribute('data-testid');
      const classes = [...node.classList].filter((c) => !c.startsWith('css-') && !/^[a-z]+-[a-z0-9]{5,}$/.test(c));
      parts.unshift(
        node.tagName.toLowerCase() +
          (node.id ? `#${node.id}` : '') +
          (testId ? `[data-testid=${testId}]` : '') +
          classes
            .slice(0, 2)
            .map((c) => `.${c}`)
            .join(''),
      );
    }
    return parts.join(' > ');
  };

  let overflow: string | null = null;
  const scrollWidth = document.documentElement.scrollWidth;
  if (scrollWidth > width) {
    /** Sticks out on the right and is neither clipped by a scrolling/hidden box nor fixed. */
    const sticksOut = (el: Element): boolean => {
      const rect = el.getBoundingClientRect();
      if (rect.width === 0 || rect.right <= width + 0.5) return false;
      for (let node: Element | null = el; node && node !== document.documentElement; node = node.parentElement) {
        const style = getComputedStyle(node);
        if (style.position === 'fixed') return false;
        if (node !== el && node !== document.body && style.overflowX !== 'visible') return false;
      }
      return true;
    };
    const outermost = [...document.body.querySelectorAll('*')].filter(
      (el) => sticksOut(el) && !(el.parentElement && el.parentElement !== document.body && sticksOut(el.parentElement)),
    );
    outermost.sort((a, b) => b.getBoundingClientRect().right - a.getBoundingClientRect().right);
    const widest = outermost
      .slice(0, 3)
      .map((el) => `${describe(el)} (right ${Math.round(el.getBoundingClientRect().right)})`);
    overflow = `scrollWidth ${scrollWidth} > ${width}; widest: ${widest.join(' | ') || '(none found)'}`;
  }

  // A raw key (`tickets:queue.title` loses its namespace: `queue.title`) or an event code (`ticket.created`).
  const rawKey = /^[a-z][a-zA-Z0-9]*(\.[a-zA-Z0-9_]+)+$/;
  const keys = new Set<string>();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent?.trim() ?? '';
    const parent = node.parentElement;
    if (!parent || !rawKey.test(text)) continue;
    // Technical identifiers shown on purpose (webhook payload fields, code samples) are in <code>.
    if (parent.closest('code, kbd, pre, script, style, noscript')) continue;
    if (!parent.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })) continue;
    keys.add(`"${text}" in ${describe(parent)}`);
  }
  return { overflow, keys: [...keys] };
}

/** The page's overflow and raw keys, as they are now. */
export function inspectPage(page: Page): Promise<Finding> {
  return page.evaluate(inspect);
}

/** The overflow description (null when the page does not scroll sideways). */
export async function pageOverflow(page: Page): Promise<string | null> {
  return (await inspectPage(page)).overflow;
}

/** The raw translation keys or event codes visible on the page. */
export async function rawKeys(page: Page): Promise<string[]> {
  return (await inspectPage(page)).keys;
}

/** Switches the signed-in user's language through the header (saved to the profile), retried. */
export async function setLanguage(page: Page, lang: Lang): Promise<void> {
  const current = () => page.evaluate(() => document.documentElement.lang);
  if ((await current()) === lang) return;
  await expect
    .poll(
      async () => {
        if ((await current()) === lang) return lang;
        await page
          .getByTestId('lang-switch')
          .click({ timeout: 5_000 })
          .catch(() => undefined);
        await page
          .getByTestId(`lang-${lang}`)
          .click({ timeout: 5_000 })
          .catch(() => undefined);
        return current();
      },
      { timeout: 30_000 },
    )
    .toBe(lang);
}
