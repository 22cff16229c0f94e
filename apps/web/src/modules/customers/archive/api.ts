import { api, buildUrl, unwrap } from '../../../api/client';
import type {
  ContactBody,
  CreateCustomerBody,
  CustomerQuery,
  EvaluateBody,
  FiguresBody,
  LogContactBody,
  MilestoneBody,
  StaffBody,
  UpdateCustomerBody,
} from '../../../api/types';
import type { CustomerFilters } from './customerQuery';

export const customersQueryKey = ['customers'] as const;
/** Everything shown on one customer's page; invalidated as a whole after any change to it. */
export const customerKey = (id: string) => [...customersQueryKey, 'detail', id] as const;

const path = (id: string) => ({ params: { path: { id } } });

export const listCustomers = (query: CustomerQuery) => unwrap(api.GET('/api/v1/customers', { params: { query } }));

/** Same filters as the list on screen (no paging, no sort); `cf` repeats. */
export function customerExportUrl(format: 'csv' | 'xlsx', filters: CustomerFilters): string {
  const { cf, ...rest } = filters;
  const base = buildUrl('/api/v1/customers/export', { format, ...rest });
  if (!cf?.length) return base;
  const extra = cf.map((pair) => `cf=${encodeURIComponent(pair)}`).join('&');
  return `${base}&${extra}`;
}

export const createCustomer = (body: CreateCustomerBody) => unwrap(api.POST('/api/v1/customers', { body }));
export const getCustomer = (id: string) => unwrap(api.GET('/api/v1/customers/{id}', path(id)));
export const updateCustomer = (id: string, body: UpdateCustomerBody) =>
  unwrap(api.PATCH('/api/v1/customers/{id}', { ...path(id), body }));

export const addContact = (id: string, body: ContactBody) =>
  unwrap(api.POST('/api/v1/customers/{id}/contacts', { ...path(id), body }));
export const updateContact = (id: string, contactId: string, body: Partial<ContactBody>) =>
  unwrap(api.PATCH('/api/v1/customers/{id}/contacts/{contactId}', { params: { path: { id, contactId } }, body }));
export const removeContact = (id: string, contactId: string) =>
  unwrap(api.DELETE('/api/v1/customers/{id}/contacts/{contactId}', { params: { path: { id, contactId } } }));

export const setStaff = (id: string, staff: StaffBody['staff']) =>
  unwrap(api.PUT('/api/v1/customers/{id}/staff', { ...path(id), body: { staff } }));

export const listTimeline = (id: string, page: number, pageSize: number, kind?: string) =>
  unwrap(api.GET('/api/v1/customers/{id}/timeline', { params: { path: { id }, query: { page, pageSize, kind } } }));
export const logContact = (id: string, body: LogContactBody) =>
  unwrap(api.POST('/api/v1/customers/{id}/timeline', { ...path(id), body }));

export const listMilestones = (id: string) => unwrap(api.GET('/api/v1/customers/{id}/milestones', path(id)));
export const addMilestone = (id: string, body: MilestoneBody) =>
  unwrap(api.POST('/api/v1/customers/{id}/milestones', { ...path(id), body }));
export const removeMilestone = (id: string, milestoneId: string) =>
  unwrap(api.DELETE('/api/v1/customers/{id}/milestones/{milestoneId}', { params: { path: { id, milestoneId } } }));

export const getFigures = (id: string) => unwrap(api.GET('/api/v1/customers/{id}/figures', path(id)));
export const putFigures = (id: string, items: FiguresBody['items']) =>
  unwrap(api.PUT('/api/v1/customers/{id}/figures', { ...path(id), body: { items } }));

export const listDuplicates = (id: string) => unwrap(api.GET('/api/v1/customers/{id}/duplicates', path(id)));
/** Asks the owner's team of a customer outside the caller's scope (same phone / e-mail) to share it. */
export const requestCustomerAccess = (body: { phone?: string | null; email?: string | null; note?: string | null }) =>
  unwrap(api.POST('/api/v1/customers/access-requests', { body }));
export const mergeCustomer = (id: string, sourceId: string) =>
  unwrap(api.POST('/api/v1/customers/{id}/merge', { ...path(id), body: { sourceId } }));

export const listEvaluations = (id: string) =>
  unwrap(api.GET('/api/v1/customers/{id}/evaluations', { params: { path: { id }, query: { pageSize: 50 } } }));
export const evaluateCustomer = (id: string, body: EvaluateBody) =>
  unwrap(api.POST('/api/v1/customers/{id}/evaluations', { ...path(id), body }));
export const gradeHistory = (id: string) => unwrap(api.GET('/api/v1/customers/{id}/grade-history', path(id)));
