import { asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { ticketRootCauses, ticketTypes } from '../../db/schema/index.js';

export type TicketTypeRow = typeof ticketTypes.$inferSelect;
export type RootCauseRow = typeof ticketRootCauses.$inferSelect;

export async function listTypes(db: DbOrTx, activeOnly = false) {
  return db
    .select()
    .from(ticketTypes)
    .where(activeOnly ? eq(ticketTypes.isActive, true) : undefined)
    .orderBy(asc(ticketTypes.sortOrder), asc(ticketTypes.key));
}

export async function findType(db: DbOrTx, key: string, { forUpdate = false } = {}) {
  const query = db.select().from(ticketTypes).where(eq(ticketTypes.key, key)).limit(1);
  const [row] = forUpdate ? await query.for('update') : await query;
  return row;
}

/** Inserts unless the key exists; undefined when it does. */
export async function insertType(db: DbOrTx, values: typeof ticketTypes.$inferInsert) {
  const [row] = await db.insert(ticketTypes).values(values).onConflictDoNothing().returning();
  return row;
}

export async function updateType(db: DbOrTx, key: string, values: Partial<typeof ticketTypes.$inferInsert>) {
  const [row] = await db.update(ticketTypes).set(values).where(eq(ticketTypes.key, key)).returning();
  return row;
}

export async function deleteType(db: DbOrTx, key: string) {
  await db.delete(ticketTypes).where(eq(ticketTypes.key, key));
}

export async function listRootCauses(db: DbOrTx, activeOnly = false) {
  return db
    .select()
    .from(ticketRootCauses)
    .where(activeOnly ? eq(ticketRootCauses.isActive, true) : undefined)
    .orderBy(asc(ticketRootCauses.sortOrder), asc(ticketRootCauses.key));
}

export async function findRootCause(db: DbOrTx, key: string, { forUpdate = false } = {}) {
  const query = db.select().from(ticketRootCauses).where(eq(ticketRootCauses.key, key)).limit(1);
  const [row] = forUpdate ? await query.for('update') : await query;
  return row;
}

export async function insertRootCause(db: DbOrTx, values: typeof ticketRootCauses.$inferInsert) {
  const [row] = await db.insert(ticketRootCauses).values(values).onConflictDoNothing().returning();
  return row;
}

export async function updateRootCause(db: DbOrTx, key: string, values: Partial<typeof ticketRootCauses.$inferInsert>) {
  const [row] = await db.update(ticketRootCauses).set(values).where(eq(ticketRootCauses.key, key)).returning();
  return row;
}

export async function deleteRootCause(db: DbOrTx, key: string) {
  await db.delete(ticketRootCauses).where(eq(ticketRootCauses.key, key));
}

function pgCode(error: unknown): string | undefined {
  const e = error as { code?: unknown; cause?: { code?: unknown } } | null;
  const code = e?.code ?? e?.cause?.code;
  return typeof code === 'string' ? code : undefined;
}

/**
 * Runs `remove` in a savepoint; when tickets still point at the row (foreign key violation) the
 * savepoint is rolled back and `false` is returned, so that the caller deactivates it instead.
 */
export async function tryDelete(db: DbOrTx, remove: (db: DbOrTx) => Promise<void>): Promise<boolean> {
  try {
    await db.transaction(async (sp) => remove(sp));
    return true;
  } catch (error) {
    if (pgCode(error) === '23503') return false;
    throw error;
  }
}
