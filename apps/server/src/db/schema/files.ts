import { sql } from 'drizzle-orm';
import { bigint, customType, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

/** `bytea` as a Node Buffer on both drivers (node-postgres gives a Buffer, PGlite a Uint8Array). */
const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value.buffer, value.byteOffset, value.length)),
});

/**
 * The `database` file store (lib/file-store/database-store.ts): one row per stored file, its bytes
 * in `file_chunks` rows of at most 256 KiB, written in one transaction (a file is all there or
 * not at all) and read one chunk at a time (never a whole file in memory).
 */
export const fileObjects = pgTable('file_objects', {
  key: text('key').primaryKey(),
  size: bigint('size', { mode: 'number' }).notNull(),
  chunks: integer('chunks').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(sql`now()`),
});

export const fileChunks = pgTable(
  'file_chunks',
  {
    key: text('key')
      .notNull()
      .references(() => fileObjects.key, { onDelete: 'cascade', onUpdate: 'cascade' }),
    seq: integer('seq').notNull(),
    data: bytea('data').notNull(),
  },
  (t) => [primaryKey({ columns: [t.key, t.seq] })],
);
