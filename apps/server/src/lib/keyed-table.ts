import { asc, eq } from 'drizzle-orm';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import { type DbOrTx, sqlState } from '../db/client.js';

/** A small reference table keyed by a text `key`, listed by `sortOrder`, switched off by `isActive`. */
export type KeyedTable = PgTable & {
  key: AnyPgColumn<{ data: string }>;
  sortOrder: AnyPgColumn<{ data: number }>;
  isActive: AnyPgColumn<{ data: boolean }>;
};

/** CRUD by key over one keyed table, with the table's own row and insert types. */
export type KeyedTableOps<T extends KeyedTable> = {
  /** Ordered by sortOrder, then key; only the active entries when `activeOnly`. */
  list: (db: DbOrTx, activeOnly?: boolean) => Promise<T['$inferSelect'][]>;
  find: (db: DbOrTx, key: string, options?: { forUpdate?: boolean }) => Promise<T['$inferSelect'] | undefined>;
  /** Inserts unless the key exists; undefined when it does. */
  insert: (db: DbOrTx, values: T['$inferInsert']) => Promise<T['$inferSelect'] | undefined>;
  update: (db: DbOrTx, key: string, values: Partial<T['$inferInsert']>) => Promise<T['$inferSelect'] | undefined>;
  delete: (db: DbOrTx, key: string) => Promise<void>;
};

/** CRUD of a keyed reference table (ticket types, customer categories…), destructured into a repository's named exports. */
export function keyedTable<T extends KeyedTable>(table: T): KeyedTableOps<T> {
  // Drizzle cannot resolve a query's row type over a generic table (`from(table)` is refused and
  // `returning()` widens to `{ [x: string]: unknown }`), so the queries run on the table seen as a
  // plain KeyedTable, and the one assertion at the end gives the rows back their exact type.
  const t: KeyedTable = table;
  const ops = {
    list: async (db: DbOrTx, activeOnly = false) =>
      db
        .select()
        .from(t)
        .where(activeOnly ? eq(t.isActive, true) : undefined)
        .orderBy(asc(t.sortOrder), asc(t.key)),

    find: async (db: DbOrTx, key: string, { forUpdate = false } = {}) => {
      const query = db.select().from(t).where(eq(t.key, key)).limit(1);
      const [row] = forUpdate ? await query.for('update') : await query;
      return row;
    },

    insert: async (db: DbOrTx, values: T['$inferInsert']) => {
      const [row] = await db.insert(t).values(values).onConflictDoNothing().returning();
      return row;
    },

    update: async (db: DbOrTx, key: string, values: Partial<T['$inferInsert']>) => {
      const [row] = await db.update(t).set(values).where(eq(t.key, key)).returning();
      return row;
    },

    delete: async (db: DbOrTx, key: string) => {
      await db.delete(t).where(eq(t.key, key));
    },
  };
  return ops as KeyedTableOps<T>;
}

/**
 * Runs `remove` in a savepoint; when a foreign key still points at the row the savepoint is rolled
 * back and `false` is returned, so that the caller can deactivate the entry instead.
 */
export async function tryDelete(db: DbOrTx, remove: (db: DbOrTx) => Promise<void>): Promise<boolean> {
  try {
    await db.transaction(async (sp) => remove(sp));
    return true;
  } catch (error) {
    if (sqlState(error) === '23503') return false;
    throw error;
  }
}
