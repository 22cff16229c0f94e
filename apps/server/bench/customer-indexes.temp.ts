import type { Database } from '../src/db/client.js';

// TEMP until migration `customer_filter_indexes`: delete this file and its call in customers-list.ts
// once the lead has generated that migration from src/db/schema/customers.ts.
//
// The customer-list indexes of the schema that no migration creates yet, applied by hand to the
// benchmark's database (right after migrating, on an empty table: customers-volume.ts then drops
// and rebuilds them with the others around the bulk load). Idempotent.
export const TEMP_CUSTOMER_INDEXES = [
  'DROP INDEX IF EXISTS customers_updated_idx',
  'CREATE INDEX customers_updated_idx ON customers (updated_at, id, merged_into_id)',
  'DROP INDEX IF EXISTS customers_category_idx',
  'CREATE INDEX customers_category_idx ON customers (category_key, updated_at, id, merged_into_id)',
  'DROP INDEX IF EXISTS customers_region_idx',
  'CREATE INDEX customers_region_idx ON customers (region, updated_at, id, merged_into_id)',
  'DROP INDEX IF EXISTS customers_key_idx',
  'CREATE INDEX customers_key_idx ON customers (updated_at, id, merged_into_id) WHERE is_key',
  'CREATE INDEX IF NOT EXISTS customers_grade_region_idx ON customers (grade, region, updated_at, id, merged_into_id)',
  'CREATE INDEX IF NOT EXISTS customers_key_category_idx ON customers (category_key, updated_at, id, merged_into_id) WHERE is_key',
  'DROP INDEX IF EXISTS customers_custom_fields_idx',
  'CREATE INDEX IF NOT EXISTS customers_custom_fields_path_idx ON customers USING gin (custom_fields jsonb_path_ops)',
];

// TEMP until migration `customer_filter_indexes`.
export async function applyTempCustomerIndexes(database: Database): Promise<void> {
  for (const statement of TEMP_CUSTOMER_INDEXES) await database.executeSql(statement);
}
