import { DEFAULT_LOCALE, type Locale } from '@kefu/shared';
import type { DbOrTx } from '../../../db/client.js';
import { recordEvent } from '../../../events/outbox.js';
import type { Actor, RequestContext } from '../../../lib/actor.js';
import { AppError } from '../../../lib/app-error.js';
import type { DeliveryChannel } from '../../../lib/channel-adapter.js';
import type { Deps } from '../../../lib/deps.js';
import { recordAudit } from '../../audit/index.js';
import { auditCustomerList, auditCustomerView } from '../../customers/index.js';
import type { NotificationStatus } from '../notifications.tables.js';
import type { TemplateVars } from '../templates/templates.render.js';
import { renderMessage } from '../templates/templates.resolve.js';
import type { Topic } from '../topics.js';
import { claimRow, recordOutcome, sendClaimed } from './deliver.js';
import * as repo from './delivery.repository.js';

type ActorCtx = RequestContext & { actor: Actor };

export type DeliveryListFilter = Omit<repo.DeliveryFilter, 'limit' | 'offset'> & { page?: number; pageSize?: number };
type Row = Awaited<ReturnType<typeof repo.listDeliveries>>['items'][number];
export type Delivery = Omit<Row, 'channel'> & { channel: DeliveryChannel };

/** Messages sent (or to send) by e-mail, SMS or robots, newest first: the delivery log, for robots' and webhooks' pages too. */
export async function listDeliveries(db: DbOrTx, filter: DeliveryListFilter) {
  const page = filter.page ?? 1;
  const pageSize = filter.pageSize ?? 20;
  const { items, total } = await repo.listDeliveries(db, {
    ...filter,
    limit: pageSize,
    offset: (page - 1) * pageSize,
  });
  return { items: items.map((i) => ({ ...i, channel: i.channel as DeliveryChannel })), total, page, pageSize };
}

/**
 * The delivery log as a person reads it: messages to customers show their contact and the text,
 * so the page's customers are on record (`customer.listed`, ADR 0006).
 */
export async function listDeliveriesRead(deps: Deps, ctx: RequestContext, filter: DeliveryListFilter) {
  const page = await listDeliveries(deps.database.db, filter);
  const customerIds = [...new Set(page.items.map((i) => i.customerId).filter((id): id is string => !!id))];
  await auditCustomerList(deps.database.db, ctx, 'notification_deliveries', customerIds, {
    page: page.page,
    ...(filter.recipient ? { recipient: filter.recipient } : {}),
  });
  return page;
}

/** One message with its tries; a message to a customer is a view of that customer (`customer.viewed`, ADR 0006). */
export async function readDelivery(deps: Deps, ctx: RequestContext, id: string) {
  const delivery = await getDelivery(deps, id);
  if (delivery.customerId) {
    await auditCustomerView(deps.database.db, ctx, delivery.customerId, 'notification', { notificationId: id });
  }
  return delivery;
}

export async function getDelivery(deps: Deps, id: string) {
  const row = await repo.findNotification(deps.database.db, id);
  if (!row || row.channel === 'in_app') throw new AppError('notifications.not_found', 404);
  const log = await repo.attemptsOf(deps.database.db, id);
  const { content: _content, readAt: _readAt, ...rest } = row;
  return { ...rest, channel: rest.channel as DeliveryChannel, log };
}

/**
 * Sends a message again from its first try: queued, its attempts counted from zero (the log
 * keeps the earlier ones). Audited; the job is sent by the `notification.queued` listener.
 */
export async function resendDelivery(deps: Deps, ctx: ActorCtx, id: string) {
  await deps.database.db.transaction(async (tx) => {
    const row = await repo.lockNotification(tx, id);
    if (!row) throw new AppError('notifications.not_found', 404);
    // In-app messages are not sent; one being sent right now is not sent twice.
    if (row.channel === 'in_app' || row.status === 'sending') throw new AppError('notifications.not_resendable', 409);
    await repo.updateNotification(tx, id, { status: 'queued', attempts: 0, nextAttemptAt: null, lastError: null });
    await recordAudit(tx, ctx, {
      action: 'notification.resent',
      entityType: 'notification',
      entityId: id,
      before: { status: row.status, attempts: row.attempts },
      after: { status: 'queued', attempts: 0 },
    });
    await recordEvent(tx, 'notification.queued', { ids: [id] }, ctx.actor.userId);
  });
  return getDelivery(deps, id);
}

export type SendNowInput = {
  channel: DeliveryChannel;
  recipient: string;
  topic: Topic;
  subject: string;
  body: string;
  vars?: TemplateVars;
  headers?: Record<string, unknown> | null;
  locale?: Locale;
  userId?: string | null;
  customerId?: string | null;
  ref?: string | null;
};

export type SendNowResult = {
  notificationId: string;
  ok: boolean;
  status: NotificationStatus;
  /** The peer's status (HTTP status, SMTP code), null when never reached. */
  response: { status: number | null; body: string | null };
  error: string | null;
};

/**
 * Stores a message and delivers it in this request (a robot's test button): one try, logged like
 * any other; no retry (a failure is `dead` at once), no rate limit or quiet hours.
 */
export async function sendNow(deps: Deps, input: SendNowInput): Promise<SendNowResult> {
  const claim = await deps.database.db.transaction(async (tx) => {
    const locale = input.locale ?? DEFAULT_LOCALE;
    const rendered = await renderMessage(
      tx,
      { topic: input.topic, channel: input.channel, locale },
      { subject: input.subject, body: input.body },
      input.vars ?? {},
    );
    const now = new Date();
    const [id] = await repo.insertNotifications(tx, [
      {
        channel: input.channel,
        recipient: input.recipient,
        topic: input.topic,
        subject: rendered.subject,
        body: rendered.body,
        locale,
        headers: input.headers ?? null,
        userId: input.userId ?? null,
        customerId: input.customerId ?? null,
        ref: input.ref ?? null,
        status: 'queued',
        createdAt: now,
      },
    ]);
    const row = await repo.lockNotification(tx, id as string);
    if (!row) throw new Error('sendNow: the message vanished');
    return claimRow(tx, row, now, { maxAttempts: 1, retry: false });
  });
  // Sent outside any transaction; the outcome recorded in a second one.
  const result = await sendClaimed(deps, claim);
  const outcome = await deps.database.db.transaction((tx) => recordOutcome(tx, deps, claim, result));
  return {
    notificationId: claim.row.id,
    ok: result.ok,
    status: outcome.status === 'sent' ? 'sent' : 'dead',
    response: { status: result.status ?? null, body: result.response ?? null },
    error: result.error ?? null,
  };
}
