/** Callback work types, from the generated client (api/types.ts). */
import type { BodyOf, QueryOf, ResponseOf } from '../../../api/types';

export type CallbackItem = ResponseOf<'/api/v1/callbacks', 'get'>['items'][number];
export type CallbackListQuery = QueryOf<'/api/v1/callbacks', 'get'>;
export type CallbackCounts = ResponseOf<'/api/v1/callbacks/counts', 'get'>;
export type CallbackDetail = ResponseOf<'/api/v1/callbacks/{id}', 'get'>;
export type CallbackAttemptResult = ResponseOf<'/api/v1/callbacks/{id}/attempts', 'post'>;
export type CallbackComplaintResult = ResponseOf<'/api/v1/callbacks/{id}/complaint', 'post'>;
export type OutcomeBody = BodyOf<'/api/v1/callbacks/{id}/outcome', 'post'>;
export type CallbackStatus = CallbackItem['status'];
export type CallbackChannel = CallbackItem['channel'];
export type CallbackSourceKind = CallbackItem['sourceKind'];

/** The staff roles a callback's outcome rates (the studio's three, then the others). */
export const STAFF_ROLES = ['store_rep', 'stylist', 'photographer', 'engineer', 'agent', 'other'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];
