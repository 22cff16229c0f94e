import { api, unwrap } from '../../../api/client';
import type { LadderBody, PolicyBody, SlaSettings } from './types';

/** Everything of the SLA admin pages; an edit refreshes it all (the matrix follows policies and ladders). */
export const slaAdminKey = ['sla-admin'] as const;
const id = (value: string) => ({ params: { path: { id: value } } });

export const listPolicies = () => unwrap(api.GET('/api/v1/sla/policies'));
export const getPolicyMatrix = () => unwrap(api.GET('/api/v1/sla/policies/matrix'));
export const createPolicy = (body: PolicyBody) => unwrap(api.POST('/api/v1/sla/policies', { body }));
export const updatePolicy = (policyId: string, body: Partial<PolicyBody> & { version: number }) =>
  unwrap(api.PATCH('/api/v1/sla/policies/{id}', { ...id(policyId), body }));
export const deletePolicy = (policyId: string, version?: number) =>
  unwrap(api.DELETE('/api/v1/sla/policies/{id}', { params: { path: { id: policyId }, query: { version } } }));

export const listLadders = () => unwrap(api.GET('/api/v1/sla/ladders'));
export const createLadder = (body: LadderBody) => unwrap(api.POST('/api/v1/sla/ladders', { body }));
export const updateLadder = (ladderId: string, body: Partial<LadderBody> & { version: number }) =>
  unwrap(api.PATCH('/api/v1/sla/ladders/{id}', { ...id(ladderId), body }));
export const deleteLadder = (ladderId: string) => unwrap(api.DELETE('/api/v1/sla/ladders/{id}', id(ladderId)));

export const getSlaSettings = () => unwrap(api.GET('/api/v1/sla/settings'));
export const putSlaSettings = (body: SlaSettings) => unwrap(api.PUT('/api/v1/sla/settings', { body }));
