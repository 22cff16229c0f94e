import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { loadConfig } from '../src/config/config.js';
import { runMigrations } from '../src/db/migrate.js';
import { ensureAdmin, ensureRoles } from '../src/db/seed/base.js';
import type { Deps } from '../src/lib/deps.js';
import type { FileStore } from '../src/lib/file-store/file-store.js';
import { callImports } from '../src/modules/calls/calls.tables.js';
import { runImportJob } from '../src/modules/calls/import/import.service.js';
import { type EngineName, openEngine } from './engines.js';
import { loadNote, markdownTable, measuredLine, writeSection } from './report.js';

/**
 * Importing a 1,000,000-line Asterisk queue_log (issue 16; target ≥ 100,000 lines/s into PostgreSQL,
 * peak RSS < 300 MB). The file is generated into a temp file: ~200,000 calls over 30 days in 5
 * queues and 40 agents, with ring-no-answer, transfers, abandons, timeouts, exits with a key or
 * for want of agents, calls the log never finishes (unresolved), interleaved calls and member
 * events (pauses, logins). It is imported by the job's own use case (`runImportJob`: the streamed
 * reader, the parser and the batch upserts) from a file store that reads the temp file, on
 * PostgreSQL and, for information, PGlite in memory; then once more (every call known: nothing
 * written). Peak RSS is sampled every 20 ms during the import (and the process's maxRSS).
 * `npm run bench -- calls-import [--write]`; BENCH_CALL_LINES overrides the size,
 * BENCH_ENGINES=postgres|pglite-memory picks the engines.
 */

const LINES = Number(process.env.BENCH_CALL_LINES ?? 1_000_000);
const QUEUES = ['support', 'complaints', 'sales', 'vip', 'after-sales'];
const log = (message: string) => process.stderr.write(`[bench:calls-import] ${message}\n`);

