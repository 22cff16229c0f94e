import type { DbOrTx } from '../../db/client.js';
import type { NotificationChannel } from '../../db/schema/index.js';
import type { Actor } from '../../lib/actor.js';
import { AppError } from '../../lib/app-error.js';
import type { Deps } from '../../lib/deps.js';
import type { PageQuery } from '../../lib/pagination.js';
import * as repo from './notifications.repository.js';

/**
 * The notification layer: other modules hand it messages inside their own transaction, so a
 * message exists exactly when the change that caused it committed.
 * - `in_app` messages (recipient: a user id) are delivered by being stored: status `sent`; the
 *   user reads them through `GET /api/v1/notifications/mine`.
 * - `email` and `sms` messages (recipient: an address or a phone number) are stored `queued`.
 *   No delivery adapter exists yet: one will pick up queued rows, send them and set `sent` or
 *   `failed` with `sent_at`. Until then they are the record of what would be sent.
 */
export type NotificationInput = {
  channel: NotificationChannel;
  recipient: string;
  subject: string;
  body: string;
  /** What caused it, e.g. `handover:<id>`. */
  ref?: string | null;
};

function toRow(input: NotificationInput, now: Date): repo.NotificationInsert {
  const inApp = input.channel === 'in_app';
  return {
    ...input,
    ref: input.ref ?? null,
    status: inApp ? 'sent' : 'queued',
    sentAt: inApp ? now : null,
    createdAt: now,
  };
}

export async function queueNotification(tx: DbOrTx, input: NotificationInput): Promise<string> {
  const [id] = await repo.insertNotifications(tx, [toRow(input, new Date())]);
  return id as string;
}

/** Many at once (a batch insert per 1000); returns the new ids. */
export async function queueNotifications(tx: DbOrTx, inputs: NotificationInput[]): Promise<string[]> {
  const now = new Date();
  return repo.insertNotifications(
    tx,
    inputs.map((input) => toRow(input, now)),
  );
}

export async function listMyNotifications(
  deps: Deps,
  actor: Actor,
  unreadOnly: boolean,
  page: Omit<PageQuery, 'sort'>,
) {
  const { items, total, unread } = await repo.listInApp(
    deps.database.db,
    actor.userId,
    unreadOnly,
    page.pageSize,
    (page.page - 1) * page.pageSize,
  );
  return { items, total, unread, page: page.page, pageSize: page.pageSize };
}

/** Read state is the reader's own bookkeeping, not a change to a record: it is not audited. */
export async function markNotificationRead(deps: Deps, actor: Actor, id: string) {
  if (!(await repo.markRead(deps.database.db, actor.userId, id, new Date()))) {
    throw new AppError('notifications.not_found', 404);
  }
}

export async function markAllNotificationsRead(deps: Deps, actor: Actor) {
  await repo.markAllRead(deps.database.db, actor.userId, new Date());
}
