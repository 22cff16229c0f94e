import { asc, count, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.js';
import { keyedTable } from '../../../lib/keyed-table.js';
import { customerCategories, customers, customFieldDefinitions, milestoneTypes } from '../customers.tables.js';

/**
 * Runs a delete in a savepoint; `false` when a foreign key still points at the row (customers of a
 * category, milestones of a type, or rows of modules added later): deactivate the entry instead.
 */
export { tryDelete } from '../../../lib/keyed-table.js';

export type CategoryRow = typeof customerCategories.$inferSelect;
export type MilestoneTypeRow = typeof milestoneTypes.$inferSelect;
export type CustomFieldRow = typeof customFieldDefinitions.$inferSelect;

export const {
  list: listCategories,
  find: findCategory,
  insert: insertCategory,
  update: updateCategory,
  delete: deleteCategory,
} = keyedTable(customerCategories);

export const {
  list: listMilestoneTypes,
  find: findMilestoneType,
  insert: insertMilestoneType,
  update: updateMilestoneType,
  delete: deleteMilestoneType,
} = keyedTable(milestoneTypes);

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

export const {
  find: findCustomField,
  insert: insertCustomField,
  update: updateCustomField,
  delete: deleteCustomField,
} = keyedTable(customFieldDefinitions);

/** Customers (merged ones included: their data is kept) that hold a value for the field. */
export async function countCustomFieldUsage(db: DbOrTx, key: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(customers)
    .where(sql`${customers.customFields} -> ${key} <> 'null'::jsonb`);
  return row?.n ?? 0;
}
