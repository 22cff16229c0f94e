import pino from 'pino';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config/config.js';
import { prepareDatabase } from '../src/db/bootstrap.js';
import { openDatabase } from '../src/db/client.js';

/**
 * One side of the outbox benchmark (bench/outbox.ts), run as a child process from the sources of
 * the tree it measures: bench/outbox.ts copies this file into the "before" tree, so the same code
 * drives both. It imports nothing but what both trees have (`buildApp`, `prepareDatabase`,
 * `openDatabase`, `loadConfig`) and talks to its parent over IPC:
 *
 * - start: a database (PGlite in `KEFU_DATA_DIR`, or PostgreSQL at `DATABASE_URL`), migrated, the app
 *   as in production (jobs and listeners on, logging off), and through the API a department, an
 *   agent in it and 100 customers (the demo seed would take a minute per side on a loaded machine).
 * - `{ round, tickets, concurrency }`: creates `tickets` tickets through `POST /api/v1/tickets`
 *   (app.inject, `concurrency` at a time, as admin), every one for a customer — 25 % complaints with
 *   a next-reply time, 40 % assigned to an agent (an in-app notice) — and answers with the time until
 *   the last response and the time until the last customer-timeline entry was written (`settled`:
 *   the after-commit work done too, by the in-process listener before, by the dispatcher after).
 */

export type DriverRequest = { round: number; tickets: number; concurrency: number } | { stop: true };
export type DriverReply =
  | { ready: true; setupMs: number }
  | { round: number; responseMs: number; settledMs: number; errors: number; perTicket?: Record<string, number> }
  | { error: string };

const SUBJECTS = [
  [
    'consultation',
    '咨询空调保修期限',
    '客户来电询问上月购买的空调保修期从哪天开始计算，发票丢失是否影响保修，需要提供哪些材料。',
  ],
  [
    'consultation',
    '查询订单配送进度',
    '客户在网上商城下单的洗衣机已经三天没有物流更新，希望了解预计送达时间并要求送货前电话联系。',
  ],
  [
    'complaint',
    '安装师傅迟到两小时',
    '客户反映预约上午十点的安装服务，师傅中午十二点才到，期间多次致电未接，要求说明情况并给予补偿。',
  ],
  ['consultation', '会员积分兑换规则', '客户想用积分兑换延保服务，询问积分有效期、兑换比例以及能否与优惠券同时使用。'],
] as const;

const send = (message: DriverReply) => process.send?.(message);

