import { and, asc, count, desc, eq, gte, inArray, lt, ne, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.js';
import { inOrder } from '../../../lib/in-order.js';
import { type NotificationStatus, notificationAttempts, notifications } from '../notifications.tables.js';

export type NotificationInsert = typeof notifications.$inferInsert;
export type NotificationRow = typeof notifications.$inferSelect;
export type AttemptInsert = typeof notificationAttempts.$inferInsert;

const INSERT_CHUNK = 1000;

export async function insertNotifications(db: DbOrTx, rows: NotificationInsert[]) {
  const ids: string[] = [];
  for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
    const inserted = await db
      .insert(notifications)
      .values(rows.slice(i, i + INSERT_CHUNK))
      .returning({ id: notifications.id });
    ids.push(...inserted.map((r) => r.id));
  }
  return ids;
}

/** The row, locked until the transaction ends: a second delivery of it waits, then sees what the first did. */
export async function lockNotification(db: DbOrTx, id: string): Promise<NotificationRow | undefined> {
  const [row] = await db.select().from(notifications).where(eq(notifications.id, id)).for('update').limit(1);
  return row;
}

export async function findNotification(db: DbOrTx, id: string): Promise<NotificationRow | undefined> {
  const [row] = await db.select().from(notifications).where(eq(notifications.id, id)).limit(1);
  return row;
}

export async function updateNotification(db: DbOrTx, id: string, set: Partial<NotificationInsert>) {
  await db.update(notifications).set(set).where(eq(notifications.id, id));
}

export async function insertAttempt(db: DbOrTx, values: AttemptInsert) {
  await db.insert(notificationAttempts).values(values);
}

/** Tries logged for a message so far (the next one's number is this + 1). */
export async function attemptCount(db: DbOrTx, notificationId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(notificationAttempts)
    .where(eq(notificationAttempts.notificationId, notificationId));
  return row?.n ?? 0;
}

/** Successful sends of a channel since `since`, and the oldest of them (the rate limit's window). */
export async function okAttemptsSince(db: DbOrTx, channel: string, since: Date) {
  const [row] = await db
    .select({ n: count(), oldest: sql<string | null>`min(${notificationAttempts.at})` })
    .from(notificationAttempts)
    .where(
      and(
        eq(notificationAttempts.channel, channel),
        gte(notificationAttempts.at, since),
        eq(notificationAttempts.ok, true),
      ),
    );
  return { count: row?.n ?? 0, oldest: row?.oldest ? new Date(row.oldest) : null };
}

/** Queued rows to deliver (the listener sends their jobs). */
export async function queuedRows(db: DbOrTx, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .select({
      id: notifications.id,
      channel: notifications.channel,
      customerId: notifications.customerId,
      nextAttemptAt: notifications.nextAttemptAt,
    })
    .from(notifications)
    .where(
      and(inArray(notifications.id, ids), eq(notifications.status, 'queued'), ne(notifications.channel, 'in_app')),
    );
}

/** Rows waiting to be delivered whose time came more than `graceMs` ago: their job was lost (or never sent). */
export async function overdueRows(db: DbOrTx, now: Date, graceMs: number, limit: number) {
  const before = new Date(now.getTime() - graceMs);
  return db
    .select({ id: notifications.id })
    .from(notifications)
    .where(
      and(
        inArray(notifications.status, ['queued', 'failed', 'sending']),
        ne(notifications.channel, 'in_app'),
        lt(sql`coalesce(${notifications.nextAttemptAt}, ${notifications.createdAt})`, before),
      ),
    )
    .orderBy(asc(notifications.createdAt))
    .limit(limit);
}

export type DeliveryFilter = {
  status?: NotificationStatus;
  channel?: string;
  topic?: string;
  recipient?: string;
  limit: number;
  offset: number;
};

/** Delivered messages (every channel but in-app), newest first. */
export async function listDeliveries(db: DbOrTx, filter: DeliveryFilter) {
  const where = and(
    ne(notifications.channel, 'in_app'),
    filter.status ? eq(notifications.status, filter.status) : undefined,
    filter.channel ? eq(notifications.channel, filter.channel as NotificationRow['channel']) : undefined,
    filter.topic ? eq(notifications.topic, filter.topic) : undefined,
    filter.recipient ? eq(notifications.recipient, filter.recipient) : undefined,
  ) as SQL;
  const [items, totals] = await inOrder([
    db
      .select({
        id: notifications.id,
        channel: notifications.channel,
        recipient: notifications.recipient,
        topic: notifications.topic,
        subject: notifications.subject,
        status: notifications.status,
        attempts: notifications.attempts,
        lastError: notifications.lastError,
        nextAttemptAt: notifications.nextAttemptAt,
        userId: notifications.userId,
        customerId: notifications.customerId,
        ref: notifications.ref,
        createdAt: notifications.createdAt,
        sentAt: notifications.sentAt,
      })
      .from(notifications)
      .where(where)
      .orderBy(desc(notifications.createdAt), desc(notifications.id))
      .limit(filter.limit)
      .offset(filter.offset),
    db.select({ n: count() }).from(notifications).where(where),
  ]);
  return { items, total: totals[0]?.n ?? 0 };
}

export async function attemptsOf(db: DbOrTx, notificationId: string) {
  return db
    .select()
    .from(notificationAttempts)
    .where(eq(notificationAttempts.notificationId, notificationId))
    .orderBy(asc(notificationAttempts.at), asc(notificationAttempts.attempt));
}
