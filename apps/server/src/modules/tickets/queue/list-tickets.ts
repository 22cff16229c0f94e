import { inArray } from 'drizzle-orm';
import type { Actor, RequestContext } from '../../../lib/actor.js';
import type { Deps } from '../../../lib/deps.js';
import type { PageQuery } from '../../../lib/pagination.js';
import { findHits, highlight, parseSearchQuery, type SearchQuery } from '../../../lib/search/index.js';
import { auditCustomerView } from '../../customers/index.js';
import { isReplyOverdue } from '../core/get-ticket.js';
import { ticketMessages } from '../tickets.tables.js';
import { listTicketRows, searchTicketRows, type TicketFilter, type TicketListRow } from './tickets.list.js';

const iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());

export function toListItem(row: TicketListRow) {
  return {
    id: row.id,
    number: row.number,
    typeKey: row.typeKey,
    isComplaint: row.isComplaint,
    channel: row.channel,
    priority: row.priority,
    status: row.status,
    subject: row.subject,
    isMajor: row.isMajor,
    customer:
      row.customerId && row.customerName
        ? { id: row.customerId, code: row.customerCode ?? '', name: row.customerName }
        : null,
    contactName: row.contactName,
    assignee: row.assigneeId ? { id: row.assigneeId, displayName: row.assigneeName ?? '' } : null,
    departmentId: row.departmentId,
    departmentName: row.departmentName,
    tags: row.tags,
    nextReplyAt: iso(row.nextReplyAt),
    replyOverdue: isReplyOverdue(row.status, row.nextReplyAt),
    waitingOn: row.waitingOn,
    slaDueAt: iso(row.slaDueAt),
    slaState: row.slaState,
    dueAt: iso(row.dueAt),
    overdue: row.overdue === true,
    createdAt: iso(row.createdAt) as string,
    updatedAt: iso(row.updatedAt) as string,
    version: row.version,
  };
}

/** The best snippet per ticket: the subject, the description, else the first message with a hit. */
async function highlights(deps: Deps, rows: TicketListRow[], query: SearchQuery) {
  const result = new Map<string, ReturnType<typeof highlight>>();
  const rest: string[] = [];
  for (const row of rows) {
    const text = [row.subject, row.description].find((t) => findHits(t, query).length > 0);
    if (text) result.set(row.id, highlight(text, query));
    else rest.push(row.id);
  }
  if (rest.length > 0) {
    const messages = await deps.database.db
      .select({ ticketId: ticketMessages.ticketId, body: ticketMessages.body })
      .from(ticketMessages)
      .where(inArray(ticketMessages.ticketId, rest))
      .orderBy(ticketMessages.createdAt);
    for (const m of messages) {
      if (!result.has(m.ticketId) && findHits(m.body, query).length > 0)
        result.set(m.ticketId, highlight(m.body, query));
    }
  }
  for (const row of rows) if (!result.has(row.id)) result.set(row.id, highlight(row.subject, query));
  return result;
}

/**
 * A queue page: the caller's scope, a queue (mine / team / unassigned / watching / all) and
 * filters; with `q`, full-text search ranked by relevance with highlighted snippets. The tickets of
 * one customer (`customerId`: the ticket page's customer panel, the customer's file) are a view of
 * that customer's service history and are audited as such (ADR 0006).
 */
export async function listTickets(
  deps: Deps,
  ctx: RequestContext & { actor: Actor },
  query: TicketFilter & { q?: string },
  page: PageQuery,
) {
  const { actor } = ctx;
  const { q, ...rest } = query;
  const filter: TicketFilter = { ...rest, timeZone: deps.config.timezone };
  const search = q ? parseSearchQuery(q) : null;
  const audit = async (rows: TicketListRow[]) => {
    if (filter.customerId && rows.length > 0) {
      await auditCustomerView(deps.database.db, ctx, filter.customerId, 'tickets', {
        tickets: rows.map((r) => r.id),
      });
    }
  };
  if (search && !search.isEmpty) {
    const { rows, total, totalExact } = await searchTicketRows(deps.database.db, actor, filter, search, page);
    const marked = await highlights(deps, rows, search);
    await audit(rows);
    const items = rows.map((row) => ({ ...toListItem(row), highlight: marked.get(row.id) ?? [] }));
    return { items, total, totalExact, page: page.page, pageSize: page.pageSize };
  }
  const { rows, total, totalExact } = await listTicketRows(deps.database.db, actor, filter, page);
  await audit(rows);
  return { items: rows.map(toListItem), total, totalExact, page: page.page, pageSize: page.pageSize };
}
