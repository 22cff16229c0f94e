import { api, unwrap } from '../../api/client';
import type { HandoverBody } from '../../api/types';

export const handoversQueryKey = ['handovers'] as const;

export const previewHandover = (fromUserId: string, toUserId: string) =>
  unwrap(api.POST('/api/v1/handovers/preview', { body: { fromUserId, toUserId, scope: 'all' } }));

export const executeHandover = (body: HandoverBody) => unwrap(api.POST('/api/v1/handovers', { body }));

export const listHandovers = (page: number, pageSize: number, userId?: string) =>
  unwrap(api.GET('/api/v1/handovers', { params: { query: { page, pageSize, userId, sort: undefined } } }));
