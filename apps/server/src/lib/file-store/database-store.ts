import fs from 'node:fs';
import { Readable } from 'node:stream';
import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { fileChunks, fileObjects } from '../../db/schema/files.js';
import { assertKey, type FileStore } from './file-store.js';

/** The bytes of one `file_chunks` row. */
export const CHUNK_BYTES = 256 * 1024;

/**
 * Files in PostgreSQL: bytea rows of at most 256 KiB (`file_chunks`) under one `file_objects`
 * row. Written in one transaction (all or nothing, replacing an earlier file of the same key),
 * read one chunk per query on the pool, so neither side holds a whole file in memory nor a
 * connection for a slow download. Large objects were not chosen: they escape row-level
 * ownership (no cascade, `vacuumlo` for orphans), are not carried by logical replication, and
 * need a transaction held open for a whole streamed read.
 */
export function databaseStore(database: Database): FileStore {
  const { db } = database;

  async function put(key: string, source: Readable) {
    assertKey(key);
    await db.transaction(async (tx) => {
      await tx.delete(fileObjects).where(eq(fileObjects.key, key));
      await tx.insert(fileObjects).values({ key, size: 0, chunks: 0, createdAt: sql`clock_timestamp()` });
      let pending: Buffer[] = [];
      let pendingBytes = 0;
      let seq = 0;
      let size = 0;
      const flush = async (data: Buffer) => {
        await tx.insert(fileChunks).values({ key, seq, data });
        seq += 1;
        size += data.length;
      };
      for await (const piece of source) {
        const buffer = Buffer.isBuffer(piece) ? piece : Buffer.from(piece as Uint8Array);
        pending.push(buffer);
        pendingBytes += buffer.length;
        while (pendingBytes >= CHUNK_BYTES) {
          const all = Buffer.concat(pending);
          await flush(all.subarray(0, CHUNK_BYTES));
          pending = [all.subarray(CHUNK_BYTES)];
          pendingBytes = all.length - CHUNK_BYTES;
        }
      }
      if (pendingBytes > 0) await flush(Buffer.concat(pending));
      await tx.update(fileObjects).set({ size, chunks: seq }).where(eq(fileObjects.key, key));
    });
  }

  return {
    kind: 'database',
    async verify() {},
    put,
    async putFile(key, localPath) {
      await put(key, fs.createReadStream(localPath, { highWaterMark: CHUNK_BYTES }));
      await fs.promises.rm(localPath, { force: true });
    },
    async open(key) {
      assertKey(key);
      const [found] = await db
        .select({
          size: fileObjects.size,
          chunks: fileObjects.chunks,
          version: sql<string>`${fileObjects.createdAt}::text`,
        })
        .from(fileObjects)
        .where(eq(fileObjects.key, key));
      if (!found) return null;
      const { chunks, version } = found;
      async function* read() {
        for (let seq = 0; seq < chunks; seq++) {
          // Joined with the object as it was opened: a file replaced or removed mid-read fails the
          // read instead of mixing two files.
          const [row] = await db
            .select({ data: fileChunks.data })
            .from(fileChunks)
            .innerJoin(fileObjects, eq(fileObjects.key, fileChunks.key))
            .where(
              and(
                eq(fileChunks.key, key),
                eq(fileChunks.seq, seq),
                sql`${fileObjects.createdAt} = ${version}::timestamptz`,
              ),
            );
          if (!row) throw new Error(`file ${key} changed or was removed while being read`);
          yield row.data;
        }
      }
      return { stream: Readable.from(read(), { objectMode: false }), size: found.size };
    },
    async remove(key) {
      await db.delete(fileObjects).where(eq(fileObjects.key, assertKey(key)));
    },
    async close() {},
  };
}
