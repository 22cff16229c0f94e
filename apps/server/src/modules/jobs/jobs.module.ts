import type { ModuleManifest } from '../../lib/module.js';
import { deadLettersRoutes } from './dead-letters.routes.js';
import { jobsRoutes } from './jobs.routes.js';

export const jobsModule: ModuleManifest = {
  name: 'jobs',
  description: 'Background jobs: list by state, retry a failed one',
  routes: [
    { plugin: jobsRoutes, prefix: '/api/v1/jobs' },
    { plugin: deadLettersRoutes, prefix: '/api/v1/jobs/dead-letters' },
  ],
  permissions: ['jobs.read', 'jobs.manage'],
  // `jobs.interrupted` and `job.failed` come from the job runner (`src/jobs`), which this module shows.
  errors: ['jobs.not_found', 'jobs.interrupted'],
  events: ['job.failed'],
};
