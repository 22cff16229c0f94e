import { and, count, desc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.js';
import { inOrder } from '../../../lib/in-order.js';
import { userNameSql } from '../../users/index.js';
import { customerTimeline, milestoneTypes } from '../customers.tables.js';

export type TimelineInsert = typeof customerTimeline.$inferInsert;

export async function insertTimelineEntries(db: DbOrTx, entries: TimelineInsert[]) {
  if (entries.length > 0) await db.insert(customerTimeline).values(entries);
}

export async function listTimeline(
  db: DbOrTx,
  customerId: string,
  kinds: string[] | undefined,
  limit: number,
  offset: number,
) {
  const where = and(
    eq(customerTimeline.customerId, customerId),
    kinds?.length ? inArray(customerTimeline.kind, kinds) : undefined,
  );
  const [items, totals] = await inOrder([
    db
      .select({
        id: customerTimeline.id,
        at: customerTimeline.at,
        kind: customerTimeline.kind,
        channel: customerTimeline.channel,
        direction: customerTimeline.direction,
        title: customerTimeline.title,
        body: customerTimeline.body,
        actorId: customerTimeline.actorId,
        actorName: userNameSql(customerTimeline.actorId),
        before: customerTimeline.before,
        after: customerTimeline.after,
        refType: customerTimeline.refType,
        refId: customerTimeline.refId,
      })
      .from(customerTimeline)
      .where(where)
      .orderBy(desc(customerTimeline.at), desc(customerTimeline.id))
      .limit(limit)
      .offset(offset),
    db.select({ total: count() }).from(customerTimeline).where(where),
  ]);
  return { items, total: totals[0]?.total ?? 0 };
}

export async function moveTimeline(db: DbOrTx, fromCustomerId: string, toCustomerId: string) {
  await db
    .update(customerTimeline)
    .set({ customerId: toCustomerId })
    .where(eq(customerTimeline.customerId, fromCustomerId));
}

/** Milestone type names by key, in `locale` (English falls back to the Chinese name). */
export async function milestoneTypeNames(db: DbOrTx, locale: 'zh-CN' | 'en') {
  const rows = await db
    .select({ key: milestoneTypes.key, name: milestoneTypes.name, nameEn: milestoneTypes.nameEn })
    .from(milestoneTypes);
  return new Map(rows.map((r) => [r.key, locale === 'en' ? (r.nameEn ?? r.name) : r.name]));
}
