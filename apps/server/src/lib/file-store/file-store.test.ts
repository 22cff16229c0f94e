import { randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../../test/helpers.js';
import { startS3Server } from '../../../test/s3-server.js';
import { CHUNK_BYTES, databaseStore } from './database-store.js';
import { directoryStore } from './directory-store.js';
import type { FileStore } from './file-store.js';
import { moveLegacyFiles } from './legacy.js';
import { s3Store } from './s3-store.js';
import { sweepSpool } from './spool.js';

/** A source that yields `data` in pieces of `piece` bytes (as a network upload would). */
const pieces = (data: Buffer, piece = 64 * 1024) =>
  Readable.from(
    (function* () {
      for (let i = 0; i < data.length; i += piece) yield data.subarray(i, i + piece);
    })(),
  );

/** A source that yields some bytes, then fails. */
const failing = (data: Buffer) =>
  Readable.from(
    (async function* () {
      yield data;
      throw new Error('client went away');
    })(),
  );

async function read(store: FileStore, key: string) {
  const file = await store.open(key);
  if (!file) return null;
  const chunks: Buffer[] = [];
  let largest = 0;
  for await (const chunk of file.stream) {
    chunks.push(chunk as Buffer);
    largest = Math.max(largest, (chunk as Buffer).length);
  }
  return { size: file.size, data: Buffer.concat(chunks), largest };
}

const key = () => `attachments/2026/12/${randomUUID()}`;

describe('file store contract: database, directory and S3-compatible (s3rver)', () => {
  let database: TestDatabase;
  let s3: Awaited<ReturnType<typeof startS3Server>>;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kefu-file-store-'));
  const stores: Record<string, FileStore> = {};

  beforeAll(async () => {
    database = await openTestDatabase();
    s3 = await startS3Server();
    stores.database = databaseStore(database);
    stores.directory = directoryStore(path.join(dir, 'files'));
    stores.s3 = s3Store(s3.config);
    for (const store of Object.values(stores)) await store.verify();
  });
  afterAll(async () => {
    for (const store of Object.values(stores)) await store.close();
    await s3?.close();
    await database?.drop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  describe.each(['database', 'directory', 's3'])('%s', (kind) => {
    const store = () => stores[kind] as FileStore;

    it('streams a 9 MiB file in and out byte for byte (several chunks and multipart parts)', async () => {
      const data = randomBytes(9 * 1024 * 1024 + 17);
      const k = key();
      await store().put(k, pieces(data));
      const back = await read(store(), k);
      expect(back?.size).toBe(data.length);
      expect(back?.data.equals(data)).toBe(true);
      // Read in pieces, never as one buffer of the whole file.
      expect(back?.largest).toBeLessThanOrEqual(Math.max(CHUNK_BYTES, 64 * 1024 * 16));
    });

    it('stores an empty file and a local file (removing the local copy)', async () => {
      const empty = key();
      await store().put(empty, Readable.from([]));
      expect(await read(store(), empty)).toMatchObject({ size: 0, data: Buffer.alloc(0) });

      const local = path.join(dir, `local-${kind}`);
      fs.writeFileSync(local, '客户的发票扫描件');
      const k = key();
      await store().putFile(k, local);
      expect(fs.existsSync(local)).toBe(false);
      expect((await read(store(), k))?.data.toString('utf8')).toBe('客户的发票扫描件');
    });

    it('replaces a file whole; a failed upload leaves the previous file and nothing partial', async () => {
      const k = key();
      await store().put(k, Readable.from([Buffer.from('first version')]));
      await store().put(k, Readable.from([Buffer.from('second')]));
      expect((await read(store(), k))?.data.toString()).toBe('second');

      await expect(store().put(k, failing(randomBytes(300 * 1024)))).rejects.toThrow();
      expect((await read(store(), k))?.data.toString()).toBe('second');
      const fresh = key();
      await expect(store().put(fresh, failing(randomBytes(300 * 1024)))).rejects.toThrow();
      expect(await store().open(fresh)).toBeNull();
    });

    it('answers null for a missing file; removes idempotently', async () => {
      const k = key();
      expect(await store().open(k)).toBeNull();
      await store().remove(k);
      await store().put(k, Readable.from([Buffer.from('x')]));
      await store().remove(k);
      expect(await store().open(k)).toBeNull();
    });

    it('refuses keys that could leave the store or are not namespaced', async () => {
      for (const bad of [
        '../etc/passwd',
        'attachments/../x',
        '/abs/x',
        'attachments',
        'Attachments/x',
        'attachments/.x',
        'a//b',
      ]) {
        await expect(store().open(bad), bad).rejects.toThrow(/invalid file store key/);
        await expect(store().put(bad, Readable.from([Buffer.from('x')])), bad).rejects.toThrow(
          /invalid file store key/,
        );
      }
    });
  });

  it('directory: the files sit at <dir>/<key>, written through <dir>/.tmp (left empty)', async () => {
    const k = key();
    await stores.directory?.put(k, Readable.from([Buffer.from('on disk')]));
    expect(fs.readFileSync(path.join(dir, 'files', ...k.split('/')), 'utf8')).toBe('on disk');
    expect(fs.readdirSync(path.join(dir, 'files', '.tmp'))).toEqual([]);
  });

  it.each(['database', 's3'])('moves files an older version kept on disk into the %s store, once', async (kind) => {
    const store = stores[kind] as FileStore;
    const legacy = path.join(dir, `legacy-${kind}`);
    const id = randomUUID();
    fs.mkdirSync(path.join(legacy, '2025', '11'), { recursive: true });
    fs.writeFileSync(path.join(legacy, '2025', '11', id), 'old attachment');
    fs.writeFileSync(path.join(legacy, 'README.txt'), 'not an attachment');
    expect(await moveLegacyFiles(store, legacy, 'attachments')).toBe(1);
    expect((await read(store, `attachments/2025/11/${id}`))?.data.toString()).toBe('old attachment');
    expect(fs.existsSync(path.join(legacy, '2025', '11', id))).toBe(false);
    expect(fs.existsSync(path.join(legacy, 'README.txt'))).toBe(true);
    expect(await moveLegacyFiles(store, legacy, 'attachments')).toBe(0);
    expect(await moveLegacyFiles(store, path.join(dir, 'never-existed'), 'attachments')).toBe(0);
  });

  it('sweeps spool files a killed upload left behind, not those of uploads in progress', async () => {
    const spool = path.join(dir, 'spool');
    fs.mkdirSync(spool, { recursive: true });
    fs.writeFileSync(path.join(spool, 'old'), 'x');
    fs.writeFileSync(path.join(spool, 'new'), 'x');
    const dayAgo = new Date(Date.now() - 25 * 60 * 60_000);
    fs.utimesSync(path.join(spool, 'old'), dayAgo, dayAgo);
    expect(await sweepSpool(spool)).toBe(1);
    expect(fs.readdirSync(spool)).toEqual(['new']);
    expect(await sweepSpool(path.join(dir, 'no-spool'))).toBe(0);
  });
});
