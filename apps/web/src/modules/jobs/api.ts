import { api, unwrap } from '../../api/client';
import type { JobState } from '../../api/types';

export const jobsQueryKey = ['jobs'] as const;

export const JOB_STATES = ['failed', 'active', 'created', 'completed'] as const satisfies readonly JobState[];

export const listJobs = (query: { state: JobState; page: number; pageSize: number }) =>
  unwrap(api.GET('/api/v1/jobs', { params: { query } }));

export const retryJob = (id: string) => unwrap(api.POST('/api/v1/jobs/{id}/retry', { params: { path: { id } } }));
