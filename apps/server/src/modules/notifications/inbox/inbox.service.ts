import type { Locale, MessageRef } from '@kefu/shared';
import { renderRef } from '@kefu/shared';
import type { Actor } from '../../../lib/actor.js';
import { AppError } from '../../../lib/app-error.js';
import type { Deps } from '../../../lib/deps.js';
import type { PageQuery } from '../../../lib/pagination.js';
import * as repo from './inbox.repository.js';

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
