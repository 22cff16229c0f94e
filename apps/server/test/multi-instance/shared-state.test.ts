import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import type { Config } from '../../src/config/config.js';
import { type Database, openDatabase } from '../../src/db/client.js';
import { type TicketWorld, ticketWorld, upload } from '../../src/modules/tickets/ticket-work.test-setup.js';
import { Session, TEST_DB } from '../helpers.js';
import { startS3Server } from '../s3-server.js';

/**
 * Two instances behind a load balancer share every file: each has its own pool, its own disk
 * (spool directory) and its own file store client; a file uploaded through one is served, byte
 * for byte, by the other, and deleted through either. PostgreSQL only (PGlite is one process).
 */
describe.runIf(TEST_DB === 'postgres').each(['database', 's3'] as const)(
  'two instances on one PostgreSQL database, files in the %s store',
  (kind) => {
    const MAX = 8 * 1024 * 1024;
    const dirA = fs.mkdtempSync(path.join(os.tmpdir(), 'kefu-instance-a-'));
    const dirB = fs.mkdtempSync(path.join(os.tmpdir(), 'kefu-instance-b-'));
    let s3: Awaited<ReturnType<typeof startS3Server>> | undefined;
    let w: TicketWorld;
    let appB: FastifyInstance;
    let databaseB: Database;

    beforeAll(async () => {
      if (kind === 's3') s3 = await startS3Server();
      const store: Config['files']['store'] = s3 ? s3.config : { kind: 'database' };
      w = await ticketWorld({
        attachments: { maxBytes: MAX, legacyDir: null },
        files: { store, spoolDir: path.join(dirA, 'spool') },
      });
      databaseB = await openDatabase({ kind: 'postgres', url: w.t.database.url as string, poolSize: 3 });
      appB = await buildApp(
        { ...w.t.config, files: { store, spoolDir: path.join(dirB, 'spool') } },
        { database: databaseB },
      );
      await appB.ready();
    });
    afterAll(async () => {
      await appB?.close();
      await databaseB?.close();
      await w?.t.close();
      await s3?.close();
      for (const dir of [dirA, dirB]) fs.rmSync(dir, { recursive: true, force: true });
    });

    it('serves through instance B the file uploaded through instance A, identical bytes; and back', async () => {
      const ticket = await w.ticket(w.agentA, { subject: '现场照片与检测报告' });
      const onB = await Session.signIn(appB, 'agenta', 'Passw0rd!');

      // 5 MiB of random bytes (after a fixed start no sniffing refuses): many database chunks, one S3 part.
      const data = Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(5 * 1024 * 1024 + 3)]);
      const sha256 = createHash('sha256').update(data).digest('hex');
      const uploaded = await upload(w, w.agentA, ticket.id, '检测报告.pdf', data);
      expect(uploaded.statusCode, uploaded.body).toBe(201);
      expect(uploaded.json().sha256).toBe(sha256);

      const viaB = await onB.get(uploaded.json().downloadUrl);
      expect(viaB.statusCode).toBe(200);
      expect(Number(viaB.headers['content-length'])).toBe(data.length);
      expect(viaB.rawPayload.equals(data)).toBe(true);

      // The other way round, and a deletion through B seen by A.
      const fromB = await upload({ t: { ...w.t, app: appB } }, onB, ticket.id, '补充说明.txt', '由实例 B 接收');
      expect(fromB.statusCode, fromB.body).toBe(201);
      const viaA = await w.agentA.get(fromB.json().downloadUrl);
      expect([viaA.statusCode, viaA.body]).toEqual([200, '由实例 B 接收']);
      expect((await onB.delete(uploaded.json().downloadUrl)).statusCode).toBe(204);
      expect((await w.agentA.get(uploaded.json().downloadUrl)).statusCode).toBe(404);

      // Nothing stays on either instance's disk.
      for (const dir of [dirA, dirB]) expect(fs.readdirSync(path.join(dir, 'spool'))).toEqual([]);
    });
  },
);

/**
 * The login rate limit (20 a minute per client address) is counted in the database
 * (lib/rate-limit-store.ts): requests spread over two instances share one count. With the
 * plugin's in-memory store each instance would allow 20.
 */
describe.runIf(TEST_DB === 'postgres')('two instances count one login rate limit', () => {
  let w: TicketWorld;
  let appB: FastifyInstance;
  let databaseB: Database;

  beforeAll(async () => {
    w = await ticketWorld();
    databaseB = await openDatabase({ kind: 'postgres', url: w.t.database.url as string, poolSize: 3 });
    appB = await buildApp(w.t.config, { database: databaseB });
    await appB.ready();
  });
  afterAll(async () => {
    await appB?.close();
    await databaseB?.close();
    await w?.t.close();
  });

  it('answers 429 to the 21st sign-in of a minute from one address, whichever instance gets it', async () => {
    const login = (app: FastifyInstance) =>
      app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        remoteAddress: '198.51.100.77',
        payload: { username: 'nobody', password: 'wrong-guess' },
      });
    const statuses: number[] = [];
    for (let i = 0; i < 21; i++) statuses.push((await login(i % 2 === 0 ? w.t.app : appB)).statusCode);
    // 401, then 423 once the name is locked for this address (auth/lockout.ts): never 429 before the 21st.
    expect(statuses.slice(0, 20)).not.toContain(429);
    expect(statuses[20]).toBe(429);
    expect((await login(w.t.app)).statusCode).toBe(429);
  });
});
