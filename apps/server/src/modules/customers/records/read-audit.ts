import type { DbOrTx } from '../../../db/client.js';
import type { RequestContext } from '../../../lib/actor.js';
import { recordAudit } from '../../audit/index.js';

/**
 * Reads of customer data that are audited (ADR 0006). What a person was shown of which customer is
 * on record, one entry per request:
 * - a view of one customer's file or a part of it → `customer.viewed`, the customer as the entity,
 *   `details.view` naming the part (file, timeline, milestones, figures, evaluations, …);
 * - a page of a list or search of customers → `customer.listed`, `details.ids` the customers shown;
 * - an export → `customer.exported`, then `customer.exported_rows` per batch with the ids sent.
 * Written after the scope check and the read, before the answer leaves: a read whose entry cannot
 * be written fails (the person is shown nothing that is not on record).
 */
export type CustomerView =
  | 'file'
  | 'timeline'
  | 'milestones'
  | 'figures'
  | 'evaluations'
  | 'grade_history'
  | 'grade_at'
  | 'duplicates'
  | 'tickets'
  /** A message Kefu sent (or will send) to the customer, in the delivery log. */
  | 'notification';

export async function auditCustomerView(
  db: DbOrTx,
  ctx: RequestContext,
  customerId: string,
  view: CustomerView,
  details: Record<string, unknown> = {},
) {
  await recordAudit(db, ctx, {
    action: 'customer.viewed',
    entityType: 'customer',
    entityId: customerId,
    details: { view, ...details },
  });
}

/**
 * One entry for a page of customers shown together (nothing when the page is empty). `ownerIds`
 * (when the page has them at hand) tell the audit log whom the entry concerns, without a query.
 */
export async function auditCustomerList(
  db: DbOrTx,
  ctx: RequestContext,
  list: string,
  ids: string[],
  details: Record<string, unknown> = {},
  ownerIds?: (string | null)[],
) {
  if (ids.length === 0) return;
  const owners = ownerIds && [...new Set(ownerIds.filter((id): id is string => !!id))];
  await recordAudit(db, ctx, {
    action: 'customer.listed',
    entityType: 'customer',
    details: { list, ids, ...details },
    ...(owners ? { audience: { userIds: owners } } : {}),
  });
}
