import { api, unwrap } from '../../../api/client';
import type { AgentQuery, AgentStatus, UpdateAgentBody } from './types';

export const agentsQueryKey = ['agents'] as const;
export const agentListKey = (query: AgentQuery) => [...agentsQueryKey, 'list', query] as const;

export const listAgents = (query: AgentQuery) => unwrap(api.GET('/api/v1/agents', { params: { query } }));
export const setMyStatus = (status: AgentStatus) => unwrap(api.PUT('/api/v1/agents/me/status', { body: { status } }));
export const updateAgent = (userId: string, body: UpdateAgentBody) =>
  unwrap(api.PUT('/api/v1/agents/{userId}', { params: { path: { userId } }, body }));
