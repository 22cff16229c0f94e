import type { Permission } from '@kefu/shared';
import type { DomainEvent, EventCatalog, EventName } from '../../events/catalog.js';

/** The events pushed to browsers: every one but sign-in events, which stay on the server. */
export type PushedEventName = Exclude<EventName, `auth.${string}`>;

/** Records an event is about, by the entity type their module registered (lib/data-scope.ts). */
export type RecordRef = { entityType: string; ids: (string | null)[] };

type Rule<P> = {
  /** Who may receive it at all; without one, only `direct` recipients do. */
  permission?: Permission;
  /** Holders of the permission receive it only when one of these records is within their scope. */
  records?: (payload: P) => RecordRef[];
  /** Users who receive it whatever their permissions and scope (their own import, their own account). */
  direct?: (payload: P) => (string | null)[];
  /** The payload keys a browser gets: ids and field names, never values (a grade, a status). */
  keys: readonly (keyof P & string)[];
};

const CALL_KEYS = ['callId', 'queue', 'agentUserId', 'customerId'] as const;

type Rules = { [N in PushedEventName]: Rule<EventCatalog[N]> };

const customer = (...ids: (string | null)[]): RecordRef[] => [{ entityType: 'customer', ids }];
const ticket = (...ids: (string | null)[]): RecordRef[] => [{ entityType: 'ticket', ids }];
const user = (...ids: (string | null)[]): RecordRef[] => [{ entityType: 'user', ids }];

/**
 * Who receives each pushed event and what of it. Typed over the whole catalog: a new event does
 * not compile until it says who may see it. Events about customers and tickets go to holders of
 * the read permission whose data scope includes the record (the module's own scope rule, through
 * its registered audience); events about users, departments, roles and jobs to those who may read
 * them.
 */
