import { and, eq, getTableColumns, inArray, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../../db/client.js';
import { findActiveUsersByNames } from '../../users/index.js';
import { customerCategories, customerStaff, customers, customerTimeline } from '../customers.tables.js';
import { customerGradeHistory } from '../grading/grading.tables.js';
import type { ImportedCustomer } from './import.rows.js';
import { customerImportFiles, customerImports, type ImportStatus } from './imports.tables.js';

export type ImportRow = typeof customerImports.$inferSelect;
export type ImportUpdate = Partial<typeof customerImports.$inferInsert>;

export async function insertImport(db: DbOrTx, values: typeof customerImports.$inferInsert, content: Buffer) {
  const [row] = await db.insert(customerImports).values(values).returning();
  if (!row) throw new Error('insert customer import returned nothing');
  await db.insert(customerImportFiles).values({ importId: row.id, content });
  return row;
}

/** The import if it belongs to `userId`; someone else's import does not exist for the caller. */
export async function findOwnImport(db: DbOrTx, userId: string, id: string) {
  const [row] = await db
    .select()
    .from(customerImports)
    .where(and(eq(customerImports.id, id), eq(customerImports.userId, userId)))
    .limit(1);
  return row;
}

export async function findImport(db: DbOrTx, id: string) {
  const [row] = await db.select().from(customerImports).where(eq(customerImports.id, id)).limit(1);
  return row;
}

export async function loadImportFile(db: DbOrTx, id: string): Promise<Buffer | undefined> {
  const [row] = await db
    .select({ content: customerImportFiles.content })
    .from(customerImportFiles)
    .where(eq(customerImportFiles.importId, id));
  return row?.content;
}

export async function deleteImportFile(db: DbOrTx, id: string) {
  await db.delete(customerImportFiles).where(eq(customerImportFiles.importId, id));
}

/** Moves the import to `status` only from one of `from` (one winner when two runs race); undefined otherwise. */
export async function transitionImport(db: DbOrTx, id: string, from: ImportStatus[], values: ImportUpdate) {
  const [row] = await db
    .update(customerImports)
    .set({ ...values, updatedAt: new Date() })
    .where(and(eq(customerImports.id, id), inArray(customerImports.status, from)))
    .returning();
  return row;
}

/**
 * Marks the import's run `failed` as interrupted — only if the run is still the one job `jobId`
 * was sent for and has not finished; undefined otherwise (a re-run has started, or it ended).
 */
export async function failInterruptedRun(db: DbOrTx, id: string, jobId: string) {
  const [row] = await db
    .update(customerImports)
    .set({
      status: 'failed',
      failure: { code: 'customers.import_interrupted' },
      processedRows: 0, // progress written outside the run's transaction; none of it was kept
      finishedAt: new Date(),
      updatedAt: new Date(),
    })
    .where(
      and(
        eq(customerImports.id, id),
        eq(customerImports.jobId, jobId),
        inArray(customerImports.status, ['queued', 'running']),
      ),
    )
    .returning();
  return row;
}

export async function updateImport(db: DbOrTx, id: string, values: ImportUpdate) {
  await db
    .update(customerImports)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(customerImports.id, id));
}

/** Active categories by key, Chinese name and English name (lower case). */
export async function categoryLookup(db: DbOrTx): Promise<Map<string, string>> {
  const rows = await db.select().from(customerCategories).where(eq(customerCategories.isActive, true));
  const map = new Map<string, string>();
  for (const r of rows) for (const name of [r.key, r.name, r.nameEn]) if (name) map.set(name.toLowerCase(), r.key);
  return map;
}

/**
 * Resolves owner/backup cells not seen before: an active user's username, or else a display name
 * that exactly one active user has (so an exported file, which shows display names, imports back).
 */
export async function resolveUsers(db: DbOrTx, values: Iterable<string>, cache: Map<string, string | null>) {
  const missing = [...new Set(values)].filter((v) => v && !cache.has(v));
  if (missing.length === 0) return;
  const rows = await findActiveUsersByNames(db, missing);
  for (const value of missing) {
    const byUsername = rows.find((r) => r.username === value);
    const byName = rows.filter((r) => r.displayName === value);
    cache.set(value, byUsername?.id ?? (byName.length === 1 ? (byName[0]?.id ?? null) : null));
  }
}

/**
 * One multi-row INSERT from a single JSON parameter (`jsonb_to_recordset`): building a 1,000-row
 * VALUES list with the query builder costs more than the database spends inserting it. Column
 * names and types come from the Drizzle table, so the statement follows the schema.
 */
async function insertJsonRows(db: DbOrTx, table: PgTable, rows: Record<string, unknown>[]) {
  const first = rows[0];
  if (!first) return;
  const all = getTableColumns(table) as Record<string, PgColumn>;
  const keys = Object.keys(first);
  const columns = keys.map((key) => {
    const column = all[key];
    if (!column) throw new Error(`insertJsonRows: no column ${key}`);
    return column;
  });
  const json = JSON.stringify(
    rows.map((row) => Object.fromEntries(keys.map((key, i) => [columns[i]?.name, row[key] ?? null]))),
  );
  const list = sql.raw(columns.map((c) => `"${c.name}"`).join(', '));
  const types = sql.raw(columns.map((c) => `"${c.name}" ${c.getSQLType()}`).join(', '));
  await db.execute(
    sql`INSERT INTO ${table} (${list}) SELECT ${list} FROM jsonb_to_recordset(${json}::jsonb) AS x(${types})`,
  );
}

/**
 * Writes a batch of imported customers, one statement per table: the customers, their staff
 * (owner, and the backup when given), the first grade-history row, and one timeline entry each.
 */
export async function insertImportedCustomers(
  db: DbOrTx,
  batch: ImportedCustomer[],
  importId: string,
  actorId: string,
) {
  if (batch.length === 0) return;
  // Ids made here, so that staff and timeline rows never depend on the order of inserted rows.
  const rows = batch.map(({ backupId, ...c }) => ({ customer: { ...c, id: crypto.randomUUID() }, backupId }));
  await insertJsonRows(
    db,
    customers,
    rows.map((r) => r.customer),
  );
  const staff = rows.flatMap(({ customer: c, backupId }) => [
    ...(c.ownerId ? [{ customerId: c.id, userId: c.ownerId, role: 'owner' }] : []),
    ...(backupId && backupId !== c.ownerId ? [{ customerId: c.id, userId: backupId, role: 'backup' }] : []),
  ]);
  await insertJsonRows(db, customerStaff, staff);
  const grades = rows.flatMap(({ customer: c }) =>
    c.grade ? [{ customerId: c.id, gradeAfter: c.grade, reason: 'import', changedBy: actorId }] : [],
  );
  await insertJsonRows(db, customerGradeHistory, grades);
  const timeline = rows.map(({ customer: c }) => ({
    customerId: c.id,
    kind: 'change',
    title: 'customer.imported',
    body: c.name,
    actorId,
    refType: 'customer_import',
    refId: importId,
  }));
  await insertJsonRows(db, customerTimeline, timeline);
}
