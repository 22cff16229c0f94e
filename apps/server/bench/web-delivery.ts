import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BrowserContext, type CDPSession, chromium, type Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../src/db/seed/demo.js';
import { markdownTable, measuredLine, writeSection } from './report.js';

/**
 * Delivery of the web app (`npm run bench -- web [--write] [--before <tree>]`): a real Kefu server
 * (demo data, PGlite in a temporary directory) on 127.0.0.1 serving its built web, and headless
 * Chromium (playwright-core, Debian's /usr/bin/chromium) loading
 * - the login page until it can be used (`#username` enabled, the submit button drawn), and
 * - the first ticket queue page of a signed-in supervisor until its rows are drawn,
 * each with a cold cache (a new browser context) and a warm one (the same context, loaded again).
 * Bytes come from the DevTools protocol: what crossed the wire (compressed) and what the page got
 * (decoded), for JS + CSS and for everything. Times are medians of BENCH_WEB_RUNS (default 5).
 *
 * `--before <tree>` also measures another checkout in the same run (e.g. `git archive HEAD | tar -x
 * -C /tmp/kefu-before`, node_modules symlinked from this one, its web built) — its server from its
 * own sources, its web from its own dist. This checkout's web must be built (`npm run build -w
 * apps/web`). Writes the section `web-delivery` of docs/benchmarks.md with `--write`.
 */

const REPO = fileURLToPath(new URL('../../..', import.meta.url));
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
const RUNS = Math.max(1, Number(process.env.BENCH_WEB_RUNS ?? 5));
const SUPERVISOR = 'zhangwei';
/**
 * The emulated link, `<Mbit/s>,<round trip ms>` (BENCH_WEB_LINK; `0` = none): on the loopback
 * interface alone bytes cost nothing and the figures show CPU only. Default: a branch office's
 * 20 Mbit/s line, 30 ms from the server.
 */
const LINK = (() => {
  const raw = process.env.BENCH_WEB_LINK ?? '20,30';
  if (raw === '0') return undefined;
  const [mbit, rtt] = raw.split(',').map(Number);
  if (!mbit || rtt === undefined || Number.isNaN(rtt)) throw new Error(`BENCH_WEB_LINK: "<Mbit/s>,<ms>", got "${raw}"`);
  return { mbit, rtt };
})();
const log = (message: string) => process.stderr.write(`[bench:web] ${message}\n`);

type Variant = { label: string; tree: string };
type Scenario = 'login' | 'queue';
type Cache = 'cold' | 'warm';
/** `wire`: bytes received (headers + compressed bodies); `body`: the compressed bodies alone. */
type Bytes = { requests: number; wire: number; body: number; decoded: number };
type Sample = { ms: number; assets: Bytes; all: Bytes; firstListRequestMs?: number };
type Row = { variant: string; scenario: Scenario; cache: Cache; samples: Sample[] };

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

type Server = { url: string; child: ChildProcess; dataDir: string };