/** A small deterministic generator (mulberry32), so runs are comparable. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Writes the queue_log; answers its lines and calls. */
export async function generateQueueLog(file: string, lines: number): Promise<{ lines: number; calls: number }> {
  const rnd = random(16);
  const out = fs.createWriteStream(file);
  const start = 1772323200; // 2026-03-01 08:00 +08:00
  const span = 30 * 86_400;
  const perCall = 5;
  const totalCalls = Math.ceil(lines / perCall);
  let written = 0;
  let calls = 0;
  let buffer: string[] = [];
  const emit = (line: string) => {
    buffer.push(line);
    written += 1;
  };
  const flush = async () => {
    if (!out.write(`${buffer.join('\n')}\n`)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
    buffer = [];
  };
  // Calls come two by two, interleaved, as a busy queue's log is.
  for (let i = 0; written < lines; i += 2) {
    const t0 = start + Math.floor((i / totalCalls) * span);
    const pair: string[][] = [];
    for (const k of [0, 1]) {
      const call: string[] = [];
      const id = `${t0}.${i + k}`;
      const queue = QUEUES[Math.floor(rnd() * QUEUES.length)] as string;
      const agent = () => `PJSIP/80${String(Math.floor(rnd() * 40)).padStart(2, '0')}`;
      const caller = `13${String(Math.floor(rnd() * 1e9)).padStart(9, '0')}`;
      let t = t0 + k;
      const step = (seconds: number) => {
        t += seconds;
        return t;
      };
      call.push(`${t}|${id}|${queue}|NONE|ENTERQUEUE||${caller}|${1 + Math.floor(rnd() * 5)}`);
      const rings = Math.floor(rnd() * 4);
      for (let r = 0; r < rings; r += 1) call.push(`${step(15)}|${id}|${queue}|${agent()}|RINGNOANSWER|15000`);
      const p = rnd();
      const wait = 2 + Math.floor(rnd() * 60);
      if (p < 0.7) {
        const who = agent();
        call.push(`${step(wait)}|${id}|${queue}|${who}|CONNECT|${wait}|${id}1|${2 + Math.floor(rnd() * 8)}`);
        const talk = 30 + Math.floor(rnd() * 400);
        const q = rnd();
        if (q < 0.08) call.push(`${t + talk}|${id}|${queue}|${who}|BLINDTRANSFER|8010|from-internal|${wait}|${talk}|1`);
        else if (q < 0.1) call.push(`${t + talk}|${id}|${queue}|${who}|ATTENDEDTRANSFER|BRIDGE|b-1|${wait}|${talk}|1`);
        else if (q < 0.98)
          call.push(
            `${t + talk}|${id}|${queue}|${who}|${q < 0.6 ? 'COMPLETEAGENT' : 'COMPLETECALLER'}|${wait}|${talk}|1`,
          );
        // else: connected, no COMPLETE line (answered, talk unknown)
      } else if (p < 0.88) call.push(`${step(wait)}|${id}|${queue}|NONE|ABANDON|1|2|${wait}`);
      else if (p < 0.93) call.push(`${step(300)}|${id}|${queue}|NONE|EXITWITHTIMEOUT|1|1|300`);
      else if (p < 0.96) call.push(`${step(wait)}|${id}|${queue}|NONE|EXITWITHKEY|1|1|1|${wait}`);
      else if (p < 0.98) call.push(`${step(1)}|${id}|${queue}|NONE|EXITEMPTY|1|1|1`);
      // else: the log never says how it ended (unresolved)
      pair.push(call);
      calls += 1;
    }
    // Interleave the two calls' lines.
    const [a = [], b = []] = pair;
    for (let j = 0; j < Math.max(a.length, b.length); j += 1) {
      if (a[j]) emit(a[j] as string);
      if (b[j]) emit(b[j] as string);
    }
    const member = `PJSIP/80${String(Math.floor(rnd() * 40)).padStart(2, '0')}`;
    if (rnd() < 0.25) emit(`${t0}|NONE|${QUEUES[0]}|${member}|${rnd() < 0.5 ? 'PAUSE' : 'UNPAUSE'}|lunch`);
    if (rnd() < 0.05) emit(`${t0}|NONE|${QUEUES[1]}|${member}|${rnd() < 0.5 ? 'ADDMEMBER' : 'REMOVEMEMBER'}|`);
    if (buffer.length >= 5000) await flush();
  }
  await flush();
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
  return { lines: written, calls };
}

/** A file store holding one file (the generated log): what the job reads. */
export function oneFileStore(file: string): FileStore {
  return {
    kind: 'directory',
    verify: async () => {},
    put: async () => {},
    putFile: async () => {},
    open: async () => ({
      stream: fs.createReadStream(file, { highWaterMark: 256 * 1024 }),
      size: fs.statSync(file).size,
    }),
    remove: async () => {},
    close: async () => {},
  };
}

type Run = {
  engine: string;
  pass: string;
  seconds: number;
  linesPerSecond: number;
  peakMb: number;
  idleMb: number;
  summary: string;
};

export async function importOnce(deps: Deps, userId: string, size: number) {
  const { db } = deps.database;
  const [row] = await db
    .insert(callImports)
    .values({ userId, format: 'asterisk-queue-log', fileName: 'queue_log', fileKey: 'call-imports/bench', bytes: size })
    .returning();
  if (!row) throw new Error('no import row');
  const idle = process.memoryUsage.rss();
  let peak = idle;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, 20);
  const started = performance.now();
  try {
    await runImportJob(deps, row.id);
  } finally {
    clearInterval(sampler);
  }
  const seconds = (performance.now() - started) / 1000;
  peak = Math.max(peak, process.memoryUsage.rss());
  const [done] = await db.select().from(callImports).where(sql`${callImports.id} = ${row.id}`);
  if (done?.status !== 'done') throw new Error(`import ended ${done?.status} ${done?.failureCode}`);
  return { seconds, peak, idle, done };
}

const CHILD = fileURLToPath(new URL('./calls-import.child.ts', import.meta.url));

