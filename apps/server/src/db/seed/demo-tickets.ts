import { eq, inArray } from 'drizzle-orm';
import { FACT_ITEMS } from '../../modules/tickets/core/tickets.protocol.js';
import { reindexTicket } from '../../modules/tickets/queue/tickets.search.js';
import type { DbOrTx } from '../client.js';
import {
  customers,
  customerTimeline,
  departments,
  improvementMeasures,
  notifications,
  ticketHistory,
  ticketMessages,
  tickets,
  ticketTypes,
  users,
} from '../schema/index.js';
import { DEMO_TICKETS, type DemoTicket } from './demo-tickets.data.js';

const HOUR = 3600_000;

function lookup<T extends { name: string; id: string }>(rows: T[]) {
  return new Map(rows.map((r) => [r.name, r.id]));
}

function statusTimes(t: DemoTicket, created: Date) {
  const at = (hours: number) => new Date(created.getTime() + hours * HOUR);
  const order = ['received', 'classified', 'investigating', 'resolved', 'feedback', 'closed'];
  const reached = (s: string) => order.indexOf(t.status) >= order.indexOf(s);
  return {
    classifiedAt: reached('classified') ? at(0.2) : null,
    resolvedAt: reached('resolved') ? at(t.type === 'consultation' ? 0.1 : 30) : null,
    closedAt: reached('closed') ? at(t.type === 'consultation' ? 0.2 : 72) : null,
  };
}

