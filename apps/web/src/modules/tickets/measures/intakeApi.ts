/** The complaint intake report: API calls and types derived from the API (never typed twice). */
import { api, buildUrl, unwrap } from '../../../api/client';
import type { QueryOf, ResponseOf } from '../../../api/types';
import { ticketReportsKey } from './reportsApi';

export type IntakeReport = ResponseOf<'/api/v1/ticket-reports/intake', 'get'>;
export type IntakeReportQuery = QueryOf<'/api/v1/ticket-reports/intake', 'get'>;
export type IntakeTotals = IntakeReport['totals'];
export type IntakeGroup = IntakeReport['groups'][number];
export type IntakeGroupBy = IntakeReport['groupBy'];

export const INTAKE_GROUPS = ['type', 'channel', 'department'] as const satisfies readonly IntakeGroupBy[];
export const INTAKE_FIGURES = [
  'received',
  'closed',
  'open',
  'overdue',
  'major',
] as const satisfies readonly (keyof IntakeTotals)[];
export type IntakeFigure = (typeof INTAKE_FIGURES)[number];

export const intakeReportKey = (query: IntakeReportQuery) => [...ticketReportsKey, 'intake', query] as const;

export const getIntakeReport = (query: IntakeReportQuery) =>
  unwrap(api.GET('/api/v1/ticket-reports/intake', { params: { query } }));

/** The export of exactly the report on screen (period and grouping). */
export function intakeExportUrl(format: 'csv' | 'xlsx', query: IntakeReportQuery): string {
  return buildUrl('/api/v1/ticket-reports/intake/export', { format, ...query });
}
