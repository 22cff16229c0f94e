import { inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.js';
import type { RecordAudience } from '../../../lib/data-scope.js';
import { customerStaff, customers } from '../customers.tables.js';

/**
 * Who a customer concerns, by the rule of `customerScope` (customers.repository.ts): its owner and
 * its staff contacts. Registered with lib/data-scope.ts for the audit log and real-time events.
 */
export async function customerAudiences(db: DbOrTx, ids: string[]): Promise<Map<string, RecordAudience>> {
  // One after the other: this may run inside the caller's transaction (one connection).
  const owners = await db
    .select({ id: customers.id, ownerId: customers.ownerId })
    .from(customers)
    .where(inArray(customers.id, ids));
  const staff = await db
    .select({ customerId: customerStaff.customerId, userId: customerStaff.userId })
    .from(customerStaff)
    .where(inArray(customerStaff.customerId, ids));
  const result = new Map<string, RecordAudience>();
  for (const row of owners) result.set(row.id, { userIds: row.ownerId ? [row.ownerId] : [] });
  for (const row of staff) {
    const audience = result.get(row.customerId);
    if (audience && !audience.userIds.includes(row.userId)) audience.userIds.push(row.userId);
  }
  return result;
}
