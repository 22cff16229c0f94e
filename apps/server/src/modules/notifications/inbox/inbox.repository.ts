import { and, count, desc, eq, gt, isNull, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.js';
import { inOrder } from '../../../lib/in-order.js';
import { notifications } from '../notifications.tables.js';

/** In-app notifications are addressed to a user id; nobody else's are ever matched. */
function mine(userId: string): SQL {
  return and(eq(notifications.channel, 'in_app'), eq(notifications.recipient, userId)) as SQL;
}

export async function listInApp(db: DbOrTx, userId: string, unreadOnly: boolean, limit: number, offset: number) {
  const where = and(mine(userId), unreadOnly ? isNull(notifications.readAt) : undefined);
  const [items, totals, unread] = await inOrder([
    db
      .select({
        id: notifications.id,
        subject: notifications.subject,
        body: notifications.body,
        content: notifications.content,
        ref: notifications.ref,
        createdAt: notifications.createdAt,
        readAt: notifications.readAt,
      })
      .from(notifications)
      .where(where)
      .orderBy(desc(notifications.createdAt), desc(notifications.id))
      .limit(limit)
      .offset(offset),
    db.select({ n: count() }).from(notifications).where(where),
    db
      .select({ n: count() })
      .from(notifications)
      .where(and(mine(userId), isNull(notifications.readAt))),
  ]);
  return { items, total: totals[0]?.n ?? 0, unread: unread[0]?.n ?? 0 };
}

/** Marks one of the user's in-app notifications read (once); false when it is not theirs. */
export async function markRead(db: DbOrTx, userId: string, id: string, at: Date) {
  const [found] = await db
    .select({ readAt: notifications.readAt })
    .from(notifications)
    .where(and(mine(userId), eq(notifications.id, id)))
    .limit(1);
  if (!found) return false;
  if (!found.readAt) await db.update(notifications).set({ readAt: at }).where(eq(notifications.id, id));
  return true;
}

export async function markAllRead(db: DbOrTx, userId: string, at: Date) {
  await db
    .update(notifications)
    .set({ readAt: at })
    .where(and(mine(userId), isNull(notifications.readAt)));
}

/** Whether a notification with this ref was written after `since` (announce once per window). */
export async function notifiedSince(db: DbOrTx, ref: string, since: Date): Promise<boolean> {
  const [row] = await db
    .select({ id: notifications.id })
    .from(notifications)
    .where(and(eq(notifications.ref, ref), gt(notifications.createdAt, since)))
    .limit(1);
  return row !== undefined;
}
