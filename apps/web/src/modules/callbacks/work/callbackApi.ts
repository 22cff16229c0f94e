import { api, unwrap } from '../../../api/client';
import type { BodyOf } from '../../../api/types';
import type { CallbackListQuery, OutcomeBody } from './callbackTypes';

/** Every callback query starts with this key: invalidating it refreshes lists, counts and the open callback. */
export const callbacksKey = ['callbacks'] as const;
export const callbackCountsKey = [...callbacksKey, 'counts'] as const;
export const callbackListKey = (query: CallbackListQuery) => [...callbacksKey, 'list', query] as const;
export const callbackKey = (id: string) => [...callbacksKey, 'detail', id] as const;

const path = (id: string) => ({ params: { path: { id } } });

export const listCallbacks = (query: CallbackListQuery) => unwrap(api.GET('/api/v1/callbacks', { params: { query } }));
export const countMyCallbacks = () => unwrap(api.GET('/api/v1/callbacks/counts'));
export const getCallback = (id: string) => unwrap(api.GET('/api/v1/callbacks/{id}', path(id)));
export const recordAttempt = (id: string, body: { reached: boolean; note?: string }) =>
  unwrap(api.POST('/api/v1/callbacks/{id}/attempts', { ...path(id), body }));
export const writeUpCallback = (id: string, note: string) =>
  unwrap(api.POST('/api/v1/callbacks/{id}/write-up', { ...path(id), body: { note } }));
export const recordOutcome = (id: string, body: OutcomeBody) =>
  unwrap(api.POST('/api/v1/callbacks/{id}/outcome', { ...path(id), body }));
export const raiseComplaint = (id: string) =>
  unwrap(api.POST('/api/v1/callbacks/{id}/complaint', { ...path(id), body: {} }));
/** The customer's own rest hours (null: back to the settings' quiet windows); their pending callbacks move. */
export const setCustomerQuietHours = (
  id: string,
  quietWindows: BodyOf<'/api/v1/callbacks/{id}/customer-quiet-hours', 'put'>['quietWindows'],
) => unwrap(api.PUT('/api/v1/callbacks/{id}/customer-quiet-hours', { ...path(id), body: { quietWindows } }));
