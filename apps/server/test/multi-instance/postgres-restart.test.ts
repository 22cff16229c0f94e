import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { buildApp } from '../../src/app.js';
import { type Database, openDatabase } from '../../src/db/client.js';
import { runMigrations } from '../../src/db/migrate.js';
import { ensureAdmin, ensureRoles } from '../../src/db/seed/base.js';
import { defineJob } from '../../src/jobs/definition.js';
import { ADMIN_PASSWORD, Session, TEST_DB, testConfig } from '../helpers.js';
import { SseClient, startPrivatePostgres, waitFor } from './support.js';

/** Writes one row per run; its first run waits, inside its transaction, for the gate to open. */
let attempts = 0;
let openGate: () => void = () => {};
const gate = new Promise<void>((resolve) => {
  openGate = resolve;
});
const pingJob = defineJob({
  name: 'test.restart_ping',
  schema: z.object({ key: z.string(), wait: z.boolean().default(false) }),
  retryDelaySeconds: 0,
  expireInSeconds: 2,
  async handler({ data, tx }) {
    if (data.wait) attempts += 1;
    await tx.execute(sql`INSERT INTO mi_restart_pings (job_key) VALUES (${data.key})`);
    if (data.wait && attempts === 1) await gate;
  },
});

/**
 * The database server goes away under a running app and comes back: requests fail fast with a
 * 503 problem instead of hanging or crashing the process (with a job running at that moment; the
 * test records uncaught exceptions and unhandled rejections, which would end a real process), and
 * everything — the pool, the LISTEN connection of real-time events, the job runner — recovers
 * without restarting the app.
 */
describe.runIf(TEST_DB === 'postgres')('PostgreSQL restart under a running app', () => {
  let server: Awaited<ReturnType<typeof startPrivatePostgres>>;
  let database: Database;
  let app: FastifyInstance;
  let baseUrl: string;
  let stream: SseClient | undefined;
  // What would end the process outside Vitest (which catches them and only reports them).
  const crashes: unknown[] = [];
  const onCrash = (error: unknown) => crashes.push(error);

  beforeAll(async () => {
    process.on('uncaughtException', onCrash);
    process.on('unhandledRejection', onCrash);
    server = await startPrivatePostgres();
    const bootstrap = await openDatabase({ kind: 'postgres', url: server.url, poolSize: 2 });
    await runMigrations(bootstrap);
    await ensureRoles(bootstrap.db);
    await ensureAdmin(bootstrap.db, ADMIN_PASSWORD);
    await bootstrap.executeSql('CREATE TABLE mi_restart_pings (job_key text NOT NULL)', []);
    await bootstrap.close();

    const config = {
      // Maintenance every second: it returns the job interrupted by the outage to retry.
      ...testConfig({ jobs: { enabled: true, pollingIntervalSeconds: 0.5, maintenanceIntervalSeconds: 1 } }),
      database: { kind: 'postgres' as const, url: server.url },
    };
    database = await openDatabase(config.database);
    app = await buildApp(config, { database, jobs: [pingJob] });
    baseUrl = await app.listen({ port: 0, host: '127.0.0.1' });
  });

  afterAll(async () => {
    process.off('uncaughtException', onCrash);
    process.off('unhandledRejection', onCrash);
    await stream?.close();
    if (server?.running) {
      await app?.close();
      await database?.close();
    } else {
      // Closing pg-boss and the pool against a stopped server only waits for timeouts.
      void app?.close().catch(() => {});
      void database?.close().catch(() => {});
    }
    await server?.dispose();
  });

  const pings = async (key: string) =>
    Number(
      (await database.executeSql('SELECT count(*)::int AS n FROM mi_restart_pings WHERE job_key = $1', [key])).rows[0]
        ?.n,
    );

  it('answers 503 while the server is down and recovers when it is back', { timeout: 90_000 }, async () => {
    const admin = await Session.signIn(app, 'admin', ADMIN_PASSWORD);
    expect((await admin.get('/api/v1/auth/me')).statusCode).toBe(200);
    stream = await SseClient.connect(`${baseUrl}/api/v1/realtime/stream`, admin.cookies);
    await stream.waitForEvent((e) => e.event === 'ready');
    await app.deps.jobs.send('test.restart_ping', { key: 'before' });
    await waitFor('the job before the restart', async () => (await pings('before')) === 1, { timeoutMs: 10_000 });
    // A job is running (its transaction open) when the server goes away.
    const inflightId = await app.deps.jobs.send('test.restart_ping', { key: 'inflight', wait: true });
    await waitFor('the job to be running', () => attempts === 1, { timeoutMs: 10_000 });

    await server.stop();
    openGate(); // its commit now fails, and so does recording the failure: the job stays active

    // Down: every request is a quick 503 problem, public or authenticated.
    for (const url of ['/api/v1/auth/me', '/api/v1/users', '/api/health']) {
      const started = Date.now();
      const response = await admin.get(url);
      const elapsed = Date.now() - started;
      expect(response.statusCode, `${url}: ${response.body}`).toBe(503);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json()).toMatchObject({ status: 503, code: 'database_unavailable' });
      expect(elapsed).toBeLessThan(10_000);
    }
    const login = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'admin', password: ADMIN_PASSWORD },
    });
    expect(login.statusCode).toBe(503);
    // The open SSE stream belongs to the app, not to the database: it stays open.
    expect(stream.closed).toBe(false);

    await server.start();

    // Back: the same app, without a restart, answers again (the pool replaces its dead clients).
    await waitFor('the app to answer 200 again', async () => (await admin.get('/api/v1/auth/me')).statusCode === 200, {
      timeoutMs: 20_000,
      intervalMs: 200,
    });
    expect((await admin.get('/api/health')).json()).toMatchObject({ status: 'ok', database: 'postgres' });

    // The LISTEN connection reconnects: a change is pushed to the browser that stayed connected.
    // (Until it has reconnected a NOTIFY reaches nobody, so the change is repeated until one arrives.)
    let n = 0;
    await waitFor(
      'a user.updated event after the restart',
      async () => {
        n += 1;
        const r = await admin.patch('/api/v1/auth/me', { displayName: `管理员${n}` });
        if (r.statusCode !== 200) return false;
        return stream?.waitForEvent((e) => e.event === 'user.updated', 300).catch(() => false);
      },
      { timeoutMs: 20_000, intervalMs: 100 },
    );

    // And the job runner works again: a job sent now runs, and the interrupted job, once expired,
    // is retried and its effects are written exactly once.
    await waitFor(
      'a job to be accepted after the restart',
      async () => (await app.deps.jobs.send('test.restart_ping', { key: 'after' })) !== null,
      { timeoutMs: 20_000, intervalMs: 200 },
    );
    await waitFor('the job after the restart to run', async () => (await pings('after')) === 1, {
      timeoutMs: 20_000,
      intervalMs: 100,
    });
    await waitFor(
      'the interrupted job to be retried and completed',
      async () => {
        const { rows } = await database.executeSql('SELECT state::text AS state FROM pgboss.job WHERE id = $1', [
          inflightId,
        ]);
        return rows[0]?.state === 'completed';
      },
      { timeoutMs: 20_000, intervalMs: 100 },
    );
    expect(attempts).toBe(2);
    expect(await pings('inflight')).toBe(1);
    expect(crashes).toEqual([]);
  });
});
