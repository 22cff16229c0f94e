import { api, unwrap } from '../../api/client';
import type { JobState } from '../../api/types';

export const jobsQueryKey = ['jobs'] as const;

/** Tabs, most useful first: failed jobs are what an administrator comes here for. */
export const JOB_STATES = [
  'failed',
  'retry',
  'active',
  'created',
  'completed',
  'cancelled',
] as const satisfies readonly JobState[];

export const listJobs = (query: { state: JobState; page: number; pageSize: number }) =>
  unwrap(api.GET('/api/v1/jobs', { params: { query } }));

export const retryJob = (id: string) => unwrap(api.POST('/api/v1/jobs/{id}/retry', { params: { path: { id } } }));

export const deadLettersQueryKey = ['jobs', 'dead-letters'] as const;

export const listDeadLetters = (query: { page: number; pageSize: number }) =>
  unwrap(api.GET('/api/v1/jobs/dead-letters', { params: { query } }));

export const retryDeadLetter = (letter: { eventId: string; listener: string }) =>
  unwrap(api.POST('/api/v1/jobs/dead-letters/{eventId}/{listener}/retry', { params: { path: letter } }));
