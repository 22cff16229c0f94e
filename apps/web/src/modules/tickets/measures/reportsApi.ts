import { api, unwrap } from '../../../api/client';
import type { RootCauseReportQuery } from './reportTypes';

export const ticketReportsKey = ['ticket-reports'] as const;

export const getRootCauseReport = (query: RootCauseReportQuery) =>
  unwrap(api.GET('/api/v1/ticket-reports/root-causes', { params: { query } }));
