import { api, unwrap } from '../../../api/client';
import { uploadFile } from '../conversation/upload';
import type {
  AddMessageBody,
  AssignBody,
  Attachment,
  BulkBody,
  CreateTicketBody,
  MeasureBody,
  TicketCountsQuery,
  TicketQuery,
  TransitionBody,
  UpdateTicketBody,
} from './types';

export const ticketsQueryKey = ['tickets'] as const;
export const ticketListKey = (query: TicketQuery) => [...ticketsQueryKey, 'list', query] as const;
export const ticketCountsKey = (query: TicketCountsQuery) => [...ticketsQueryKey, 'counts', query] as const;
/** Everything shown on one ticket's page; invalidated as a whole after a change to it. */
export const ticketKey = (id: string) => [...ticketsQueryKey, 'detail', id] as const;
export const ticketSettingsKey = ['ticket-settings'] as const;

const path = (id: string) => ({ params: { path: { id } } });

export const listTickets = (query: TicketQuery) => unwrap(api.GET('/api/v1/tickets', { params: { query } }));
export const countTickets = (query: TicketCountsQuery) =>
  unwrap(api.GET('/api/v1/tickets/counts', { params: { query } }));
export const getTicket = (id: string) => unwrap(api.GET('/api/v1/tickets/{id}', path(id)));
export const createTicket = (body: CreateTicketBody) => unwrap(api.POST('/api/v1/tickets', { body }));
export const updateTicket = (id: string, body: UpdateTicketBody) =>
  unwrap(api.PATCH('/api/v1/tickets/{id}', { ...path(id), body }));
export const transitionTicket = (id: string, body: TransitionBody) =>
  unwrap(api.POST('/api/v1/tickets/{id}/transitions', { ...path(id), body }));
export const listMessages = (id: string) => unwrap(api.GET('/api/v1/tickets/{id}/messages', path(id)));
export const addMessage = (id: string, body: AddMessageBody) =>
  unwrap(api.POST('/api/v1/tickets/{id}/messages', { ...path(id), body }));
export const getHistory = (id: string) => unwrap(api.GET('/api/v1/tickets/{id}/history', path(id)));

export const assignTicket = (id: string, body: AssignBody) =>
  unwrap(api.POST('/api/v1/tickets/{id}/assign', { ...path(id), body }));
export const bulkTickets = (body: BulkBody) => unwrap(api.POST('/api/v1/tickets/bulk', { body }));

export const addWatcher = (id: string, userId: string) =>
  unwrap(api.POST('/api/v1/tickets/{id}/watchers', { ...path(id), body: { userId } }));
export const removeWatcher = (id: string, userId: string) =>
  unwrap(api.DELETE('/api/v1/tickets/{id}/watchers/{userId}', { params: { path: { id, userId } } }));

export const listLinks = (id: string) => unwrap(api.GET('/api/v1/tickets/{id}/links', path(id)));
export const addLink = (id: string, ticketId: string) =>
  unwrap(api.POST('/api/v1/tickets/{id}/links', { ...path(id), body: { ticketId } }));
export const removeLink = (id: string, linkedId: string) =>
  unwrap(api.DELETE('/api/v1/tickets/{id}/links/{linkedId}', { params: { path: { id, linkedId } } }));

export const mergeTicket = (id: string, body: { sourceId: string; version: number }) =>
  unwrap(api.POST('/api/v1/tickets/{id}/merge', { ...path(id), body }));

export const listMeasures = (id: string) => unwrap(api.GET('/api/v1/tickets/{id}/measures', path(id)));
export const addMeasure = (id: string, body: MeasureBody) =>
  unwrap(api.POST('/api/v1/tickets/{id}/measures', { ...path(id), body }));

export const listAttachments = (id: string) => unwrap(api.GET('/api/v1/tickets/{id}/attachments', path(id)));
export const deleteAttachment = (id: string, attachmentId: string) =>
  unwrap(api.DELETE('/api/v1/tickets/{id}/attachments/{attachmentId}', { params: { path: { id, attachmentId } } }));
export const uploadAttachment = (id: string, file: File) =>
  uploadFile<Attachment>(`/api/v1/tickets/${encodeURIComponent(id)}/attachments`, file);

export const listTicketTypes = () =>
  unwrap(api.GET('/api/v1/ticket-settings/types', { params: { query: { activeOnly: 'true' } } }));
export const listRootCauses = () =>
  unwrap(api.GET('/api/v1/ticket-settings/root-causes', { params: { query: { activeOnly: 'true' } } }));
