/**
 * The queue page in Chromium (issue 14; a Lighthouse-equivalent measurement): builds the web app and
 * starts Kefu exactly as the e2e global setup does (fresh PGlite with the demo data), signs in as the
 * administrator and loads `/tickets/queue?queue=all` at 1366×768 — cold (a new browser context: empty
 * cache) then warm (the same context again) — several rounds, and records per load: navigation timing,
 * time to the first ticket row, LCP and CLS (PerformanceObserver), JS requests and bytes transferred.
 *
 * Not part of the test suite (a benchmark). Run from apps/web:
 *   npx tsx scripts/queue-perf.ts            # prints the results as markdown
 *   npx tsx scripts/queue-perf.ts --write    # …and replaces the section in docs/benchmarks.md
 * Environment: QUEUE_PERF_ROUNDS (default 5), KEFU_CHROMIUM (default /usr/bin/chromium).
 */
import { execSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type BrowserContext, chromium } from 'playwright-core';
import setup, { ADMIN_PASSWORD } from '../e2e/global-setup';

const ROUNDS = Number(process.env.QUEUE_PERF_ROUNDS ?? 5);
const CHROMIUM = process.env.KEFU_CHROMIUM ?? '/usr/bin/chromium';
const PAGE = '/tickets/queue?queue=all';
const DOC = path.resolve(import.meta.dirname, '../../../docs/benchmarks.md');
const START = '<!-- bench:queue-page:start -->';
const END = '<!-- bench:queue-page:end -->';

type Sample = {
  ttfb: number;
  domContentLoaded: number;
  load: number;
  firstRow: number;
  lcp: number;
  cls: number;
  jsRequests: number;
  jsTransferred: number;
  jsDecoded: number;
};

/** Installed before any script of the page: first ticket row, LCP and CLS as they happen. */
const OBSERVERS = `
  window.__perf = { firstRow: null, lcp: 0, cls: 0 };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__perf.lcp = e.startTime;
  }).observe({ type: 'largest-contentful-paint', buffered: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (!e.hadRecentInput) window.__perf.cls += e.value;
  }).observe({ type: 'layout-shift', buffered: true });
  const watch = () => {
    const observer = new MutationObserver(() => {
      if (window.__perf.firstRow === null && document.querySelector('[data-testid="ticket-row"]')) {
        window.__perf.firstRow = performance.now();
        observer.disconnect();
      }
    });
    observer.observe(document.documentElement, { childList: true, subtree: true });
  };
  if (document.documentElement) watch(); else document.addEventListener('readystatechange', watch, { once: true });
`;

async function load(context: BrowserContext, baseUrl: string): Promise<Sample> {
  const page = await context.newPage();
  await page.goto(`${baseUrl}${PAGE}`);
  await page.locator('[data-testid="ticket-row"]').first().waitFor({ timeout: 30_000 });
  await page.waitForLoadState('load');
  // Let LCP and layout shifts of the first render settle (counts, chips) before reading them.
  await page.waitForTimeout(1500);
  const sample = await page.evaluate(() => {
    const w = window as unknown as { __perf: { firstRow: number | null; lcp: number; cls: number } };
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    const js = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter((r) =>
      new URL(r.name).pathname.endsWith('.js'),
    );
    return {
      ttfb: nav.responseStart,
      domContentLoaded: nav.domContentLoadedEventEnd,
      load: nav.loadEventEnd,
      firstRow: w.__perf.firstRow ?? Number.NaN,
      lcp: w.__perf.lcp,
      cls: w.__perf.cls,
      jsRequests: js.length,
      jsTransferred: js.reduce((sum, r) => sum + r.transferSize, 0),
      jsDecoded: js.reduce((sum, r) => sum + r.decodedBodySize, 0),
    };
  });
  await page.close();
  return sample;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};

function machine(): string {
  const cpu = (() => {
    try {
      return (
        execSync('lscpu', { encoding: 'utf8' })
          .split('\n')
          .find((l) => l.startsWith('Model name'))
          ?.split(':')[1]
          ?.trim() ?? os.cpus()[0]?.model
      );
    } catch {
      return os.cpus()[0]?.model;
    }
  })();
  const rev = (() => {
    try {
      return execSync('git rev-parse --short HEAD', { encoding: 'utf8' }).trim();
    } catch {
      return 'unknown';
    }
  })();
  return `${new Date().toISOString().slice(0, 10)} on ${os.availableParallelism()} vCPU (\`nproc\`) — ${cpu} (\`lscpu\`), ${Math.round(os.totalmem() / 2 ** 30)} GiB RAM, Node ${process.version}, Chromium at ${CHROMIUM}, commit \`${rev}\` (working tree)`;
}