async function main() {
  const started = performance.now();
  const config = loadConfig({
    ...process.env,
    NODE_ENV: 'production',
    LOG_LEVEL: 'silent',
    KEFU_SEED_DEMO: 'false',
    KEFU_ADMIN_PASSWORD: 'BenchAdmin2026',
    KEFU_BASE_URL: 'http://127.0.0.1',
  });
  // BENCH_OUTBOX_DISPATCH=off (profiling): the outbox is written but not delivered, the round not waited for.
  const dispatch = process.env.BENCH_OUTBOX_DISPATCH !== 'off';
  const withConfig = config as typeof config & { outbox?: { enabled: boolean } };
  if (!dispatch && withConfig.outbox) withConfig.outbox = { ...withConfig.outbox, enabled: false };
  const database = await openDatabase(config.database);
  await prepareDatabase(database, config, pino({ level: 'silent' }));
  const app = await buildApp(config, { database });
  await app.ready();

  const login = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username: 'admin', password: 'BenchAdmin2026' },
  });
  if (login.statusCode !== 200) throw new Error(`sign-in: ${login.statusCode} ${login.body}`);
  const cookies = Object.fromEntries(login.cookies.map((c) => [c.name, c.value]));
  const headers = { 'x-csrf-token': cookies.kefu_csrf ?? '', 'accept-language': 'zh-CN' };
  const post = async (url: string, payload: Record<string, unknown>) => {
    const r = await app.inject({ method: 'POST', url, headers, cookies, payload });
    if (r.statusCode !== 201) throw new Error(`POST ${url}: ${r.statusCode} ${r.body.slice(0, 300)}`);
    return r.json() as { id: string };
  };
  const department = await post('/api/v1/departments', { name: '基准测试部' });
  const agent = {
    id: (
      await post('/api/v1/users', {
        username: 'bench_agent',
        displayName: '基准坐席',
        password: 'BenchAgent2026!',
        roleKey: 'agent',
        departmentId: department.id,
      })
    ).id,
    department_id: department.id,
  };
  const customers: string[] = [];
  for (let i = 0; i < 100; i++) {
    const phone = `1390000${String(i).padStart(4, '0')}`;
    customers.push(
      (await post('/api/v1/customers', { kind: 'person', name: `基准客户${i}号`, phone, ignoreDuplicates: true })).id,
    );
  }
  const timelineEntries = async () =>
    Number(
      (await database.executeSql("SELECT count(*)::int AS n FROM customer_timeline WHERE ref_type = 'ticket'", []))
        .rows[0]?.n,
    );

  let serial = 0;
  const body = () => {
    serial += 1;
    const [typeKey, subject, description] = SUBJECTS[serial % SUBJECTS.length] as (typeof SUBJECTS)[number];
    return {
      typeKey,
      channel: 'phone',
      subject: `${subject}（${serial}）`,
      description,
      customerId: customers[serial % customers.length],
      departmentId: agent.department_id,
      ...(serial % 5 < 2 ? { assign: 'manual', assigneeId: agent.id } : {}),
      ...(typeKey === 'complaint' ? { nextReplyAt: new Date(Date.now() + 4 * 3600_000).toISOString() } : {}),
    };
  };

  /** PostgreSQL's own counters of this database (flushed to the statistics about once a second). */
  const counters = async () => {
    if (database.kind !== 'postgres') return undefined;
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await database.executeSql('SELECT pg_stat_clear_snapshot()', []);
    const { rows } = await database.executeSql(
      `SELECT xact_commit::float8 AS commits, tup_inserted::float8 AS inserted, tup_updated::float8 AS updated,
              tup_fetched::float8 AS fetched, blks_hit::float8 AS blocks
         FROM pg_stat_database WHERE datname = current_database()`,
      [],
    );
    return rows[0] as Record<string, number>;
  };

  async function round(tickets: number, concurrency: number) {
    const stats = await counters();
    const before = await timelineEntries();
    let left = tickets;
    let errors = 0;
    let firstError = '';
    const t0 = performance.now();
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (left > 0) {
          left -= 1;
          const r = await app.inject({ method: 'POST', url: '/api/v1/tickets', headers, cookies, payload: body() });
          if (r.statusCode !== 201) {
            errors += 1;
            firstError ||= `${r.statusCode} ${r.body.slice(0, 300)}`;
          }
        }
      }),
    );
    const responseMs = performance.now() - t0;
    if (errors > 0) throw new Error(`${errors} of ${tickets} creations failed, e.g. ${firstError}`);
    const deadline = Date.now() + 120_000;
    while (dispatch && (await timelineEntries()) < before + tickets) {
      if (Date.now() > deadline) throw new Error('the timeline entries of the round were not written within 120 s');
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    const settledMs = performance.now() - t0;
    const after = await counters();
    const perTicket =
      stats && after
        ? Object.fromEntries(
            Object.keys(after).map((k) => [k, Math.round((((after[k] ?? 0) - (stats[k] ?? 0)) / tickets) * 10) / 10]),
          )
        : undefined;
    return { responseMs, settledMs, errors, perTicket };
  }

  send({ ready: true, setupMs: performance.now() - started });
  process.on('message', (message: DriverRequest) => {
    if ('stop' in message) {
      void app
        .close()
        .then(() => database.close())
        .finally(() => process.exit(0));
      return;
    }
    round(message.tickets, message.concurrency).then(
      (result) => send({ round: message.round, ...result }),
      (error: unknown) => send({ error: error instanceof Error ? error.message : String(error) }),
    );
  });
}

main().catch((error: unknown) => {
  send({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  setTimeout(() => process.exit(1), 100);
});
