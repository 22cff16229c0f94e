import type { EventCatalog, EventName } from './catalog.js';

/** The record an event is about: delivery to each durable listener is in order per aggregate. */
export type Aggregate = readonly [type: string, id: string];

type AggregateOf = { [N in EventName]: (payload: EventCatalog[N]) => Aggregate };

/**
 * One line per event (the type refuses a missing one): which record's history the event belongs
 * to. Events about the same record are delivered to a listener in the order they were recorded.
 */
const AGGREGATES: AggregateOf = {
  'auth.logged_in': (p) => ['user', p.userId],
  'auth.logged_out': (p) => ['user', p.userId],
  'auth.login_failed': (p) => ['login', p.username],
  'user.created': (p) => ['user', p.userId],
  'user.updated': (p) => ['user', p.userId],
  'department.created': (p) => ['department', p.departmentId],
  'department.updated': (p) => ['department', p.departmentId],
  'department.deleted': (p) => ['department', p.departmentId],
  'role.created': (p) => ['role', p.roleKey],
  'role.updated': (p) => ['role', p.roleKey],
  'role.deleted': (p) => ['role', p.roleKey],
  'job.failed': (p) => ['job', p.jobId],
  'customer.created': (p) => ['customer', p.customerId],
  'customer.updated': (p) => ['customer', p.customerId],
  'customer.contact_logged': (p) => ['customer', p.customerId],
  'customer.grade_changed': (p) => ['customer', p.customerId],
  'customer.milestone_set': (p) => ['customer', p.customerId],
  'customer.milestone_removed': (p) => ['customer', p.customerId],
  'callback.scheduled': (p) => (p.customerId ? ['customer', p.customerId] : ['callback_campaign', p.campaignId ?? '']),
  'callback.assigned': (p) => ['callback_assignee', p.assigneeId],
  'callback.completed': (p) => ['callback', p.callbackId],
  'callback.unreached': (p) => ['callback', p.callbackId],
  'callback.complaint_raised': (p) => ['callback', p.callbackId],
  'callback.returned_to_pool': (p) => ['callback', p.callbackId],
  'survey.answered': (p) => ['survey_response', p.responseId],
  'survey.invited': (p) => ['survey_invitation', p.invitationId],
  'call.ringing': (p) => ['call', p.callId],
  'call.answered': (p) => ['call', p.callId],
  'call.ended': (p) => ['call', p.callId],
  'call.abandoned': (p) => ['call', p.callId],
  'customer.import_progress': (p) => ['customer_import', p.importId],
  'customer.imported': (p) => ['customer_import', p.importId],
  'customer.merged': (p) => ['customer', p.targetId],
  'customer.evaluated': (p) => ['customer', p.customerId],
  'customer.evaluation_round_opened': (p) => ['evaluation_round', p.roundId],
  'customer.evaluation_round_closed': (p) => ['evaluation_round', p.roundId],
  'handover.completed': (p) => ['handover', p.handoverId],
  'ticket.created': (p) => ['ticket', p.ticketId],
  'ticket.updated': (p) => ['ticket', p.ticketId],
  'ticket.assigned': (p) => ['ticket', p.ticketId],
  'ticket.status_changed': (p) => ['ticket', p.ticketId],
  'ticket.replied': (p) => ['ticket', p.ticketId],
  'ticket.merged': (p) => ['ticket', p.targetId],
  'ticket.linked': (p) => ['ticket', p.ticketId],
  'ticket.measure_updated': (p) => ['ticket', p.ticketId],
  'ticket.waiting_changed': (p) => ['ticket', p.ticketId],
  'complaint.major_reported': (p) => ['ticket', p.ticketId],
  'sla.warned': (p) => ['ticket', p.ticketId],
  'sla.escalated': (p) => ['ticket', p.ticketId],
  'agent.status_changed': (p) => ['agent', p.userId],
  'calendar.changed': (p) => ['calendar', p.calendarId ?? '*official*'],
  'notification.queued': (p) => ['notification', p.ids[0] ?? '*'],
  'notification.created': (p) => ['notification', p.notificationId],
};

/** Every event of the catalog, at run time (the module manifests must own each exactly once). */
export const EVENT_NAMES = Object.keys(AGGREGATES) as EventName[];

export function aggregateOf<N extends EventName>(name: N, payload: EventCatalog[N]): Aggregate {
  return (AGGREGATES[name] as (p: EventCatalog[N]) => Aggregate)(payload);
}