function inChild(input: { url: string; userId: string; file: string; size: number }) {
  const out = execFileSync(process.execPath, [...process.execArgv, CHILD], {
    env: { ...process.env, BENCH_CALLS_CHILD: JSON.stringify(input) },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 64 * 1024 * 1024,
  });
  const result = JSON.parse(out.trim().split('\n').at(-1) ?? '{}');
  return { ...result, peak: Math.max(result.peak, result.maxRss) } as Awaited<ReturnType<typeof importOnce>>;
}

export async function benchCallsImport({ write }: { write: boolean }): Promise<void> {
  const load = [os.loadavg()[0] ?? 0];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kefu-calls-'));
  const file = path.join(dir, 'queue_log');
  const runs: Run[] = [];
  try {
    let t = performance.now();
    const generated = await generateQueueLog(file, LINES);
    const size = fs.statSync(file).size;
    log(
      `${generated.lines.toLocaleString('en-US')} lines, ${generated.calls.toLocaleString('en-US')} calls, ` +
        `${(size / 1024 / 1024).toFixed(1)} MB in ${((performance.now() - t) / 1000).toFixed(1)} s`,
    );
    const engines = (process.env.BENCH_ENGINES ?? 'postgres,pglite-memory').split(',') as EngineName[];
    for (const name of engines) {
      const engine = await openEngine(name);
      try {
        const { database } = engine;
        await runMigrations(database);
        await ensureRoles(database.db);
        await ensureAdmin(database.db, 'BenchAdmin2026');
        const admin = await database.db.execute<{ id: string }>(sql`SELECT id FROM users WHERE username = 'admin'`);
        const userId = admin.rows[0]?.id as string;
        const deps = {
          config: loadConfig({ NODE_ENV: 'test' }),
          database,
          files: oneFileStore(file),
        } as unknown as Deps;
        for (const pass of ['first import', 'same file again']) {
          t = performance.now();
          // PostgreSQL: in a process of its own, as a job worker (its RSS is the import's alone).
          const url = engine.config.database.kind === 'postgres' ? engine.config.database.url : null;
          const { seconds, peak, idle, done } = url
            ? inChild({ url, userId, file, size })
            : await importOnce(deps, userId, size);
          load.push(os.loadavg()[0] ?? 0);
          const run: Run = {
            engine: engine.label,
            pass,
            seconds,
            linesPerSecond: Math.round(done.lines / seconds),
            peakMb: Math.round(peak / 1024 / 1024),
            idleMb: Math.round(idle / 1024 / 1024),
            summary: `${done.calls} calls, ${done.inserted} inserted, ${done.updated} updated, ${done.errorCount} line errors`,
          };
          runs.push(run);
          log(
            `${engine.label}, ${pass}: ${seconds.toFixed(1)} s, ${run.linesPerSecond} lines/s, peak RSS ${run.peakMb} MB (${run.idleMb} MB before); ${run.summary}`,
          );
        }
      } finally {
        await engine.close();
      }
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const maxRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
  const markdown = [
    `Importing a generated ${LINES.toLocaleString('en-US')}-line Asterisk queue_log (~${Math.round(LINES / 5).toLocaleString('en-US')} calls over 30 days, 5 queues, 40 agents) through the import job's use case. Target (issue 16): ≥ 100,000 lines/s into PostgreSQL, peak RSS < 300 MB.`,
    '',
    markdownTable(
      ['Engine', 'Pass', 'Seconds', 'Lines/s', 'RSS before (MB)', 'Peak RSS (MB)', 'Result'],
      runs.map((r) => [
        r.engine,
        r.pass,
        r.seconds.toFixed(1),
        r.linesPerSecond.toLocaleString('en-US'),
        String(r.idleMb),
        String(r.peakMb),
        r.summary,
      ]),
      ['l', 'l', 'r', 'r', 'r', 'r', 'l'],
    ),
    '',
    `Process maxRSS over the whole run (generation and every engine, PGlite's in-memory database included): ${maxRssMb} MB.`,
    '',
    measuredLine(),
    ...loadNote(load),
  ].join('\n');
  process.stdout.write(`${markdown}\n`);
  if (write) writeSection('calls-import', markdown);
}
