import { api, unwrap } from '../../../api/client';
import type { RootCauseBody, TicketTypeBody } from './types';

/**
 * The same prefix as the ticket forms' cached lists (tickets/useTicketSettings), so an edit here
 * refreshes them too.
 */
export const ticketSettingsKey = ['ticket-settings'] as const;

const key = (k: string) => ({ params: { path: { key: k } } });

export const listTicketTypes = () => unwrap(api.GET('/api/v1/ticket-settings/types'));
export const createTicketType = (body: TicketTypeBody) => unwrap(api.POST('/api/v1/ticket-settings/types', { body }));
export const updateTicketType = (k: string, body: Omit<TicketTypeBody, 'key'>) =>
  unwrap(api.PATCH('/api/v1/ticket-settings/types/{key}', { ...key(k), body }));
export const deleteTicketType = (k: string) => unwrap(api.DELETE('/api/v1/ticket-settings/types/{key}', key(k)));

export const listRootCauses = () => unwrap(api.GET('/api/v1/ticket-settings/root-causes'));
export const createRootCause = (body: RootCauseBody) =>
  unwrap(api.POST('/api/v1/ticket-settings/root-causes', { body }));
export const updateRootCause = (k: string, body: Omit<RootCauseBody, 'key'>) =>
  unwrap(api.PATCH('/api/v1/ticket-settings/root-causes/{key}', { ...key(k), body }));
export const deleteRootCause = (k: string) => unwrap(api.DELETE('/api/v1/ticket-settings/root-causes/{key}', key(k)));
