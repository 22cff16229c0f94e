import { inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import type { RecordAudience } from '../../lib/data-scope.js';
import { handovers } from './handover.tables.js';

/** Who a handover concerns, by the rule of `listHandoversInScope`: the leaving and the receiving user. */
export async function handoverAudiences(db: DbOrTx, ids: string[]): Promise<Map<string, RecordAudience>> {
  const rows = await db
    .select({ id: handovers.id, fromUserId: handovers.fromUserId, toUserId: handovers.toUserId })
    .from(handovers)
    .where(inArray(handovers.id, ids));
  return new Map(rows.map((r) => [r.id, { userIds: [r.fromUserId, r.toUserId] }]));
}
