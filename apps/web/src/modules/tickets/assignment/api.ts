import { api, unwrap } from '../../../api/client';
import type { AgentQuery, AgentStatus, AutoStrategy, UpdateAgentBody } from './types';

export const agentsQueryKey = ['agents'] as const;
export const agentListKey = (query: AgentQuery) => [...agentsQueryKey, 'list', query] as const;

export const listAgents = (query: AgentQuery) => unwrap(api.GET('/api/v1/agents', { params: { query } }));
export const setMyStatus = (status: AgentStatus) => unwrap(api.PUT('/api/v1/agents/me/status', { body: { status } }));
export const updateAgent = (userId: string, body: UpdateAgentBody) =>
  unwrap(api.PUT('/api/v1/agents/{userId}', { params: { path: { userId } }, body }));

/** The assign dialog's candidates for a ticket; `strategy` names the automatic rule whose pick is marked. */
export const assigneesKey = (ticketId: string, strategy: AutoStrategy) =>
  [...agentsQueryKey, 'assignees', ticketId, strategy] as const;
export const listAssignees = (ticketId: string, strategy: AutoStrategy) =>
  unwrap(api.GET('/api/v1/tickets/{id}/assignees', { params: { path: { id: ticketId }, query: { strategy } } }));
