import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { type Database, openDatabase } from '../../src/db/client.js';
import { createUser } from '../../src/db/seed/factories.js';
import { ADMIN_PASSWORD, createTestApp, Session, TEST_DB, type TestApp } from '../helpers.js';
import { SseClient } from './support.js';

/**
 * A browser connected to one instance hears about changes made through another: each instance
 * NOTIFYs domain events on one PostgreSQL channel and LISTENs to it (src/modules/realtime).
 */
describe('real-time events over SSE', () => {
  let t: TestApp;
  let baseA: string;
  let appB: FastifyInstance | undefined;
  let databaseB: Database | undefined;
  const streams: SseClient[] = [];

  beforeAll(async () => {
    t = await createTestApp();
    baseA = await t.app.listen({ port: 0, host: '127.0.0.1' });
    if (TEST_DB === 'postgres' && t.database.url) {
      // Instance B: its own app, pool and LISTEN connection, on the same database.
      databaseB = await openDatabase({ kind: 'postgres', url: t.database.url, poolSize: 3 });
      appB = await buildApp(t.config, { database: databaseB });
      await appB.ready();
    }
  });

  afterAll(async () => {
    await Promise.all(streams.map((s) => s.close()));
    await appB?.close();
    await databaseB?.close();
    await t?.close();
  });

  async function connectAs(username: string, password = 'Passw0rd!') {
    const session = await Session.signIn(t.app, username, password);
    const stream = await SseClient.connect(`${baseA}/api/v1/realtime/stream`, session.cookies);
    streams.push(stream);
    await stream.waitForEvent((e) => e.event === 'ready');
    return { session, stream };
  }

  it.runIf(TEST_DB === 'postgres')('delivers user.updated made on instance B to a browser on instance A', async () => {
    const alice = await createUser(t.database.db, { username: 'rt_alice' });
    const { stream } = await connectAs('rt_alice');
    const adminOnB = await Session.signIn(appB as FastifyInstance, 'admin', ADMIN_PASSWORD);

    const patched = await adminOnB.patch(`/api/v1/users/${alice.id}`, { displayName: '爱丽丝' });
    expect(patched.statusCode).toBe(200);

    const event = await stream.waitForEvent((e) => e.event === 'user.updated');
    const payload = JSON.parse(event.data);
    expect(payload).toMatchObject({ name: 'user.updated', payload: { userId: alice.id, fields: ['displayName'] } });
    // Names and ids only: the record itself is refetched through the scoped API.
    expect(event.data).not.toContain('爱丽丝');
  });

  it.runIf(TEST_DB === 'pglite')('delivers user.updated to a browser on the same instance', async () => {
    const bob = await createUser(t.database.db, { username: 'rt_bob' });
    const { stream } = await connectAs('rt_bob');
    const admin = await t.signIn('admin');

    expect((await admin.patch(`/api/v1/users/${bob.id}`, { displayName: '鲍勃' })).statusCode).toBe(200);

    const event = await stream.waitForEvent((e) => e.event === 'user.updated');
    expect(JSON.parse(event.data)).toMatchObject({ name: 'user.updated', payload: { userId: bob.id } });
  });

  it('refuses the stream without a session', async () => {
    const response = await fetch(`${baseA}/api/v1/realtime/stream`);
    expect(response.status).toBe(401);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
  });
});
