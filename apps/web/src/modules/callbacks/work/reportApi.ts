import { api, unwrap } from '../../../api/client';
import type { QueryOf, ResponseOf } from '../../../api/types';

export type CallbackReport = ResponseOf<'/api/v1/callbacks/report', 'get'>;
export type CallbackReportQuery = QueryOf<'/api/v1/callbacks/report', 'get'>;
export type UnreachedCallback = CallbackReport['unreached'][number];

/** Under the callbacks' own prefix, so whatever refreshes the callbacks refreshes the report too. */
export const callbackReportKey = (query: CallbackReportQuery) => ['callbacks', 'report', query] as const;

export const getCallbackReport = (query: CallbackReportQuery) =>
  unwrap(api.GET('/api/v1/callbacks/report', { params: { query } }));
