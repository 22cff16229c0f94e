import { asc, count, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { customerCategories, customers, customFieldDefinitions, milestoneTypes } from '../../db/schema/index.js';

export type CategoryRow = typeof customerCategories.$inferSelect;
export type MilestoneTypeRow = typeof milestoneTypes.$inferSelect;
export type CustomFieldRow = typeof customFieldDefinitions.$inferSelect;

export async function listCategories(db: DbOrTx, activeOnly = false) {
  return db
    .select()
    .from(customerCategories)
    .where(activeOnly ? eq(customerCategories.isActive, true) : undefined)
    .orderBy(asc(customerCategories.sortOrder), asc(customerCategories.key));
}

export async function findCategory(db: DbOrTx, key: string) {
  const [row] = await db.select().from(customerCategories).where(eq(customerCategories.key, key)).limit(1);
  return row;
}

/** Inserts unless the key exists; undefined when it does. */
export async function insertCategory(db: DbOrTx, values: typeof customerCategories.$inferInsert) {
  const [row] = await db.insert(customerCategories).values(values).onConflictDoNothing().returning();
  return row;
}

export async function updateCategory(db: DbOrTx, key: string, values: Partial<typeof customerCategories.$inferInsert>) {
  const [row] = await db.update(customerCategories).set(values).where(eq(customerCategories.key, key)).returning();
  return row;
}

export async function deleteCategory(db: DbOrTx, key: string) {
  await db.delete(customerCategories).where(eq(customerCategories.key, key));
}

export async function listMilestoneTypes(db: DbOrTx, activeOnly = false) {
  return db
    .select()
    .from(milestoneTypes)
    .where(activeOnly ? eq(milestoneTypes.isActive, true) : undefined)
    .orderBy(asc(milestoneTypes.sortOrder), asc(milestoneTypes.key));
}

export async function findMilestoneType(db: DbOrTx, key: string) {
  const [row] = await db.select().from(milestoneTypes).where(eq(milestoneTypes.key, key)).limit(1);
  return row;
}

export async function insertMilestoneType(db: DbOrTx, values: typeof milestoneTypes.$inferInsert) {
  const [row] = await db.insert(milestoneTypes).values(values).onConflictDoNothing().returning();
  return row;
}

export async function updateMilestoneType(
  db: DbOrTx,
  key: string,
  values: Partial<typeof milestoneTypes.$inferInsert>,
) {
  const [row] = await db.update(milestoneTypes).set(values).where(eq(milestoneTypes.key, key)).returning();
  return row;
}

export async function deleteMilestoneType(db: DbOrTx, key: string) {
  await db.delete(milestoneTypes).where(eq(milestoneTypes.key, key));
}

/** Customer-field definitions with the number of customers holding a (non-null) value for each. */
export async function listCustomFields(db: DbOrTx, activeOnly = false) {
  return db
    .select({
      field: customFieldDefinitions,
      usage: sql<number>`(SELECT count(*)::int FROM ${customers} c WHERE c.custom_fields -> ${customFieldDefinitions.key} <> 'null'::jsonb)`,
    })
    .from(customFieldDefinitions)
    .where(activeOnly ? eq(customFieldDefinitions.isActive, true) : undefined)
    .orderBy(asc(customFieldDefinitions.sortOrder), asc(customFieldDefinitions.key));
}

export async function findCustomField(db: DbOrTx, key: string) {
  const [row] = await db.select().from(customFieldDefinitions).where(eq(customFieldDefinitions.key, key)).limit(1);
  return row;
}

/** Customers (merged ones included: their data is kept) that hold a value for the field. */
export async function countCustomFieldUsage(db: DbOrTx, key: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(customers)
    .where(sql`${customers.customFields} -> ${key} <> 'null'::jsonb`);
  return row?.n ?? 0;
}

export async function insertCustomField(db: DbOrTx, values: typeof customFieldDefinitions.$inferInsert) {
  const [row] = await db.insert(customFieldDefinitions).values(values).onConflictDoNothing().returning();
  return row;
}

export async function updateCustomField(
  db: DbOrTx,
  key: string,
  values: Partial<typeof customFieldDefinitions.$inferInsert>,
) {
  const [row] = await db
    .update(customFieldDefinitions)
    .set(values)
    .where(eq(customFieldDefinitions.key, key))
    .returning();
  return row;
}

export async function deleteCustomField(db: DbOrTx, key: string) {
  await db.delete(customFieldDefinitions).where(eq(customFieldDefinitions.key, key));
}

function pgCode(error: unknown): string | undefined {
  const e = error as { code?: unknown; cause?: { code?: unknown } } | null;
  const code = e?.code ?? e?.cause?.code;
  return typeof code === 'string' ? code : undefined;
}

/**
 * Runs `remove` in a savepoint; when a foreign key still points at the row (customers of a
 * category, milestones of a type, or rows of modules added later) the savepoint is rolled back and
 * `false` is returned, so that the caller can deactivate the entry instead.
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
