import { api, unwrap } from '../../../api/client';
import { listCustomers } from '../../customers/archive/api';
import type { CallbackCampaignBody, CallbackPlanBody, CallbackPlanPatch, CampaignFilter } from './types';

export const callbackPlansKey = ['callback-plans'] as const;
export const callbackCampaignsKey = ['callback-campaigns'] as const;
/** The page's list (inactive plans included, so a switched-off plan can be switched on again). */
export const callbackPlansListKey = [...callbackPlansKey, 'list', 'all'] as const;
export const callbackCampaignsListKey = [...callbackCampaignsKey, 'list'] as const;

const path = (id: string) => ({ params: { path: { id } } });

export const listCallbackPlans = () =>
  unwrap(api.GET('/api/v1/callback-plans', { params: { query: { includeInactive: 'true' } } }));
export const createCallbackPlan = (body: CallbackPlanBody) => unwrap(api.POST('/api/v1/callback-plans', { body }));
export const updateCallbackPlan = (id: string, body: CallbackPlanPatch) =>
  unwrap(api.PATCH('/api/v1/callback-plans/{id}', { ...path(id), body }));

export const listCallbackCampaigns = () => unwrap(api.GET('/api/v1/callback-campaigns'));
export const createCallbackCampaign = (body: CallbackCampaignBody) =>
  unwrap(api.POST('/api/v1/callback-campaigns', { body }));

/**
 * How many customers a campaign filter selects: the customer list's own count with the same
 * parameters (the campaign API has no dry run; both run the list's filter code in the caller's
 * data scope). `exact: false` once the list stopped counting (10,000+).
 */
export async function countCampaignCustomers(filter: CampaignFilter): Promise<{ total: number; exact: boolean }> {
  const { cf, ...rest } = filter;
  const page = await listCustomers({
    ...rest,
    ...(cf ? { cf: Array.isArray(cf) ? cf : [cf] } : {}),
    page: 1,
    pageSize: 1,
  });
  return { total: page.total, exact: page.totalExact };
}