export const REALTIME_RULES: Rules = {
  'user.created': {
    permission: 'users.read',
    records: (p) => user(p.userId),
    direct: (p) => [p.userId],
    keys: ['userId'],
  },
  'user.updated': {
    permission: 'users.read',
    records: (p) => user(p.userId),
    direct: (p) => [p.userId],
    keys: ['userId', 'fields'],
  },
  'department.created': { permission: 'departments.read', keys: ['departmentId'] },
  'department.updated': { permission: 'departments.read', keys: ['departmentId'] },
  'department.deleted': { permission: 'departments.read', keys: ['departmentId'] },
  'role.created': { permission: 'roles.read', keys: ['roleKey'] },
  'role.updated': { permission: 'roles.read', keys: ['roleKey'] },
  'role.deleted': { permission: 'roles.read', keys: ['roleKey'] },
  'job.failed': { permission: 'jobs.read', keys: ['jobId', 'name'] },
  'customer.created': { permission: 'customers.read', records: (p) => customer(p.customerId), keys: ['customerId'] },
  'customer.updated': {
    permission: 'customers.read',
    records: (p) => customer(p.customerId),
    keys: ['customerId', 'fields'],
  },
  'customer.contact_logged': {
    permission: 'customers.read',
    records: (p) => customer(p.customerId),
    keys: ['customerId'],
  },
  'customer.grade_changed': {
    permission: 'customers.read',
    records: (p) => customer(p.customerId),
    keys: ['customerId'],
  },
  'customer.milestone_set': {
    permission: 'customers.read',
    records: (p) => customer(p.customerId),
    keys: ['customerId', 'milestoneId', 'orderId'],
  },
  'customer.milestone_removed': {
    permission: 'customers.read',
    records: (p) => customer(p.customerId),
    keys: ['customerId', 'milestoneId'],
  },
  // New callbacks: managers who see the customer (a campaign: every manager); the assignee directly.
  'callback.scheduled': {
    permission: 'callbacks.manage',
    records: (p) => (p.customerId ? customer(p.customerId) : []),
    keys: ['customerId', 'campaignId', 'count'],
  },
  'callback.assigned': { direct: (p) => [p.assigneeId], keys: ['customerId', 'campaignId', 'count'] },
  // A worked callback: managers who see the customer; its specialist directly.
  'callback.completed': {
    permission: 'callbacks.manage',
    records: (p) => customer(p.customerId),
    direct: (p) => [p.assigneeId],
    keys: ['callbackId', 'customerId'],
  },
  'callback.unreached': {
    permission: 'callbacks.manage',
    records: (p) => customer(p.customerId),
    direct: (p) => [p.assigneeId],
    keys: ['callbackId', 'customerId'],
  },
  'callback.complaint_raised': {
    permission: 'callbacks.manage',
    records: (p) => customer(p.customerId),
    keys: ['callbackId', 'customerId', 'ticketId'],
  },
  'callback.returned_to_pool': {
    permission: 'callbacks.manage',
    records: (p) => customer(p.customerId),
    direct: (p) => [p.previousAssigneeId],
    keys: ['callbackId', 'customerId'],
  },
  // Survey results change: readers of the results who see the customer (anonymous: scope `all` only).
  'survey.answered': {
    permission: 'surveys.report',
    records: (p) => (p.customerId ? customer(p.customerId) : []),
    keys: ['responseId', 'surveyId'],
  },
  'survey.invited': {
    permission: 'surveys.manage',
    records: (p) => (p.customerId ? customer(p.customerId) : []),
    keys: ['invitationId', 'surveyId'],
  },
  // Live calls: the agent it rings (a customer panel pops) and every reader of calls (the wall board).
  'call.ringing': { permission: 'calls.read', direct: (p) => [p.agentUserId], keys: CALL_KEYS },
  'call.answered': { permission: 'calls.read', direct: (p) => [p.agentUserId], keys: CALL_KEYS },
  'call.ended': { permission: 'calls.read', direct: (p) => [p.agentUserId], keys: CALL_KEYS },
  'call.abandoned': { permission: 'calls.read', direct: (p) => [p.agentUserId], keys: CALL_KEYS },
  // The importer's own progress (GET /customer-imports/:id is the importer's too).
  'customer.import_progress': {
    direct: (p) => [p.userId],
    keys: ['importId', 'userId', 'status', 'processedRows', 'totalRows'],
  },
  'customer.imported': { direct: (p) => [p.userId], keys: ['importId', 'userId', 'importedRows'] },
  'customer.merged': {
    permission: 'customers.read',
    records: (p) => customer(p.targetId, p.sourceId),
    keys: ['targetId', 'sourceId'],
  },
  'customer.evaluated': {
    permission: 'customers.read',
    records: (p) => customer(p.customerId),
    keys: ['customerId', 'evaluationId', 'roundId'],
  },
  'customer.evaluation_round_opened': { permission: 'customers.evaluate', keys: ['roundId'] },
  'customer.evaluation_round_closed': { permission: 'customers.evaluate', keys: ['roundId'] },
  'handover.completed': {
    permission: 'customers.handover',
    records: (p) => user(p.fromUserId, p.toUserId),
    direct: (p) => [p.toUserId],
    keys: ['handoverId', 'fromUserId', 'toUserId'],
  },
  'ticket.created': {
    permission: 'tickets.read',
    records: (p) => ticket(p.ticketId),
    keys: ['ticketId', 'customerId'],
  },
  'ticket.updated': { permission: 'tickets.read', records: (p) => ticket(p.ticketId), keys: ['ticketId', 'fields'] },
  // The previous assignee hears that the ticket left their queue (its id only).
  'ticket.assigned': {
    permission: 'tickets.read',
    records: (p) => ticket(p.ticketId),
    direct: (p) => [p.previousAssigneeId],
    keys: ['ticketId', 'assigneeId', 'previousAssigneeId'],
  },
  'ticket.status_changed': { permission: 'tickets.read', records: (p) => ticket(p.ticketId), keys: ['ticketId'] },
  'ticket.waiting_changed': {
    permission: 'tickets.read',
    records: (p) => ticket(p.ticketId),
    keys: ['ticketId', 'waitingOn'],
  },
  'ticket.replied': { permission: 'tickets.read', records: (p) => ticket(p.ticketId), keys: ['ticketId', 'messageId'] },
  'ticket.merged': {
    permission: 'tickets.read',
    records: (p) => ticket(p.targetId, p.sourceId),
    keys: ['targetId', 'sourceId'],
  },
  'ticket.linked': {
    permission: 'tickets.read',
    records: (p) => ticket(p.ticketId, p.linkedId),
    keys: ['ticketId', 'linkedId'],
  },
  'ticket.measure_updated': {
    permission: 'tickets.read',
    records: (p) => ticket(p.ticketId),
    keys: ['ticketId', 'measureId'],
  },
  'complaint.major_reported': { permission: 'tickets.read', records: (p) => ticket(p.ticketId), keys: ['ticketId'] },
  // A warning or an escalation: the ticket's clocks changed (the recipients also get an in-app notice).
  'sla.warned': {
    permission: 'sla.read',
    records: (p) => ticket(p.ticketId),
    direct: (p) => p.recipients,
    keys: ['ticketId', 'clockId', 'step'],
  },
  'sla.escalated': {
    permission: 'sla.read',
    records: (p) => ticket(p.ticketId),
    direct: (p) => p.recipients,
    keys: ['ticketId', 'clockId', 'step'],
  },
  'agent.status_changed': {
    permission: 'tickets.read',
    records: (p) => user(p.userId),
    direct: (p) => [p.userId],
    keys: ['userId'],
  },
  /** Calendar editors see each other's changes (every user may read calendars, but only editors need it live). */
  'calendar.changed': { permission: 'calendars.manage', keys: ['calendarId', 'version'] },
  // Delivery bookkeeping stays on the server; a new in-app notification goes to its reader alone.
  'notification.queued': { direct: () => [], keys: [] },
  'notification.created': { direct: (p) => [p.userId], keys: ['notificationId'] },
};

export function ruleOf(name: string): Rule<Record<string, unknown>> | undefined {
  return (REALTIME_RULES as unknown as Record<string, Rule<Record<string, unknown>> | undefined>)[name];
}

/** What a browser receives of an event: its name, the payload's allowed keys, the actor and time. */
export function browserFrame(event: DomainEvent, keys: readonly string[]): string {
  const payload = event.payload as Record<string, unknown>;
  const kept = Object.fromEntries(keys.filter((k) => k in payload).map((k) => [k, payload[k]]));
  const data = JSON.stringify({ name: event.name, payload: kept, actorId: event.actorId, at: event.at });
  return `event: ${event.name}\ndata: ${data}\n\n`;
}