/** The tree's own server (its sources, via tsx) on a fresh PGlite data directory with the demo seed. */
async function startServer(tree: string): Promise<Server> {
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kefu-bench-web-'));
  const child = spawn(
    path.join(tree, 'node_modules/.bin/tsx'),
    ['--conditions=kefu-source', path.join(tree, 'apps/server/src/main.ts')],
    {
      cwd: path.join(tree, 'apps/server'),
      env: {
        ...process.env,
        NODE_ENV: 'production',
        HOST: '127.0.0.1',
        PORT: String(port),
        KEFU_DATA_DIR: dataDir,
        KEFU_WEB_DIST: path.join(tree, 'apps/web/dist'),
        KEFU_SEED_DEMO: 'true',
        KEFU_ADMIN_PASSWORD: 'BenchAdmin2026',
        KEFU_BASE_URL: `http://127.0.0.1:${port}`,
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr?.on('data', (chunk) => {
    stderr += String(chunk);
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}): ${stderr.slice(-2000)}`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) return { url, child, dataDir };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  child.kill('SIGTERM');
  throw new Error(`server did not start within 180 s: ${stderr.slice(-2000)}`);
}

async function stopServer(server: Server): Promise<void> {
  if (server.child.exitCode === null) {
    const exited = new Promise((r) => server.child.once('exit', r));
    server.child.kill('SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 15_000))]);
    if (server.child.exitCode === null) server.child.kill('SIGKILL');
  }
  fs.rmSync(server.dataDir, { recursive: true, force: true });
}

/** Counts what the page loads through the DevTools protocol (cache hits cross no wire). */
async function recordBytes(cdp: CDPSession) {
  type Entry = { type?: string; url: string; wire: number; headers: number; decoded: number; started: number };
  const entries = new Map<string, Entry>();
  await cdp.send('Network.enable');
  cdp.on('Network.requestWillBeSent', (e) => {
    entries.set(e.requestId, {
      type: e.type,
      url: e.request.url,
      wire: 0,
      headers: 0,
      decoded: 0,
      started: e.timestamp,
    });
  });
  cdp.on('Network.responseReceived', (e) => {
    const entry = entries.get(e.requestId);
    if (!entry) return;
    entry.type = e.type;
    // Bytes received up to the response headers: what `wire` holds beyond the body.
    entry.headers = e.response.encodedDataLength;
  });
  cdp.on('Network.dataReceived', (e) => {
    const entry = entries.get(e.requestId);
    if (entry) entry.decoded += e.dataLength;
  });
  cdp.on('Network.loadingFinished', (e) => {
    const entry = entries.get(e.requestId);
    if (entry) entry.wire = e.encodedDataLength;
  });
  return {
    reset: () => entries.clear(),
    totals(): { assets: Bytes; all: Bytes; entries: Entry[] } {
      const list = [...entries.values()];
      const sum = (items: Entry[]): Bytes => ({
        requests: items.length,
        wire: items.reduce((s, e) => s + e.wire, 0),
        body: items.reduce((s, e) => s + Math.max(0, e.wire - e.headers), 0),
        decoded: items.reduce((s, e) => s + e.decoded, 0),
      });
      return {
        assets: sum(list.filter((e) => e.type === 'Script' || e.type === 'Stylesheet')),
        all: sum(list),
        entries: list,
      };
    },
  };
}

const LOGIN_READY = () => {
  const input = document.querySelector<HTMLInputElement>('#username');
  const submit = document.querySelector('button[type="submit"]');
  return input && !input.disabled && submit ? performance.now() : false;
};
const QUEUE_READY = () => {
  // The table has answered: rows (or its empty placeholder) and no loading spinner over it.
  const table = document.querySelector('.ant-pro-table');
  const answered = table?.querySelector('[data-testid="ticket-row"], .ant-table-placeholder');
  return answered && !table?.querySelector('.ant-spin-spinning') ? performance.now() : false;
};

/** Milliseconds from navigation start until the page is ready (see LOGIN_READY / QUEUE_READY). */
async function measure(page: Page, url: string, scenario: Scenario): Promise<number> {
  if (scenario === 'login') {
    await page.goto(url, { waitUntil: 'commit' });
    const handle = await page.waitForFunction(LOGIN_READY, undefined, { timeout: 60_000, polling: 'raf' });
    return Number(await handle.jsonValue());
  }
  // The queue is ready once the table has drawn the answer to its list request (an empty queue
  // shows its placeholder, which is also there before the request: so wait for an answer first).
  let answered = false;
  const onResponse = (response: { url(): string }) => {
    if (/\/api\/v1\/tickets\?/.test(response.url())) answered = true;
  };
  page.on('response', onResponse);
  try {
    await page.goto(url, { waitUntil: 'commit' });
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      const ready = answered ? await page.evaluate(QUEUE_READY) : false;
      if (ready) return Number(ready);
      await new Promise((r) => setTimeout(r, 10));
    }
    throw new Error(`${url}: the queue did not show its rows within 60 s`);
  } finally {
    page.off('response', onResponse);
  }
}

async function signIn(context: BrowserContext, base: string): Promise<void> {
  const response = await context.request.post(`${base}/api/v1/auth/login`, {
    data: { username: SUPERVISOR, password: DEMO_PASSWORD },
    headers: { origin: base },
  });
  if (!response.ok()) throw new Error(`sign-in failed: ${response.status()} ${await response.text()}`);
}

async function benchVariant(variant: Variant, rows: Row[]): Promise<void> {
  log(`${variant.label}: starting the server of ${variant.tree}`);
  const server = await startServer(variant.tree);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    for (const scenario of ['login', 'queue'] as const) {
      const cold: Sample[] = [];
      const warm: Sample[] = [];
      const path = scenario === 'login' ? '/login' : '/tickets/queue';
      // One unmeasured round first: the server's first answers (JIT, PGlite caches) are not the web's.
      for (let run = 0; run <= RUNS; run++) {
        const context = await browser.newContext({ locale: 'zh-CN' });
        if (scenario === 'queue') await signIn(context, server.url);
        const page = await context.newPage();
        const cdp = await context.newCDPSession(page);
        const bytes = await recordBytes(cdp);
        if (LINK) {
          await cdp.send('Network.emulateNetworkConditions', {
            offline: false,
            latency: LINK.rtt,
            downloadThroughput: (LINK.mbit * 1_000_000) / 8,
            uploadThroughput: (LINK.mbit * 1_000_000) / 8,
          });
        }
        for (const cache of ['cold', 'warm'] as const) {
          bytes.reset();
          const ms = await measure(page, `${server.url}${path}`, scenario);
          // Let requests started by the page settle into the counts (not 'networkidle': the real-time
          // stream stays open).
          await new Promise((r) => setTimeout(r, 500));
          const { assets, all, entries } = bytes.totals();
          const navigation = entries.find((e) => e.type === 'Document');
          const list = entries.find((e) => /\/api\/v1\/tickets\?/.test(e.url));
          const firstListRequestMs =
            navigation && list ? Math.round((list.started - navigation.started) * 1000) : undefined;
          if (run > 0) (cache === 'cold' ? cold : warm).push({ ms, assets, all, firstListRequestMs });
        }
        await context.close();
      }
      rows.push({ variant: variant.label, scenario, cache: 'cold', samples: cold });
      rows.push({ variant: variant.label, scenario, cache: 'warm', samples: warm });
      log(`${variant.label}: ${scenario} done`);
    }
  } finally {
    await browser.close();
    await stopServer(server);
  }
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
};
const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} KB`;

/** The login budget line of a build (apps/web/scripts/login-budget.mjs over its Vite manifest). */
function loginBudget(tree: string): string | undefined {
  const script = path.join(tree, 'apps/web/scripts/login-budget.mjs');
  if (!fs.existsSync(script) || !fs.existsSync(path.join(tree, 'apps/web/dist/.vite/manifest.json'))) return undefined;
  const result = spawnSync(process.execPath, [script, '--dist', path.join(tree, 'apps/web/dist')], {
    encoding: 'utf8',
  });
  return `${result.stdout}${result.stderr}`.trim().split('\n')[0];
}

function render(rows: Row[], variants: Variant[], wallSeconds: number): string {
  const table = markdownTable(
    [
      'build',
      'page',
      'cache',
      'JS+CSS requests',
      'JS+CSS compressed',
      'JS+CSS decoded',
      'all requests',
      'all over the wire',
      'ready (median)',
      'first list request',
    ],
    rows.map((row) => {
      const pick = (f: (s: Sample) => number) => median(row.samples.map(f));
      const list = row.samples.map((s) => s.firstListRequestMs).filter((v): v is number => v !== undefined);
      return [
        row.variant,
        row.scenario === 'login' ? 'login (`/login`)' : 'first queue page (`/tickets/queue`)',
        row.cache,
        String(pick((s) => s.assets.requests)),
        kb(pick((s) => s.assets.body)),
        kb(pick((s) => s.assets.decoded)),
        String(pick((s) => s.all.requests)),
        kb(pick((s) => s.all.wire)),
        `${Math.round(pick((s) => s.ms))} ms`,
        list.length > 0 ? `${Math.round(median(list))} ms` : '—',
      ];
    }),
    ['l', 'l', 'l', 'r', 'r', 'r', 'r', 'r', 'r', 'r'],
  );
  return [
    '## Web: delivery of the login page and the first queue page',
    '',
    measuredLine(),
    '',
    `Builds: ${variants.map((v) => `**${v.label}** = \`${v.tree}\``).join(', ')}. Each build is served by its own server`,
    '(demo data, PGlite, `NODE_ENV=production`) on 127.0.0.1 and loaded by headless Chromium (playwright-core,',
    `${CHROMIUM}). Cold = a new browser context (empty cache); warm = the same context loading the page again.`,
    `Medians of ${RUNS} runs after one unmeasured round. "JS+CSS compressed": the script and style bodies as`,
    'received (Brotli here; 0 for cache hits), "decoded" what the page got from them; "all over the wire":',
    'every response, headers included. "Ready": the login form can be used (`#username` enabled, submit drawn) /',
    'the queue\'s table has drawn the answer to its list request, from navigation start. "First list request":',
    "when `GET /api/v1/tickets` left, from navigation start (it used to wait for the shell's chunk, then the",
    "page's chunk, then the table's mount). " +
      (LINK
        ? `Link emulated by Chromium: ${LINK.mbit} Mbit/s, ${LINK.rtt} ms round trip (BENCH_WEB_LINK).`
        : 'No link emulation (BENCH_WEB_LINK=0): loopback, so bytes cost almost nothing.'),
    '',
    table,
    '',
    ...variants.flatMap((v) => {
      const line = loginBudget(v.tree);
      return line ? [`Vite manifest of **${v.label}**: ${line.replace(/^[✓✗] /, '')}.`, ''] : [];
    }),
    'Reproduce: `npm run build -w apps/web && npm run bench -w apps/server -- web --before <tree> --write`',
    '(`<tree>`: e.g. `git archive <rev> | tar -x -C /tmp/kefu-before`, `node_modules` symlinked from this',
    'checkout, `npx vite build` in its apps/web). The login budget alone: `node apps/web/scripts/login-budget.mjs`.',
    '',
    `The whole run took ${Math.round(wallSeconds)} s.`,
  ].join('\n');
}

export async function benchWebDelivery(options: { write: boolean; args: string[] }): Promise<void> {
  const started = performance.now();
  const at = options.args.indexOf('--before');
  const before = at >= 0 ? options.args[at + 1] : undefined;
  const variants: Variant[] = [
    ...(before ? [{ label: 'before', tree: path.resolve(before) }] : []),
    { label: before ? 'after' : 'this build', tree: REPO.replace(/\/$/, '') },
  ];
  for (const variant of variants) {
    if (!fs.existsSync(path.join(variant.tree, 'apps/web/dist/index.html'))) {
      throw new Error(`${variant.tree}/apps/web/dist is not built (npm run build -w apps/web there)`);
    }
  }
  const rows: Row[] = [];
  for (const variant of variants) await benchVariant(variant, rows);
  const markdown = render(rows, variants, (performance.now() - started) / 1000);
  process.stdout.write(`${markdown}\n`);
  if (options.write) {
    writeSection('web-delivery', markdown);
    log('docs/benchmarks.md updated (section "web-delivery")');
  }
}
