import type { Locale } from '@kefu/shared';
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.js';
import type { Actor } from '../../../lib/actor.js';
import { notFound } from '../../../lib/app-error.js';
import type { Deps } from '../../../lib/deps.js';
import { customerCodeSql, customerNameSql } from '../../customers/index.js';
import { departmentNameSql } from '../../departments/index.js';
import { userNameSql } from '../../users/index.js';
import { dueAtOf, isTicketOverdue } from '../queue/ticket-due.js';
import { wordHistoryEntry } from './history.text.js';
import { isOpen } from './open-ticket.js';
import { availableActions, type TicketStatus } from './tickets.lifecycle.js';
import { missingFacts } from './tickets.protocol.js';
import * as repo from './tickets.repository.js';
import type { Ticket } from './tickets.schemas.js';

const iso = (value: Date | string | null | undefined) =>
  value === null || value === undefined ? null : new Date(value).toISOString();

/** Names of what a ticket refers to, read in one round trip. */
async function ticketNames(db: DbOrTx, row: repo.TicketRow) {
  const result = await db.execute<{
    customer_code: string | null;
    customer_name: string | null;
    assignee_name: string | null;
    creator_name: string | null;
    department_name: string | null;
  }>(sql`SELECT
      ${customerCodeSql(sql`${row.customerId}::uuid`)} AS customer_code,
      ${customerNameSql(sql`${row.customerId}::uuid`)} AS customer_name,
      ${userNameSql(sql`${row.assigneeId}::uuid`)} AS assignee_name,
      ${userNameSql(sql`${row.createdBy}::uuid`)} AS creator_name,
      ${departmentNameSql(sql`${row.departmentId}::uuid`)} AS department_name`);
  return result.rows[0];
}

export function isReplyOverdue(status: string, nextReplyAt: Date | string | null, now = new Date()) {
  return nextReplyAt !== null && isOpen(status as TicketStatus) && new Date(nextReplyAt).getTime() < now.getTime();
}

export async function toTicketDto(
  db: DbOrTx,
  actor: Actor,
  row: repo.TicketRow,
  isComplaint: boolean,
): Promise<Ticket> {
  const names = await ticketNames(db, row);
  const watchers = await repo.listWatchers(db, row.id);
  return {
    id: row.id,
    number: row.number,
    typeKey: row.typeKey,
    isComplaint,
    channel: row.channel,
    priority: row.priority,
    status: row.status,
    subject: row.subject,
    description: row.description,
    isMajor: row.isMajor,
    majorReportedAt: iso(row.majorReportedAt),
    customerId: row.customerId,
    customer:
      row.customerId && names?.customer_name
        ? { id: row.customerId, code: names.customer_code ?? '', name: names.customer_name }
        : null,
    contactId: row.contactId,
    contactName: row.contactName,
    contactPhone: row.contactPhone,
    assignee: row.assigneeId ? { id: row.assigneeId, displayName: names?.assignee_name ?? '' } : null,
    createdBy: row.createdBy ? { id: row.createdBy, displayName: names?.creator_name ?? '' } : null,
    departmentId: row.departmentId,
    departmentName: names?.department_name ?? null,
    tags: row.tags,
    customFields: row.customFields,
    nextReplyAt: iso(row.nextReplyAt),
    replyOverdue: isReplyOverdue(row.status, row.nextReplyAt),
    waitingOn: row.waitingOn,
    slaDueAt: iso(row.slaDueAt),
    slaState: row.slaState,
    dueAt: iso(dueAtOf(row)),
    overdue: isTicketOverdue(row),
    firstContactResolved: row.firstContactResolved,
    facts: row.facts,
    missingFacts: isComplaint ? missingFacts(row.facts) : [],
    resolutionProcess: row.resolutionProcess,
    resolutionResult: row.resolutionResult,
    feedbackSatisfied: row.feedbackSatisfied,
    feedbackNote: row.feedbackNote,
    rootCauseKey: row.rootCauseKey,
    rootCause: row.rootCause,
    summary: row.summary,
    mergedIntoId: row.mergedIntoId,
    firstResponseAt: iso(row.firstResponseAt),
    classifiedAt: iso(row.classifiedAt),
    resolvedAt: iso(row.resolvedAt),
    closedAt: iso(row.closedAt),
    createdAt: iso(row.createdAt) as string,
    updatedAt: iso(row.updatedAt) as string,
    version: row.version,
    actions: availableActions(row.status, actor.permissions, isComplaint),
    watchers,
  };
}

export async function getTicket(deps: Deps, actor: Actor, id: string, db: DbOrTx = deps.database.db) {
  const found = await repo.findTicketInScope(db, actor, id);
  if (!found) throw notFound('tickets.not_found');
  return toTicketDto(db, actor, found.ticket, found.isComplaint);
}

export async function getTicketMessages(deps: Deps, actor: Actor, id: string) {
  const db = deps.database.db;
  if (!(await repo.findTicketInScope(db, actor, id))) throw notFound('tickets.not_found');
  const rows = await repo.listMessages(db, id);
  return rows.map((m) => ({
    id: m.id,
    kind: m.kind,
    channel: m.channel as Ticket['channel'] | null,
    body: m.body,
    author: m.author_id ? { id: m.author_id, displayName: m.author_name ?? '' } : null,
    forbiddenOverride: m.forbidden_override,
    movedFromTicketId: m.moved_from_ticket_id,
    createdAt: new Date(m.created_at).toISOString(),
  }));
}

/** The history, worded in `locale` (title, note, labelled changes) beside the stored action and snapshots. */
export async function getTicketHistory(deps: Deps, actor: Actor, id: string, locale: Locale = actor.locale) {
  const db = deps.database.db;
  if (!(await repo.findTicketInScope(db, actor, id))) throw notFound('tickets.not_found');
  const rows = await repo.listHistory(db, id);
  return rows.map((h) => ({
    id: h.id,
    at: new Date(h.at).toISOString(),
    actor: h.actor_id ? { id: h.actor_id, displayName: h.actor_name ?? '' } : null,
    action: h.action,
    before: h.before ?? null,
    after: h.after ?? null,
    note: h.note,
    ...wordHistoryEntry(locale, h),
  }));
}
