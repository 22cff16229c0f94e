import { api, unwrap } from '../../api/client';
import { ticketKey } from '../tickets/core/api';
import type { AtRiskQuery, EscalateBody, WaitingBody } from './types';

/** Under the ticket's key: refetched with everything else on the page after a change (refreshTicket). */
export const clocksKey = (ticketId: string) => [...ticketKey(ticketId), 'sla', 'clocks'] as const;
export const explainKey = (ticketId: string, clockId: string) =>
  [...ticketKey(ticketId), 'sla', 'explain', clockId] as const;
export const atRiskKey = ['sla', 'at-risk'] as const;

const ticketPath = (ticketId: string) => ({ params: { path: { ticketId } } });

export const getClocks = (ticketId: string) =>
  unwrap(api.GET('/api/v1/sla/tickets/{ticketId}/clocks', ticketPath(ticketId)));

export const getExplain = (ticketId: string, clockId: string) =>
  unwrap(
    api.GET('/api/v1/sla/tickets/{ticketId}/clocks/{clockId}/explain', { params: { path: { ticketId, clockId } } }),
  );

export const escalate = (ticketId: string, body: EscalateBody) =>
  unwrap(api.POST('/api/v1/sla/tickets/{ticketId}/escalations', { ...ticketPath(ticketId), body }));

export const setWaiting = (id: string, body: WaitingBody) =>
  unwrap(api.POST('/api/v1/tickets/{id}/waiting', { params: { path: { id } }, body }));

export const listAtRisk = (query: AtRiskQuery) => unwrap(api.GET('/api/v1/sla/at-risk', { params: { query } }));
