import type { AddressInfo } from 'node:net';
import os from 'node:os';
import { sql } from 'drizzle-orm';
import pino from 'pino';
import { buildApp } from '../src/app.js';
import { prepareDatabase } from '../src/db/bootstrap.js';
import { issueInvitation } from '../src/modules/surveys/create-invitation.js';
import { findSurvey } from '../src/modules/surveys/surveys.repository.js';
import { type EngineName, openEngine, selectedEngines } from './engines.js';
import { runLoad } from './http.js';
import { loadNote, markdownTable, measuredLine, writeSection } from './report.js';

/**
 * The public survey page /s/{token} (`npm run bench -- surveys [--write]`, section `surveys` of
 * docs/benchmarks.md): per database engine, the app listening on the loopback interface with a
 * migrated database and a six-question survey, autocannon GETting one open link's page (the token
 * looked up by its hash, the questions read, the HTML rendered) and the JSON of the same link.
 * Target (issue 15): ≥ 1,000 requests/s.
 */

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const log = (message: string) => process.stderr.write(`[bench:surveys] ${message}\n`);

async function benchEngine(name: EngineName) {
  const engine = await openEngine(name);
  try {
    const config = { ...engine.config, seedDemo: false, jobs: { ...engine.config.jobs, enabled: false } };
    const { database } = engine;
    await prepareDatabase(database, config, pino({ level: 'silent' }));
    const app = await buildApp(config, { database });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    const created = await database.db.execute<{ id: string }>(
      sql`INSERT INTO surveys (name) VALUES ('满意度回访') RETURNING id`,
    );
    const surveyId = created.rows[0]?.id as string;
    await database.db.execute(sql`INSERT INTO survey_questions (survey_id, position, kind, title, staff_role, required)
      VALUES (${surveyId}, 1, 'nps', '您有多大可能向亲友推荐我们？', NULL, true),
             (${surveyId}, 2, 'csat', '您对本次服务的总体满意度', NULL, true),
             (${surveyId}, 3, 'staff_rating', '请为接待您的客服打分', 'agent', false),
             (${surveyId}, 4, 'resolved', '您的问题解决了吗？', NULL, false),
             (${surveyId}, 5, 'text', '还有什么想对我们说的？', NULL, false)`);
    const survey = await findSurvey(database.db, surveyId);
    if (!survey) throw new Error('no survey');
    const issued = await database.db.transaction((tx) =>
      issueInvitation(tx, app.deps, {
        survey: { ...survey, reminderAfterDays: null },
        customerId: null,
        ticket: null,
        channel: 'link',
        staff: { agent: { userId: null, name: '王芳' } },
        createdBy: null,
      }),
    );
    if (!issued) throw new Error('no invitation');
    const results = [];
    for (const [label, path] of [
      ['GET /s/{token} (HTML page)', `/s/${issued.token}`],
      ['GET /api/public/surveys/{token} (JSON)', `/api/public/surveys/${issued.token}`],
    ] as const) {
      const check = await fetch(`${base}${path}`);
      if (check.status !== 200) throw new Error(`${path}: ${check.status}`);
      log(`${name}: ${label}`);
      const r = await runLoad({
        url: `${base}${path}`,
        headers: {},
        connections: CONNECTIONS,
        seconds: SECONDS,
        warmupSeconds: 2,
      });
      if (r.non2xx > 0 || r.errors > 0) throw new Error(`${label}: ${r.non2xx} non-2xx, ${r.errors} errors`);
      results.push({ label, r });
    }
    await app.close();
    return results;
  } finally {
    await engine.close();
  }
}

export async function benchSurveys({ write }: { write: boolean }): Promise<void> {
  const load = [os.loadavg()[0] ?? 0];
  const rows: string[][] = [];
  for (const name of selectedEngines()) {
    for (const { label, r } of await benchEngine(name)) {
      rows.push([
        name,
        label,
        Math.round(r.requestsPerSecond).toLocaleString('en-US'),
        r.p50.toFixed(1),
        r.p95.toFixed(1),
        r.p99.toFixed(1),
      ]);
    }
    load.push(os.loadavg()[0] ?? 0);
  }
  const markdown = [
    measuredLine(),
    '',
    `The public survey page of one open link (five questions, one of them a staff rating), ${CONNECTIONS} connections, ` +
      `${SECONDS} s after a 2 s warm-up, no cookie (the token is the credential). Target (issue 15): ≥ 1,000 requests/s. ` +
      'Each request looks the token up by its SHA-256 with its survey (one prepared statement) and renders the page (or the JSON); ' +
      'the questions are read once per version of the survey (answering/questions-cache.ts).',
    '',
    'Before that change (commit 2ae7444: one statement per view aggregating the questions, not prepared), the run of ' +
      '2026-12-07 on this machine (commit fda52e5) gave 644 / 690 req/s on PostgreSQL (HTML / JSON) and 291–397 on PGlite.',
    '',
    markdownTable(['engine', 'request', 'req/s', 'p50 ms', 'p95 ms', 'p99 ms'], rows, ['l', 'l', 'r', 'r', 'r', 'r']),
    '',
    ...loadNote(load),
    '',
    'Run: `npm run bench -w apps/server -- surveys [--write]` (BENCH_ENGINES, BENCH_SECONDS, BENCH_CONNECTIONS).',
  ].join('\n');
  process.stdout.write(`${markdown}\n`);
  if (write) writeSection('surveys', markdown);
}
