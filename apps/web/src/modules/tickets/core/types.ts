/**
 * Ticket types, derived from the generated API `paths` (never typed twice).
 */
import type { BodyOf, QueryOf, ResponseOf } from '../../../api/types';

export type TicketListItem = ResponseOf<'/api/v1/tickets', 'get'>['items'][number];
export type TicketListPage = ResponseOf<'/api/v1/tickets', 'get'>;
export type TicketQuery = QueryOf<'/api/v1/tickets', 'get'>;
export type TicketCounts = ResponseOf<'/api/v1/tickets/counts', 'get'>;
export type TicketCountsQuery = QueryOf<'/api/v1/tickets/counts', 'get'>;
export type Ticket = ResponseOf<'/api/v1/tickets/{id}', 'get'>;
export type CreateTicketBody = BodyOf<'/api/v1/tickets', 'post'>;
export type UpdateTicketBody = BodyOf<'/api/v1/tickets/{id}', 'patch'>;
export type TransitionBody = BodyOf<'/api/v1/tickets/{id}/transitions', 'post'>;
export type TicketMessage = ResponseOf<'/api/v1/tickets/{id}/messages', 'get'>[number];
export type AddMessageBody = BodyOf<'/api/v1/tickets/{id}/messages', 'post'>;
export type TicketHistoryEntry = ResponseOf<'/api/v1/tickets/{id}/history', 'get'>[number];
export type AssignBody = BodyOf<'/api/v1/tickets/{id}/assign', 'post'>;
export type AssignStrategy = AssignBody['strategy'];
export type BulkBody = BodyOf<'/api/v1/tickets/bulk', 'post'>;
export type BulkResult = ResponseOf<'/api/v1/tickets/bulk', 'post'>;
export type RelatedTicket = ResponseOf<'/api/v1/tickets/{id}/links', 'get'>['items'][number];
export type Measure = ResponseOf<'/api/v1/tickets/{id}/measures', 'get'>['items'][number];
export type MeasureBody = BodyOf<'/api/v1/tickets/{id}/measures', 'post'>;
export type Attachment = ResponseOf<'/api/v1/tickets/{id}/attachments', 'get'>['items'][number];
export type TicketType = ResponseOf<'/api/v1/ticket-settings/types', 'get'>['items'][number];
export type RootCause = ResponseOf<'/api/v1/ticket-settings/root-causes', 'get'>['items'][number];

export type TicketStatus = Ticket['status'];
export type TicketPriority = Ticket['priority'];
export type TicketChannel = Ticket['channel'];
export type TicketAction = Ticket['actions'][number];
export type FactItem = Ticket['missingFacts'][number];
export type QueueKey = NonNullable<TicketQuery['queue']>;
export type HighlightSegment = NonNullable<TicketListItem['highlight']>[number];

export const QUEUES: readonly QueueKey[] = ['mine', 'team', 'unassigned', 'watching', 'all'];
export const STATUSES: readonly TicketStatus[] = [
  'received',
  'classified',
  'investigating',
  'resolved',
  'feedback',
  'closed',
  'merged',
];
export const OPEN_STATUSES: readonly TicketStatus[] = ['received', 'classified', 'investigating'];
export const PRIORITIES: readonly TicketPriority[] = ['low', 'normal', 'high', 'urgent'];
export const CHANNELS: readonly TicketChannel[] = ['phone', 'email', 'wechat', 'web', 'walk_in', 'api'];
export const ACTIONS: readonly TicketAction[] = ['classify', 'start', 'resolve', 'feedback', 'close', 'reopen'];
export const MEASURE_STATUSES: readonly Measure['status'][] = ['open', 'in_progress', 'done', 'cancelled'];
/** 问清楚: the facts checklist of a complaint (same order as the server's FACT_ITEMS). */
export const FACT_ITEMS: readonly FactItem[] = ['identity', 'time_place', 'product_order', 'details', 'demand'];
