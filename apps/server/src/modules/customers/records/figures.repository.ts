import { desc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.js';
import { customerBusinessFigures } from '../customers.tables.js';

export type FiguresInsert = typeof customerBusinessFigures.$inferInsert;

/** Yearly business figures of a customer, latest year first (revenue as a number). */
export async function listFigures(db: DbOrTx, customerId: string) {
  return db
    .select({
      year: customerBusinessFigures.year,
      revenue: sql<number | null>`${customerBusinessFigures.revenue}::float8`,
      orderCount: customerBusinessFigures.orderCount,
      paymentRecord: customerBusinessFigures.paymentRecord,
      notes: customerBusinessFigures.notes,
    })
    .from(customerBusinessFigures)
    .where(eq(customerBusinessFigures.customerId, customerId))
    .orderBy(desc(customerBusinessFigures.year));
}

/** Inserts or replaces the figures of each given year; other years stay as they are. */
export async function upsertFigures(db: DbOrTx, rows: FiguresInsert[]) {
  if (rows.length === 0) return;
  await db
    .insert(customerBusinessFigures)
    .values(rows)
    .onConflictDoUpdate({
      target: [customerBusinessFigures.customerId, customerBusinessFigures.year],
      set: {
        revenue: sql`excluded.revenue`,
        orderCount: sql`excluded.order_count`,
        paymentRecord: sql`excluded.payment_record`,
        notes: sql`excluded.notes`,
      },
    });
}
