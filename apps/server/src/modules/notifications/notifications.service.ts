import { DEFAULT_LOCALE, type Locale, type MessageRef, renderRef } from '@kefu/shared';
import type { DbOrTx } from '../../db/client.js';
import type { Actor } from '../../lib/actor.js';
import { AppError } from '../../lib/app-error.js';
import type { Deps } from '../../lib/deps.js';
import type { PageQuery } from '../../lib/pagination.js';
import * as repo from './notifications.repository.js';
import type { NotificationChannel } from './notifications.tables.js';

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
  /** What caused it, e.g. `handover:<id>`. */
  ref?: string | null;
} & (
  | {
      /** Catalog keys + params: worded in the reader's language when listed (in-app). */
      content: NotificationContent;
      /** The recipient's language, for the stored wording (what a delivery adapter sends); zh-CN by default. */
      locale?: Locale;
    }
  /** Text written by a person (e.g. a customer notice template): stored and shown as is. */
  | { subject: string; body: string }
);

export type NotificationContent = { subject: MessageRef; body: MessageRef };

/** A notification in `locale`: from its keys when it has them, else its stored text (older rows). */
export function wordNotification<T extends { subject: string; body: string; content?: NotificationContent | null }>(
  row: T,
  locale: Locale,
): Omit<T, 'content'> {
  const { content, ...rest } = row;
  return content
    ? { ...rest, subject: renderRef(locale, content.subject), body: renderRef(locale, content.body) }
    : rest;
}

function toRow(input: NotificationInput, now: Date): repo.NotificationInsert {
  const inApp = input.channel === 'in_app';
  const text =
    'content' in input
      ? {
          subject: renderRef(input.locale ?? DEFAULT_LOCALE, input.content.subject),
          body: renderRef(input.locale ?? DEFAULT_LOCALE, input.content.body),
          content: input.content,
        }
      : { subject: input.subject, body: input.body };
  return {
    channel: input.channel,
    recipient: input.recipient,
    ...text,
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

/** The caller's in-app notifications, worded in `locale` (the request's language). */
export async function listMyNotifications(
  deps: Deps,
  actor: Actor,
  unreadOnly: boolean,
  page: Omit<PageQuery, 'sort'>,
  locale: Locale = actor.locale,
) {
  const {
    items: rows,
    total,
    unread,
  } = await repo.listInApp(deps.database.db, actor.userId, unreadOnly, page.pageSize, (page.page - 1) * page.pageSize);
  const items = rows.map((row) => wordNotification(row, locale));
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
