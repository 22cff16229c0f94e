/**
 * The typed domain-event catalog. Use cases record these in their own transaction
 * (`recordEvent(tx, …)`, events/outbox.ts, ADR 0007); durable listeners (timelines, and in later
 * modules notifications, SLA timers and webhooks) subscribe by name, and the real-time hub pushes
 * them to browsers. Payloads carry ids, not whole records: a listener that needs data reads it
 * through the usual scoped queries.
 */
/** The payload of the live call events (`call.*`): ids and the queue's name. */
export type CallEventPayload = { callId: string; queue: string; agentUserId: string | null; customerId: string | null };

export type EventCatalog = {
  'auth.logged_in': { userId: string };
  'auth.logged_out': { userId: string };
  'auth.login_failed': { username: string; locked: boolean };
  'user.created': { userId: string };
  'user.updated': { userId: string; fields: string[] };
  'department.created': { departmentId: string };
  'department.updated': { departmentId: string };
  'department.deleted': { departmentId: string };
  'role.created': { roleKey: string };
  'role.updated': { roleKey: string };
  'role.deleted': { roleKey: string };
  'job.failed': { jobId: string; name: string };
  'customer.created': { customerId: string };
  'customer.updated': { customerId: string; fields: string[] };
  'customer.contact_logged': { customerId: string; kind: string };
  'customer.grade_changed': { customerId: string; gradeBefore: string | null; gradeAfter: string | null };
  'customer.milestone_set': {
    customerId: string;
    milestoneId: string;
    typeKey: string;
    date: string;
    orderId: string | null;
  };
  'customer.milestone_removed': { customerId: string; milestoneId: string; typeKey: string };
  /** Callbacks were made for a customer (a milestone, a closed ticket) or a campaign (customerId null). */
  'callback.scheduled': { customerId: string | null; campaignId: string | null; count: number };
  /** `count` callbacks (of one customer or one campaign) were given to `assigneeId`. */
  'callback.assigned': { assigneeId: string; customerId: string | null; campaignId: string | null; count: number };
  /** A callback's outcome was recorded (reached: the customer was spoken to). */
  'callback.completed': { callbackId: string; customerId: string; assigneeId: string | null };
  /** The last try of the day did not reach the customer: the callback needs a write-up today. */
  'callback.unreached': { callbackId: string; customerId: string; assigneeId: string | null };
  /** A complaint raised in a callback became the complaint ticket `ticketId`. */
  'callback.complaint_raised': { callbackId: string; customerId: string; ticketId: string };
  /** An overdue callback (past its deadline, not done) went back to the pool. */
  'callback.returned_to_pool': { callbackId: string; customerId: string; previousAssigneeId: string | null };
  /**
   * A survey was answered (on the public page or by staff on the customer's behalf). Anonymous
   * surveys: customerId and ticketId null. lowScore: an NPS detractor (0–6) or a CSAT of 1–2.
   */
  'survey.answered': {
    responseId: string;
    surveyId: string;
    customerId: string | null;
    ticketId: string | null;
    lowScore: boolean;
    npsScore: number | null;
    csatScore: number | null;
  };
  /** A survey invitation was created (its link sent, or handed out by hand). */
  'survey.invited': { invitationId: string; surveyId: string; customerId: string | null; ticketId: string | null };
  /**
   * A live call event from the PBX (POST /api/v1/calls/events): the call rings an agent, was
   * answered, ended after talking, or the caller hung up while waiting. `agentUserId`: the Kefu
   * user the PBX agent is mapped to (call_agent_links); `customerId` once the caller is linked.
   */
  'call.ringing': CallEventPayload;
  'call.answered': CallEventPayload;
  'call.ended': CallEventPayload;
  'call.abandoned': CallEventPayload;
  /** Pushed every N rows while an import runs (and once at the end); the owner polls GET /customer-imports/:id. */
  'customer.import_progress': {
    importId: string;
    userId: string;
    status: string;
    processedRows: number;
    totalRows: number;
  };
  'customer.imported': { importId: string; userId: string; importedRows: number };
  'customer.merged': { targetId: string; sourceId: string };
  'customer.evaluated': { customerId: string; evaluationId: string; roundId: string | null; grade: string };
  'customer.evaluation_round_opened': { roundId: string; name: string; periodStart: string; periodEnd: string };
  'customer.evaluation_round_closed': { roundId: string };
  /** Ids only (NOTIFY payloads are small): the moved customer ids are in the handover's audit entry. */
  'handover.completed': { handoverId: string; fromUserId: string; toUserId: string; customerCount: number };
  'ticket.created': { ticketId: string; customerId: string | null; typeKey: string; isComplaint: boolean };
  'ticket.updated': { ticketId: string; fields: string[] };
  'ticket.assigned': {
    ticketId: string;
    assigneeId: string | null;
    previousAssigneeId: string | null;
    strategy: string;
  };
  'ticket.status_changed': { ticketId: string; from: string; to: string };
  /** A customer message, reply or internal note was added. */
  'ticket.replied': { ticketId: string; messageId: string; kind: string; forbiddenOverride: boolean };
  'ticket.merged': { targetId: string; sourceId: string };
  'ticket.linked': { ticketId: string; linkedId: string };
  'ticket.measure_updated': { ticketId: string; measureId: string; status: string };
  /** The ticket now waits on the customer or a third party, or no longer waits (null). */
  'ticket.waiting_changed': { ticketId: string; waitingOn: string | null };
  /** A complaint was marked major (重大投诉): the department manager is told once. */
  'complaint.major_reported': { ticketId: string; departmentId: string | null };
  /**
   * A time limit's warning fired (step: percent elapsed; 100 the breach, 200 the follow-up target),
   * once; the in-app notices are written with it, other channels deliver from it (issue 13).
   */
  'sla.warned': SlaFiredPayload;
  /** A ticket reached an escalation ladder level (step), automatically or by hand, once. */
  'sla.escalated': SlaFiredPayload & { manual: boolean };
  /** An agent went on shift, away or off (automatic assignment picks agents on shift only). */
  'agent.status_changed': { userId: string; status: string };
  /** A business calendar (or, calendarId null, the official arrangements) changed: open clocks are recomputed. */
  'calendar.changed': { calendarId: string | null; version: number };
  /** Messages for e-mail, SMS or robots were queued (≤ 1000 ids): the delivery jobs are sent from it. */
  'notification.queued': { ids: string[] };
  /** An in-app notification for `userId` (pushed to that user alone: the bell updates live). */
  'notification.created': { notificationId: string; userId: string };
};

export type EventName = keyof EventCatalog;

/** What an SLA firing tells the channels: who is to be told, how, and whether it came late. */
export type SlaFiredPayload = {
  ticketId: string;
  clockId: string;
  metric: string;
  step: number;
  late: boolean;
  recipients: string[];
  channels: string[];
};

export type DomainEvent<N extends EventName = EventName> = {
  name: N;
  payload: EventCatalog[N];
  actorId: string | null;
  at: string;
};
