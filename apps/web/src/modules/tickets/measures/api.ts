import { api, unwrap } from '../../../api/client';
import type { MeasureQuery, UpdateMeasureBody } from './types';

export const measuresQueryKey = ['improvement-measures'] as const;

export const listMeasures = (query: MeasureQuery) =>
  unwrap(api.GET('/api/v1/improvement-measures', { params: { query } }));
export const updateMeasure = (id: string, body: UpdateMeasureBody) =>
  unwrap(api.PATCH('/api/v1/improvement-measures/{id}', { params: { path: { id } }, body }));
