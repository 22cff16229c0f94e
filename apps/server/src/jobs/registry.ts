import { purgeExpiredSessions } from '../modules/auth/auth.jobs.js';
import { openEvaluationRound } from '../modules/customers/grading/grading.jobs.js';
import { importCustomersJob } from '../modules/customers/import-export/import.jobs.js';
import { notifyHandoverCustomers } from '../modules/handover/handover.jobs.js';
import { analyzeDatabase } from '../modules/maintenance/maintenance.jobs.js';
import type { JobDefinition } from './definition.js';

/** Every job definition of every module. A module adds its `<domain>.jobs.ts` exports here. */
export const jobDefinitions: JobDefinition[] = [
  purgeExpiredSessions,
  analyzeDatabase,
  openEvaluationRound,
  notifyHandoverCustomers,
  importCustomersJob,
];
