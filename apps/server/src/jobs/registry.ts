import { purgeExpiredSessions } from '../modules/auth/auth.jobs.js';
import type { JobDefinition } from './definition.js';

/** Every job definition of every module. A module adds its `<domain>.jobs.ts` exports here. */
export const jobDefinitions: JobDefinition[] = [purgeExpiredSessions];
