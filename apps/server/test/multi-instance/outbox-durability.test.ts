import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDepartment, createUser } from '../../src/db/seed/factories.js';
import { ADMIN_PASSWORD, openTestDatabase, TEST_DB, type TestDatabase } from '../helpers.js';
import { type Child, spawnServerMain, waitFor } from './support.js';

/** Tickets the client gets acknowledged (2xx); a request lost to a kill is sent again as a new ticket. */
const TICKETS = 1000;
const CUSTOMERS = 50;
/** Concurrent requests of the client, spread over both instances. */
const CONCURRENCY = 6;

type Reply = { status: number; body: Record<string, unknown> };
type Client = { post(base: string, url: string, body: unknown): Promise<Reply> };

/** A signed-in client (session cookie and CSRF header by hand); the session is valid on every instance. */
async function signIn(base: string): Promise<Client> {
  const response = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: ADMIN_PASSWORD }),
  });
  expect(response.status, await response.clone().text()).toBe(200);
  const cookies = Object.fromEntries(response.headers.getSetCookie().map((c) => c.split(';')[0]?.split('=') ?? []));
  const cookie = Object.entries(cookies)
    .map(([k, v]) => `${k}=${v}`)
    .join('; ');
  const headers = { cookie, 'x-csrf-token': cookies.kefu_csrf ?? '', 'content-type': 'application/json' };
  return {
    async post(target, url, body) {
      const r = await fetch(`${target}${url}`, {
        method: 'POST',
        headers,
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(60_000),
      });
      return { status: r.status, body: (await r.json()) as Record<string, unknown> };
    },
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Issue 11, durable events: two server processes (src/main.ts) on one PostgreSQL database, a client
 * creating 1,000 tickets for customers over both, and one of them killed with SIGKILL at random
 * moments and started again. Whatever committed — acknowledged or lost with the connection — has its
 * `ticket.created` event in the outbox (same transaction), and the dispatcher of whichever instance
 * lives delivers it: exactly one customer-timeline entry per ticket, each notice exactly once, no
 * delivery left pending or dead.
 */
describe.runIf(TEST_DB === 'postgres')('outbox durability across two instances and SIGKILL (PostgreSQL)', () => {
  let database: TestDatabase;
  let dataDir = '';
  const children: Child[] = [];
  const env: Record<string, string | undefined> = {
    PORT: '0',
    HOST: '127.0.0.1',
    NODE_ENV: 'production',
    KEFU_SEED_DEMO: 'false',
    KEFU_ADMIN_PASSWORD: ADMIN_PASSWORD,
    KEFU_SECRET: 'outbox-durability-test-secret',
    LOG_LEVEL: 'info',
  };

  beforeAll(async () => {
    database = await openTestDatabase();
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kefu-outbox-'));
    Object.assign(env, { DATABASE_URL: database.url as string, KEFU_DATA_DIR: dataDir });
  });

  afterAll(async () => {
    await Promise.all(children.map((c) => c.kill('SIGKILL')));
    await database?.drop();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  async function start(): Promise<{ child: Child; url: string }> {
    const child = spawnServerMain(env);
    children.push(child);
    // A boot takes seconds, but a minute and more on a machine loaded by parallel test runs.
    const exited = child.exited.then(({ code, signal }) => {
      throw new Error(`the server exited (${code ?? signal}) before listening: ${child.stderr.slice(-3000)}`);
    });
    const [, url] = await Promise.race([
      child.waitForOutput(/Server listening at (http:\/\/127\.0\.0\.1:\d+)/, 150_000),
      exited,
    ]);
    exited.catch(() => {}); // a later SIGKILL is not a failure
    return { child, url: url as string };
  }

  async function rows<T>(text: string, params: unknown[] = []): Promise<T[]> {
    return (await database.executeSql(text, params)).rows as T[];
  }

  it('delivers every committed ticket.created exactly once while an instance is SIGKILLed', {
    timeout: 480_000,
  }, async () => {
    const db = database.db;
    const dept = await createDepartment(db, { name: '耐久性测试部' });
    const manager = await createUser(db, { roleKey: 'department_manager', departmentId: dept.id });
    await db.execute(sql`UPDATE departments SET manager_id = ${manager.id} WHERE id = ${dept.id}`);
    const agent = await createUser(db, { roleKey: 'agent', departmentId: dept.id });

    const t0 = Date.now();
    // One after the other: the first start seeds the admin, and two first starts at once race there.
    type Instance = { child: Child; url: string };
    const instances: (Instance | undefined)[] = [await start(), await start()];
    const bootMs = Date.now() - t0;
    const firstUrl = (instances[0] as Instance).url;
    const client = await signIn(firstUrl);

    const customerIds: string[] = [];
    for (let i = 0; i < CUSTOMERS; i++) {
      const r = await client.post(firstUrl, '/api/v1/customers', {
        kind: 'person',
        name: `耐久客户${i}号`,
        phone: `1380000${String(i).padStart(4, '0')}`,
        ignoreDuplicates: true,
      });
      expect(r.status, JSON.stringify(r.body)).toBe(201);
      customerIds.push(r.body.id as string);
    }

    // The killer: while both instances are up, one of them, chosen at random, is SIGKILLed after a
    // random 0.5–3 s and started again (the other one serves meanwhile).
    let loadDone = false;
    let kills = 0;
    const killer = (async () => {
      while (!loadDone) {
        await sleep(500 + Math.random() * 2500);
        if (loadDone) break;
        const k = Math.random() < 0.5 ? 0 : 1;
        const victim = instances[k] as Instance;
        instances[k] = undefined;
        victim.child.process.kill('SIGKILL');
        await victim.child.exited;
        kills += 1;
        if (loadDone) break;
        instances[k] = await start();
      }
    })();

    // The client: each request goes to an instance at random (the other while one is down); a request
    // that fails without an answer may or may not have committed: counted in doubt and sent again.
    const inFourHours = new Date(Date.now() + 4 * 3600_000).toISOString();
    const acknowledged = new Map<number, string>();
    let next = 0;
    let inDoubt = 0;
    const served = [0, 0];
    const body = (i: number, attempt: number) => {
      const complaint = i % 4 === 0;
      return {
        typeKey: complaint ? 'complaint' : 'consultation',
        channel: 'phone',
        subject: `耐久性测试 ${i}/${attempt}`,
        description: `客户来电，第 ${i} 张工单（第 ${attempt} 次提交）。`,
        customerId: customerIds[i % CUSTOMERS],
        departmentId: dept.id,
        ...(i % 2 === 0 ? { assign: 'manual', assigneeId: agent.id } : {}),
        ...(complaint ? { nextReplyAt: inFourHours, isMajor: i % 8 === 0 } : {}),
      };
    };
    const loadStarted = Date.now();
    const load = Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        for (let i = next++; i < TICKETS; i = next++) {
          for (let attempt = 1; ; attempt++) {
            const preferred = Math.random() < 0.5 ? 0 : 1;
            const k = instances[preferred] ? preferred : 1 - preferred;
            const target = instances[k]?.url;
            if (!target) throw new Error('both instances down');
            let reply: Reply;
            try {
              reply = await client.post(target, '/api/v1/tickets', body(i, attempt));
            } catch (error) {
              inDoubt += 1;
              expect(attempt, `ticket ${i} on ${target}: ${String(error)}`).toBeLessThan(20);
              await sleep(50);
              continue;
            }
            expect(reply.status, JSON.stringify(reply.body)).toBe(201);
            acknowledged.set(i, reply.body.id as string);
            served[k] = (served[k] ?? 0) + 1;
            break;
          }
        }
      }),
    );
    try {
      await load;
    } finally {
      loadDone = true;
      await killer;
    }
    const loadMs = Date.now() - loadStarted;
    expect(acknowledged.size).toBe(TICKETS);
    expect(kills).toBeGreaterThan(0);

    // The truth is in the database: every ticket row, acknowledged or not.
    const tickets = await rows<{
      id: string;
      subject: string;
      customer_id: string;
      assignee_id: string | null;
      major: boolean;
    }>(`SELECT id, subject, customer_id, assignee_id, (is_major AND type_key = 'complaint') AS major FROM tickets`);
    const ids = new Set(tickets.map((t) => t.id));
    for (const id of acknowledged.values()) expect(ids.has(id), `acknowledged ticket ${id}`).toBe(true);
    for (const t of tickets) expect(t.subject).toMatch(/^耐久性测试 \d+\/\d+$/);
    const unacknowledgedCommitted = tickets.length - TICKETS;
    console.log(
      `[outbox-durability] two instances up in ${bootMs} ms; ${TICKETS} tickets acknowledged in ${loadMs} ms ` +
        `(${served.join(' + ')} per instance) with ${kills} SIGKILLs; ${inDoubt} requests lost with the connection, ` +
        `${unacknowledgedCommitted} of them had committed`,
    );

    // Bounded wait: the dispatchers (A's, and B's when alive) drain the outbox.
    const drainStarted = Date.now();
    await waitFor(
      'the outbox to be drained',
      async () => {
        const [r] = await rows<{ pending: number }>(
          "SELECT count(*)::int AS pending FROM outbox_deliveries WHERE status = 'pending'",
        );
        return r?.pending === 0;
      },
      { timeoutMs: 90_000, intervalMs: 250 },
    );
    const drainMs = Date.now() - drainStarted;
    const deliveries = await rows<{ status: string; n: number }>(
      'SELECT status, count(*)::int AS n FROM outbox_deliveries GROUP BY status ORDER BY status',
    );
    expect(deliveries.filter((d) => d.status !== 'delivered')).toEqual([]);

    // One ticket.created event per committed ticket (written in its transaction), none for anything else.
    const events = await rows<{ aggregate_id: string; n: number }>(
      `SELECT aggregate_id, count(*)::int AS n FROM outbox_events WHERE name = 'ticket.created' GROUP BY aggregate_id`,
    );
    expect(events.length).toBe(tickets.length);
    for (const e of events) {
      expect(ids.has(e.aggregate_id)).toBe(true);
      expect(e.n).toBe(1);
    }

    // Exactly one customer-timeline entry per ticket (nothing else happens to these tickets), for its customer.
    const timeline = await rows<{ ref_id: string; customer_id: string; n: number }>(
      `SELECT ref_id, min(customer_id::text) AS customer_id, count(*)::int AS n
         FROM customer_timeline WHERE ref_type = 'ticket' GROUP BY ref_id`,
    );
    const byTicket = new Map(timeline.map((e) => [e.ref_id, e]));
    expect(timeline.length).toBe(tickets.length);
    for (const t of tickets) {
      expect(byTicket.get(t.id), `timeline of ${t.subject}`).toMatchObject({ n: 1, customer_id: t.customer_id });
    }

    // Each notice exactly once: the assignee's for an assigned ticket, the manager's for a major complaint.
    const notices = await rows<{ ref: string; recipient: string; n: number }>(
      `SELECT ref, recipient, count(*)::int AS n FROM notifications WHERE ref LIKE 'ticket:%' GROUP BY ref, recipient`,
    );
    const noticeCount = new Map(notices.map((n) => [`${n.ref} → ${n.recipient}`, n.n]));
    const expected = new Map<string, number>();
    for (const t of tickets) {
      if (t.assignee_id) expected.set(`ticket:${t.id}/assigned → ${t.assignee_id}`, 1);
      if (t.major) expected.set(`ticket:${t.id}/major → ${manager.id}`, 1);
    }
    expect(noticeCount).toEqual(expected);
    const assigned = tickets.filter((t) => t.assignee_id).length;
    const major = tickets.filter((t) => t.major).length;
    expect(assigned).toBeGreaterThanOrEqual(TICKETS / 2);
    expect(major).toBeGreaterThanOrEqual(TICKETS / 8);

    // Deliveries made well after their event: the recording instance died before it dispatched, or
    // its wake-up was lost with it, and a dispatcher found them by polling.
    const [late] = await rows<{ n: number }>(
      `SELECT count(*)::int AS n FROM outbox_deliveries d JOIN outbox_events e ON e.id = d.event_id
        WHERE d.delivered_at > e.created_at + interval '1 second'`,
    );
    console.log(
      `[outbox-durability] ${tickets.length} tickets, ${assigned} assigned, ${major} major; ` +
        `outbox drained ${drainMs} ms after the load; deliveries ${JSON.stringify(deliveries)}, ` +
        `${late?.n} of them more than 1 s after their event`,
    );
  });
});
