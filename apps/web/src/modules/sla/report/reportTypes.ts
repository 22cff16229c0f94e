/** Types of the SLA report, derived from the API (never typed twice). */
import type { QueryOf, ResponseOf } from '../../../api/types';

export type SlaReport = ResponseOf<'/api/v1/sla/report', 'get'>;
export type SlaReportRow = SlaReport['rows'][number];
export type SlaWeights = SlaReport['weights'];
export type SlaMetricName = keyof SlaReportRow['metrics'];
export type SlaMetricFigures = SlaReportRow['metrics'][SlaMetricName];
export type SlaReportQuery = QueryOf<'/api/v1/sla/report', 'get'>;
export type SlaReportGroup = NonNullable<SlaReportQuery['groupBy']>;
export type SlaTrend = ResponseOf<'/api/v1/sla/report/trend', 'get'>;
export type SlaTrendQuery = QueryOf<'/api/v1/sla/report/trend', 'get'>;
export type SlaTrendInterval = NonNullable<SlaTrendQuery['interval']>;
