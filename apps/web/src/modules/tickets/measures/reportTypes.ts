/** Types of the ticket reports module, derived from the API (never typed twice). */
import type { QueryOf, ResponseOf } from '../../../api/types';

export type RootCauseReport = ResponseOf<'/api/v1/ticket-reports/root-causes', 'get'>;
export type RootCauseItem = RootCauseReport['items'][number];
export type MeasureCompletion = RootCauseReport['measures'];
export type RootCauseReportQuery = QueryOf<'/api/v1/ticket-reports/root-causes', 'get'>;
