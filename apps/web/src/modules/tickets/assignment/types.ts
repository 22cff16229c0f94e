/** Types of the agents module, derived from the API (never typed twice). */
import type { BodyOf, QueryOf, ResponseOf } from '../../../api/types';

export type Agent = ResponseOf<'/api/v1/agents', 'get'>['items'][number];
export type AgentStatus = Agent['status'];
export type AgentQuery = QueryOf<'/api/v1/agents', 'get'>;
export type UpdateAgentBody = BodyOf<'/api/v1/agents/{userId}', 'put'>;

export type AssigneeList = ResponseOf<'/api/v1/tickets/{id}/assignees', 'get'>;
export type Assignee = AssigneeList['items'][number];
export type AutoStrategy = AssigneeList['strategy'];