function report(cold: Sample[], warm: Sample[], seconds: number): string {
  const ms = (v: number) => `${Math.round(v)} ms`;
  const kb = (v: number) => `${(v / 1024).toFixed(1)} KB`;
  const row = (name: string, samples: Sample[]) => {
    const m = (k: keyof Sample) => median(samples.map((s) => s[k]));
    const firstRows = samples.map((s) => Math.round(s.firstRow)).join(' ');
    return `| ${name} | ${ms(m('ttfb'))} | ${ms(m('domContentLoaded'))} | ${ms(m('load'))} | **${ms(m('firstRow'))}** | ${ms(m('lcp'))} | ${m('cls').toFixed(3)} | ${m('jsRequests')} | ${kb(m('jsTransferred'))} | ${kb(m('jsDecoded'))} | ${firstRows} |`;
  };
  const warmFirstRow = median(warm.map((s) => s.firstRow));
  return [
    START,
    '## Queue page in Chromium (issue 14)',
    '',
    `Measured ${machine()}.`,
    '',
    `- **What:** \`${PAGE}\` as the administrator (all tickets of the demo data, the default order: overdue first), headless Chromium (playwright-core) at 1366×768, no network throttling, the server on 127.0.0.1 started as the e2e global setup does (production build, PGlite, demo data). A Lighthouse-equivalent set of numbers from the browser's own APIs.`,
    '- **Cold** = a new browser context (empty HTTP cache; the session cookie set through the login API, so no page was loaded before); **warm** = the same context loading the page again (hashed assets from the cache).',
    `- Per load: TTFB, DOMContentLoaded and load from the navigation timing entry; **first row** = the first \`[data-testid="ticket-row"]\` in the DOM (MutationObserver); LCP and CLS from PerformanceObserver (\`largest-contentful-paint\`, \`layout-shift\` without recent input); JS = the \`.js\` resource entries (transferred: bytes over the wire, 0 from the cache; decoded: their size). All times from navigation start. Medians of ${ROUNDS} rounds (each row lists every round's first-row time).`,
    `- **Target** (issue 14): time to first rows < 1 s on a warm cache — ${warmFirstRow < 1000 ? `met (${Math.round(warmFirstRow)} ms)` : `**not met** (${Math.round(warmFirstRow)} ms)`}.`,
    '',
    '| load | TTFB | DOMContentLoaded | load | first row | LCP | CLS | JS requests | JS transferred | JS decoded | first row per round (ms) |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
    row('cold', cold),
    row('warm', warm),
    '',
    `Reproduce: \`cd apps/web && npx tsx scripts/queue-perf.ts [--write]\` (\`QUEUE_PERF_ROUNDS\`, default 5; \`KEFU_CHROMIUM\`). The whole run took ${Math.round(seconds)} s (build included).`,
    END,
  ].join('\n');
}

function write(section: string) {
  const doc = fs.readFileSync(DOC, 'utf8');
  const start = doc.indexOf(START);
  const end = doc.indexOf(END);
  const next =
    start >= 0 && end > start
      ? doc.slice(0, start) + section + doc.slice(end + END.length)
      : `${doc.trimEnd()}\n\n${section}\n`;
  fs.writeFileSync(DOC, next);
}

async function main() {
  const started = Date.now();
  const provided: Record<string, string> = {};
  const teardown = await setup({ provide: (key: string, value: string) => (provided[key] = value) } as never);
  const baseUrl = provided.baseUrl as string;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run', '--disable-quic'],
  });
  const cold: Sample[] = [];
  const warm: Sample[] = [];
  try {
    for (let round = 0; round <= ROUNDS; round++) {
      const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
      await context.addInitScript(OBSERVERS);
      const login = await context.request.post(`${baseUrl}/api/v1/auth/login`, {
        data: { username: 'admin', password: ADMIN_PASSWORD },
        headers: { origin: baseUrl },
      });
      if (!login.ok()) throw new Error(`sign-in failed: ${login.status()} ${await login.text()}`);
      const c = await load(context, baseUrl);
      const w = await load(context, baseUrl);
      await context.close();
      // Round 0 warms the server (first queries, compiled plans) and is not counted.
      if (round === 0) continue;
      cold.push(c);
      warm.push(w);
      console.log(`round ${round}: cold first row ${Math.round(c.firstRow)} ms, warm ${Math.round(w.firstRow)} ms`);
    }
  } finally {
    await browser.close();
    if (typeof teardown === 'function') await teardown();
  }
  const section = report(cold, warm, (Date.now() - started) / 1000);
  console.log(section);
  if (process.argv.includes('--write')) write(section);
}

await main();
