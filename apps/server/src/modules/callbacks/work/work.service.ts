import { type Locale, t } from '@kefu/shared';
import { and, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.js';
import type { Actor, RequestContext } from '../../../lib/actor.js';
import { AppError } from '../../../lib/app-error.js';
import { dayIn } from '../../../lib/calendar-day.js';
import type { Deps } from '../../../lib/deps.js';
import { auditCustomerView, customerTimelineEntries } from '../../customers/index.js';
import { customerQuietWindows } from '../settings/settings.repository.js';
import * as repo from './work.repository.js';
import type { ListCallbacksQuery } from './work.schemas.js';

export type Ctx = RequestContext & { actor: Actor };

type ListRow = Awaited<ReturnType<typeof repo.listCallbacks>>['items'][number];

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

export const statusLabel = (locale: Locale, status: string) =>
  t(locale, `label.callback_status.${status}` as 'label.callback_status.pending');
export const sourceLabel = (locale: Locale, kind: string) =>
  t(locale, `label.callback_source.${kind}` as 'label.callback_source.milestone');
const channelLabel = (locale: Locale, channel: string) =>
  t(locale, `label.callback_channel.${channel}` as 'label.callback_channel.call');

/** The purpose of a callback made without a plan step (a low score, an abandoned call). */
const defaultPurpose = (locale: Locale, kind: string) =>
  kind === 'low_score'
    ? t(locale, 'callback.low_score.purpose')
    : kind === 'call'
      ? t(locale, 'callback.abandoned_call.purpose')
      : null;

export function itemView(row: ListRow, locale: Locale, now: Date) {
  return {
    id: row.id,
    customer: { id: row.customerId, name: row.customerName ?? '' },
    sourceKind: row.sourceKind,
    sourceLabel: sourceLabel(locale, row.sourceKind),
    sourceId: row.sourceId,
    planId: row.planId,
    campaignId: row.campaignId,
    channel: row.channel,
    channelLabel: channelLabel(locale, row.channel),
    purpose: row.purpose ?? defaultPurpose(locale, row.sourceKind),
    status: row.status,
    statusLabel: statusLabel(locale, row.status),
    assignee: row.assigneeId ? { id: row.assigneeId, displayName: row.assigneeName ?? '' } : null,
    dueDate: row.dueDate,
    scheduledAt: iso(row.scheduledAt) as string,
    dueAt: iso(row.dueAt) as string,
    deadlineAt: iso(row.deadlineAt),
    overdue: row.status === 'pending' && row.deadlineAt !== null && new Date(row.deadlineAt) < now,
    attempts: row.attempts,
    reached: row.reached,
    needsWriteUp: row.status === 'unreached' && row.writeUp === null,
    completedAt: iso(row.completedAt),
    complaintTicketId: row.complaintTicketId,
  };
}

/**
 * The callbacks list, ordered by when to call (the retry time, else the scheduled time — never
 * inside quiet hours: both are placed outside them). Without `callbacks.manage`: only mine.
 */
export async function listCallbacks(deps: Deps, ctx: Ctx, query: ListCallbacksQuery) {
  const { db } = deps.database;
  const now = new Date();
  const today = dayIn(now, deps.config.timezone);
  const manage = ctx.actor.permissions.has('callbacks.manage');
  const mine = !manage || query.mine === true;
  const where: SQL[] = [
    repo.callbackScope(ctx.actor),
    ...repo.filterWhere(
      {
        assigneeId: mine ? ctx.actor.userId : query.assigneeId,
        unassigned: mine ? undefined : query.unassigned,
        status: query.status,
        due: query.due,
        campaignId: query.campaignId,
        customerId: query.customerId,
      },
      today,
      now,
    ),
  ];
  const { items, total } = await repo.listCallbacks(
    db,
    and(...where) as SQL,
    query.pageSize,
    (query.page - 1) * query.pageSize,
  );
  return {
    items: items.map((row) => itemView(row, ctx.locale, now)),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

export async function countMyCallbacks(deps: Deps, ctx: Ctx) {
  return countCallbacksOf(deps.database.db, ctx.actor.userId, deps.config.timezone);
}

/** A person's callbacks: due today (or earlier, still pending), overdue, unreached awaiting a write-up. */
export async function countCallbacksOf(db: DbOrTx, userId: string, timeZone: string) {
  const now = new Date();
  return repo.countMine(db, userId, dayIn(now, timeZone), now);
}

/**
 * One callback before the call: the callback, its script, the customer's other callbacks and the
 * customer's contact history (the customer timeline). Showing the customer's history is an audited
 * read of the customer (ADR 0006); out of scope → 404.
 */
export async function getCallback(deps: Deps, ctx: Ctx, id: string) {
  const { db } = deps.database;
  const now = new Date();
  const row = await repo.findCallbackView(db, ctx.actor, id);
  if (!row) throw new AppError('callbacks.not_found', 404);
  const [attempts, history, contacts, ownQuietWindows] = [
    await repo.listAttempts(db, id),
    await repo.customerCallbackHistory(db, row.customerId, id),
    await customerTimelineEntries(db, row.customerId, ctx.locale, 50),
    await customerQuietWindows(db, row.customerId),
  ];
  await auditCustomerView(db, ctx, row.customerId, 'timeline', { callbackId: id });
  const script =
    row.script ??
    t(ctx.locale, row.sourceKind === 'low_score' ? 'callback.low_score.script' : 'callback.default_script', {
      company: { key: 'callback.company' },
    });
  return {
    ...itemView(row, ctx.locale, now),
    script,
    satisfaction: row.satisfaction,
    opinion: row.opinion,
    staffRatings: row.staffRatings,
    writeUp: row.writeUp,
    customerQuietWindows: ownQuietWindows,
    attemptLog: attempts.map((a) => ({
      number: a.number,
      at: iso(a.at) as string,
      by: a.byId ? { id: a.byId, displayName: a.byName ?? '' } : null,
      reached: a.reached,
      note: a.note,
    })),
    history: history.map((h) => ({
      ...h,
      sourceLabel: sourceLabel(ctx.locale, h.sourceKind),
      statusLabel: statusLabel(ctx.locale, h.status),
      completedAt: iso(h.completedAt),
    })),
    contacts: contacts.map((c) => ({
      id: c.id,
      at: iso(c.at) as string,
      kind: c.kind,
      channel: c.channel,
      direction: c.direction,
      title: c.title,
      body: c.body,
      actorName: c.actorName,
    })),
  };
}
