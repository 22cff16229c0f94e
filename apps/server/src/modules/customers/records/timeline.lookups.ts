import type { Locale } from '@kefu/shared';
import type { DbOrTx } from '../../../db/client.js';
import { listTimeline, milestoneTypeNames } from './timeline.repository.js';
import { wordTimeline } from './timeline.text.js';

/**
 * The newest `limit` entries of a customer's timeline (contacts, tickets, milestones, changes), worded
 * in `locale`, for another module that has already checked the caller may see the customer (a
 * callback's specialist before the call) and writes the audit entry itself (`auditCustomerView`).
 */
export async function customerTimelineEntries(db: DbOrTx, customerId: string, locale: Locale, limit = 50) {
  const { items } = await listTimeline(db, customerId, undefined, limit, 0);
  const milestones = items.some((r) => r.kind === 'milestone') ? await milestoneTypeNames(db, locale) : new Map();
  return wordTimeline(items, locale, milestones);
}
