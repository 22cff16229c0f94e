/** Types of the improvement measures module, derived from the API (never typed twice). */
import type { BodyOf, QueryOf, ResponseOf } from '../../../api/types';

export type Measure = ResponseOf<'/api/v1/improvement-measures', 'get'>['items'][number];
export type MeasureStatus = Measure['status'];
export type MeasureQuery = QueryOf<'/api/v1/improvement-measures', 'get'>;
export type UpdateMeasureBody = BodyOf<'/api/v1/improvement-measures/{id}', 'patch'>;
