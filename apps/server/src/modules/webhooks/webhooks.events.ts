import type { Permission } from '@kefu/shared';
import type { EventCatalog, EventName } from '../../events/catalog.js';

/**
 * The events a webhook may subscribe to (the public list, `GET /api/v1/webhooks/event-types`) and,
 * for each, what its payload's `data` holds and which record decides whether the subscription's
 * owner may see it (their permission and data scope, as for the real-time push). Payloads carry
 * ids and the changed fields, never whole records: a receiver reads more through the API.
 */
type Spec<P> = {
  /** The owner must hold it (and see the record) for the event to be delivered. */
  permission: Permission;
  /** The record whose audience is checked against the owner's data scope. */
  record: { entityType: 'ticket' | 'customer'; id: (p: P) => string };
  /** `data` of the payload: `id` first (the record), then ids and changed fields. */
  data: (p: P) => Record<string, unknown>;
  description: { 'zh-CN': string; en: string };
};

const ticket = { entityType: 'ticket' as const, id: (p: { ticketId: string }) => p.ticketId };
const customer = { entityType: 'customer' as const, id: (p: { customerId: string }) => p.customerId };

/** `data` = `{ id: <ticket id>, …the rest of the payload but ticketId }`. */
function ticketData<P extends { ticketId: string }>(p: P): Record<string, unknown> {
  const { ticketId, ...rest } = p;
  return { id: ticketId, ...rest };
}
function customerData<P extends { customerId: string }>(p: P): Record<string, unknown> {
  const { customerId, ...rest } = p;
  return { id: customerId, ...rest };
}
/** SLA firings: which clock and step, not who was told. */
function slaData(p: EventCatalog['sla.warned'] & { manual?: boolean }): Record<string, unknown> {
  return {
    id: p.ticketId,
    clockId: p.clockId,
    metric: p.metric,
    step: p.step,
    late: p.late,
    ...(p.manual === undefined ? {} : { manual: p.manual }),
  };
}

const SPECS = {
  'ticket.created': {
    permission: 'tickets.read',
    record: ticket,
    data: ticketData,
    description: { 'zh-CN': '新建工单', en: 'A ticket was created' },
  },
  'ticket.updated': {
    permission: 'tickets.read',
    record: ticket,
    data: ticketData,
    description: { 'zh-CN': '工单字段被修改', en: 'Fields of a ticket changed' },
  },
  'ticket.assigned': {
    permission: 'tickets.read',
    record: ticket,
    data: ticketData,
    description: { 'zh-CN': '工单被分派或改派', en: 'A ticket was assigned or reassigned' },
  },
  'ticket.status_changed': {
    permission: 'tickets.read',
    record: ticket,
    data: ticketData,
    description: { 'zh-CN': '工单状态变化', en: 'A ticket’s status changed' },
  },
  'ticket.replied': {
    permission: 'tickets.read',
    record: ticket,
    data: ticketData,
    description: { 'zh-CN': '工单有新消息、回复或内部备注', en: 'A message, reply or note was added to a ticket' },
  },
  'ticket.waiting_changed': {
    permission: 'tickets.read',
    record: ticket,
    data: ticketData,
    description: { 'zh-CN': '工单开始或结束等待客户/第三方', en: 'A ticket started or stopped waiting' },
  },
  'ticket.merged': {
    permission: 'tickets.read',
    record: { entityType: 'ticket', id: (p: { targetId: string }) => p.targetId },
    data: (p: EventCatalog['ticket.merged']) => ({ id: p.targetId, sourceId: p.sourceId }),
    description: { 'zh-CN': '工单被合并', en: 'A ticket was merged into another' },
  },
  'complaint.major_reported': {
    permission: 'tickets.read',
    record: ticket,
    data: ticketData,
    description: { 'zh-CN': '重大投诉上报', en: 'A major complaint was reported' },
  },
  'sla.warned': {
    permission: 'sla.read',
    record: ticket,
    data: slaData,
    description: { 'zh-CN': '时限预警或超时', en: 'A time limit warned or was breached' },
  },
  'sla.escalated': {
    permission: 'sla.read',
    record: ticket,
    data: slaData,
    description: { 'zh-CN': '工单升级', en: 'A ticket was escalated' },
  },
  'customer.created': {
    permission: 'customers.read',
    record: customer,
    data: customerData,
    description: { 'zh-CN': '新建客户', en: 'A customer was created' },
  },
  'customer.updated': {
    permission: 'customers.read',
    record: customer,
    data: customerData,
    description: { 'zh-CN': '客户资料被修改', en: 'Fields of a customer changed' },
  },
  'customer.grade_changed': {
    permission: 'customers.read',
    record: customer,
    data: customerData,
    description: { 'zh-CN': '客户等级变化', en: 'A customer’s grade changed' },
  },
  'customer.merged': {
    permission: 'customers.read',
    record: { entityType: 'customer', id: (p: { targetId: string }) => p.targetId },
    data: (p: EventCatalog['customer.merged']) => ({ id: p.targetId, sourceId: p.sourceId }),
    description: { 'zh-CN': '客户被合并', en: 'A customer was merged into another' },
  },
} satisfies { [N in EventName]?: Spec<EventCatalog[N]> };

export type WebhookEventType = keyof typeof SPECS;
export const WEBHOOK_EVENT_TYPES = Object.keys(SPECS) as [WebhookEventType, ...WebhookEventType[]];
/** The test message of `POST /webhooks/{id}/test` (not subscribable). */
export const TEST_EVENT_TYPE = 'webhook.test';

export function webhookEventSpec(name: string): Spec<Record<string, unknown>> | undefined {
  return (SPECS as unknown as Record<string, Spec<Record<string, unknown>> | undefined>)[name];
}

/** The body of a message, as the specification recommends: `{ type, timestamp, data }`. */
export function messageBody(type: string, at: string, data: Record<string, unknown>): string {
  return JSON.stringify({ type, timestamp: at, data });
}

export function eventTypeList() {
  return WEBHOOK_EVENT_TYPES.map((type) => ({ type, description: SPECS[type].description }));
}