/** Demo tickets with their conversation, history, a measure and the customers' timeline entries. */
export async function seedDemoTickets(db: DbOrTx): Promise<void> {
  const now = Date.now();
  const customerIds = lookup(
    await db
      .select({ id: customers.id, name: customers.name })
      .from(customers)
      .where(
        inArray(
          customers.name,
          DEMO_TICKETS.flatMap((t) => (t.customer ? [t.customer] : [])),
        ),
      ),
  );
  const userIds = new Map(
    (await db.select({ id: users.id, username: users.username }).from(users)).map((u) => [u.username, u.id]),
  );
  const departmentIds = lookup(await db.select({ id: departments.id, name: departments.name }).from(departments));
  const [manager] = await db
    .select({ id: users.id })
    .from(users)
    .where(inArray(users.username, ['lijing']));

  // Repairs go to the field-service team unless the agent picks another department.
  const fieldService = departmentIds.get('现场服务组');
  if (fieldService) {
    await db.update(ticketTypes).set({ defaultDepartmentId: fieldService }).where(eq(ticketTypes.key, 'service'));
  }

  for (const t of [...DEMO_TICKETS].sort((a, b) => b.daysAgo - a.daysAgo)) {
    const created = new Date(now - t.daysAgo * 24 * HOUR - 2 * HOUR);
    const times = statusTimes(t, created);
    const assigneeId = t.assignee ? (userIds.get(t.assignee) ?? null) : null;
    const createdBy = userIds.get(t.createdBy) ?? null;
    const customerId = t.customer ? (customerIds.get(t.customer) ?? null) : null;
    const lastAt = new Date(
      Math.max(
        created.getTime(),
        ...[times.classifiedAt, times.resolvedAt, times.closedAt].map((d) => d?.getTime() ?? 0),
      ),
    );
    const [row] = await db
      .insert(tickets)
      .values({
        typeKey: t.type,
        channel: t.channel,
        priority: t.priority,
        status: t.status,
        subject: t.subject,
        description: t.description,
        customerId,
        contactName: t.contactName ?? null,
        contactPhone: t.contactPhone ?? null,
        departmentId: departmentIds.get(t.department) ?? null,
        assigneeId,
        createdBy,
        tags: t.tags ?? [],
        isMajor: t.isMajor ?? false,
        majorReportedAt: t.isMajor ? new Date(created.getTime() + 0.5 * HOUR) : null,
        nextReplyAt: t.nextReplyInHours === undefined ? null : new Date(now + t.nextReplyInHours * HOUR),
        facts: t.factsComplete ? Object.fromEntries(FACT_ITEMS.map((f) => [f, true])) : { identity: true },
        firstContactResolved: t.type === 'consultation' && Boolean(t.resolution),
        resolutionProcess: t.resolution?.process ?? null,
        resolutionResult: t.resolution?.result ?? null,
        feedbackSatisfied: t.feedback ? t.feedback.satisfied : null,
        feedbackNote: t.feedback?.note ?? null,
        rootCauseKey: t.close?.rootCause ?? null,
        rootCause: t.close?.cause ?? null,
        summary: t.close?.summary ?? null,
        firstResponseAt: t.messages?.length || t.resolution ? new Date(created.getTime() + 0.3 * HOUR) : null,
        ...times,
        createdAt: created,
        updatedAt: lastAt,
      })
      .returning({ id: tickets.id, number: tickets.number });
    if (!row) continue;
    const messages = [...(t.messages ?? [])];
    if (t.resolution && times.resolvedAt) {
      messages.push({
        kind: 'reply',
        by: t.assignee ?? t.createdBy,
        body: `处理过程：${t.resolution.process}\n处理结果：${t.resolution.result}`,
        hoursAfter: (times.resolvedAt.getTime() - created.getTime()) / HOUR,
      });
    }
    if (messages.length > 0) {
      await db.insert(ticketMessages).values(
        messages.map((m) => ({
          ticketId: row.id,
          kind: m.kind,
          channel: m.kind === 'note' ? null : t.channel,
          body: m.body,
          authorId: m.by ? (userIds.get(m.by) ?? null) : null,
          createdAt: new Date(created.getTime() + m.hoursAfter * HOUR),
        })),
      );
    }
    const history: { action: string; at: Date; after: Record<string, unknown> }[] = [
      { action: 'created', at: created, after: { status: 'received', subject: t.subject } },
    ];
    for (const [action, at, status] of [
      ['transition:classify', times.classifiedAt, 'classified'],
      ['transition:resolve', times.resolvedAt, 'resolved'],
      ['transition:close', times.closedAt, 'closed'],
    ] as const) {
      if (at) history.push({ action, at, after: { status, subject: t.subject } });
    }
    // A complaint's promised reply time (跟清楚) is a time limit of its own: the promise was made
    // with the first reply (or at creation), for the promised instant.
    if (t.nextReplyInHours !== undefined) {
      const promisedAt = new Date(now + t.nextReplyInHours * HOUR);
      const firstReply = t.messages?.find((m) => m.kind === 'reply');
      const madeAt = new Date(Math.min(created.getTime() + (firstReply?.hoursAfter ?? 0) * HOUR, promisedAt.getTime()));
      history.push({ action: 'next_reply_promised', at: madeAt, after: { nextReplyAt: promisedAt.toISOString() } });
      history.sort((a, b) => a.at.getTime() - b.at.getTime());
    }
    await db
      .insert(ticketHistory)
      .values(history.map((h) => ({ ticketId: row.id, actorId: assigneeId ?? createdBy, ...h })));
    if (t.measure) {
      const due = new Date(now + t.measure.dueInDays * 24 * HOUR);
      await db.insert(improvementMeasures).values({
        ticketId: row.id,
        title: t.measure.title,
        ownerId: userIds.get(t.measure.owner) ?? (createdBy as string),
        dueDate: due.toISOString().slice(0, 10),
        status: t.measure.status,
        doneAt: t.measure.status === 'done' ? new Date(due.getTime() - 24 * HOUR) : null,
        doneNote: t.measure.status === 'done' ? '已上线并验证' : null,
        createdBy,
        createdAt: times.closedAt ?? created,
      });
    }
    if (t.isMajor && manager) {
      await db.insert(notifications).values({
        channel: 'in_app',
        recipient: manager.id,
        subject: `重大投诉 ${row.number}：${t.subject}`,
        body: `工单 ${row.number} 被标记为重大投诉，请立即关注。`,
        status: 'sent',
        ref: `ticket:${row.id}/major`,
        sentAt: created,
        createdAt: created,
      });
    }
    if (customerId) {
      await db.insert(customerTimeline).values({
        customerId,
        at: created,
        kind: 'ticket',
        channel: t.channel,
        direction: 'inbound',
        title: `ticket.created:${row.number}`,
        body: t.subject,
        actorId: createdBy,
        refType: 'ticket',
        refId: row.id,
      });
    }
    await reindexTicket(db, row.id);
  }
}
