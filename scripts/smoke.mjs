#!/usr/bin/env node
// Start-up smoke of the built server on the Node.js that runs this script (process.execPath):
// start apps/server/dist/main.js on a fresh PGlite data directory, GET /api/health, sign in as a
// demo user (argon2), search tickets (jieba), sign out, stop with SIGTERM and expect exit code 0.
//
//   node scripts/smoke.mjs [--build] [--report <file.json>]
//     --build   build packages/shared and apps/server first (`npm run build` of both workspaces)
//     --report  also write { passed, failed, skipped, failures } as JSON (scripts/test.mjs reads it)
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const serverDir = path.join(root, 'apps/server');
const args = process.argv.slice(2);
const reportFile = args.includes('--report') ? args[args.indexOf('--report') + 1] : undefined;
const DEMO_USER = 'zhangwei';
const DEMO_PASSWORD = 'Kefu@2026';
const STARTUP_TIMEOUT_MS = 180_000;
const STOP_TIMEOUT_MS = 20_000;

const checks = [];
function record(name, ok, detail = '') {
  checks.push({ name, ok, detail });
  console.log(`  ${ok ? 'ok  ' : 'FAIL'}  ${name}${detail ? ` — ${detail}` : ''}`);
  return ok;
}

async function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** `name=value` pairs of the response's Set-Cookie headers. */
function cookiesOf(response) {
  return Object.fromEntries(
    response.headers.getSetCookie().map((c) => {
      const [pair] = c.split(';');
      const at = pair.indexOf('=');
      return [pair.slice(0, at), pair.slice(at + 1)];
    }),
  );
}

async function main() {
  console.log(`\n::: start-up smoke on Node ${process.version} (${process.execPath})`);
  const started = Date.now();

  if (args.includes('--build')) {
    const t = Date.now();
    const build = spawnSync('npm', ['run', 'build', '-w', 'packages/shared', '-w', 'apps/server'], {
      cwd: root,
      stdio: 'inherit',
      // npm, tsc and their shebangs (`env node`) run on this script's Node.
      env: { ...process.env, PATH: `${path.dirname(process.execPath)}${path.delimiter}${process.env.PATH}` },
    });
    if (!record('build shared + server (tsc)', build.status === 0, `${((Date.now() - t) / 1000).toFixed(1)} s`)) return;
  }
  const entry = path.join(serverDir, 'dist/main.js');
  if (!record('apps/server/dist/main.js exists', fs.existsSync(entry), fs.existsSync(entry) ? '' : 'run with --build'))
    return;

  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kefu-smoke-'));
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  let output = '';
  const child = spawn(process.execPath, ['--enable-source-maps', entry], {
    cwd: serverDir,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(port),
      HOST: '127.0.0.1',
      KEFU_DATA_DIR: dataDir,
      KEFU_BASE_URL: baseUrl,
      KEFU_ADMIN_PASSWORD: 'SmokeAdmin2026',
      KEFU_SEED_DEMO: 'true',
      DATABASE_URL: '',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  const tail = () => output.split('\n').slice(-30).join('\n');

  try {
    // 1. health: migrated, jobs running
    const t0 = Date.now();
    let health;
    while (Date.now() - t0 < STARTUP_TIMEOUT_MS && child.exitCode === null) {
      try {
        const response = await fetch(`${baseUrl}/api/health`);
        if (response.ok) {
          health = await response.json();
          break;
        }
      } catch {
        // not listening yet
      }
      await sleep(250);
    }
    const healthy = health?.status === 'ok' && health.database === 'pglite' && health.migrations?.pending === 0;
    if (
      !record(
        'GET /api/health',
        healthy,
        health
          ? `${health.status}, ${health.database}, ${health.migrations?.applied} migrations, jobs ${health.jobs}, up in ${((Date.now() - t0) / 1000).toFixed(1)} s`
          : `no answer (exit ${child.exitCode}):\n${tail()}`,
      )
    )
      return;

    // the web app, when it has been built (`npm run build`, or the browser e2e stage)
    if (fs.existsSync(path.join(root, 'apps/web/dist/index.html'))) {
      const page = await fetch(`${baseUrl}/`);
      const type = page.headers.get('content-type') ?? '';
      record(
        'GET / (the built web app)',
        page.status === 200 && type.startsWith('text/html'),
        `${page.status} ${type}`,
      );
    }

    // 2. sign in as a demo user (argon2 verify on this runtime)
    const login = await fetch(`${baseUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: baseUrl },
      body: JSON.stringify({ username: DEMO_USER, password: DEMO_PASSWORD }),
    });
    const cookies = cookiesOf(login);
    const loginBody = login.ok ? await login.json() : await login.text();
    if (
      !record(
        `sign in as demo user ${DEMO_USER}`,
        login.status === 200 && Boolean(cookies.kefu_session) && Boolean(cookies.kefu_csrf),
        `${login.status}${login.ok ? '' : ` ${String(loginBody).slice(0, 300)}`}`,
      )
    )
      return;
    const cookieHeader = Object.entries(cookies)
      .map(([k, v]) => `${k}=${v}`)
      .join('; ');

    // 3. the session works; a Chinese full-text search segments with jieba on this runtime
    const me = await fetch(`${baseUrl}/api/v1/auth/me`, { headers: { cookie: cookieHeader } });
    const meBody = me.ok ? await me.json() : undefined;
    record('GET /api/v1/auth/me', me.status === 200 && meBody?.username === DEMO_USER, `${me.status}`);
    const search = await fetch(`${baseUrl}/api/v1/tickets?q=${encodeURIComponent('投诉处理')}`, {
      headers: { cookie: cookieHeader },
    });
    const searchBody = search.ok ? await search.json() : await search.text();
    record(
      'GET /api/v1/tickets?q=投诉处理 (jieba)',
      search.status === 200 && Array.isArray(searchBody.items),
      search.ok ? `${searchBody.items.length} on the page` : `${search.status} ${String(searchBody).slice(0, 300)}`,
    );

    // 4. sign out
    const logout = await fetch(`${baseUrl}/api/v1/auth/logout`, {
      method: 'POST',
      headers: { cookie: cookieHeader, 'x-csrf-token': cookies.kefu_csrf, origin: baseUrl },
    });
    record('sign out', logout.status === 204, `${logout.status}`);
  } finally {
    // 5. stop: SIGTERM, graceful close, exit code 0
    if (child.exitCode === null) {
      const t = Date.now();
      child.kill('SIGTERM');
      const stop = await Promise.race([exited, sleep(STOP_TIMEOUT_MS).then(() => undefined)]);
      if (!stop) child.kill('SIGKILL');
      record(
        'stop on SIGTERM with exit code 0',
        stop?.code === 0,
        stop ? `code ${stop.code ?? stop.signal}, ${((Date.now() - t) / 1000).toFixed(1)} s` : 'still running, killed',
      );
      if (stop?.code !== 0) console.log(tail());
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  console.log(`::: smoke finished in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

await main().catch((error) => record('smoke script', false, error?.stack ?? String(error)));
const failed = checks.filter((c) => !c.ok);
if (reportFile) {
  fs.writeFileSync(
    reportFile,
    JSON.stringify({
      passed: checks.length - failed.length,
      failed: failed.length,
      skipped: 0,
      failures: failed.map((c) => `${c.name}\n      ${c.detail.split('\n')[0].slice(0, 300)}`),
    }),
  );
}
process.exit(failed.length === 0 && checks.length > 0 ? 0 : 1);
