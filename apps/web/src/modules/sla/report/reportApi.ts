import { api, buildUrl, unwrap } from '../../../api/client';
import type { SlaReportGroup, SlaReportQuery, SlaTrendQuery } from './reportTypes';

export const slaReportKey = ['sla', 'report'] as const;

export const getSlaReport = (query: SlaReportQuery) => unwrap(api.GET('/api/v1/sla/report', { params: { query } }));

export const getSlaTrend = (query: SlaTrendQuery) => unwrap(api.GET('/api/v1/sla/report/trend', { params: { query } }));

/** The export of exactly the report on screen (period and grouping). */
export function slaReportExportUrl(
  format: 'csv' | 'xlsx',
  query: { from: string; to: string; groupBy: SlaReportGroup },
): string {
  return buildUrl('/api/v1/sla/report/export', { format, ...query });
}
