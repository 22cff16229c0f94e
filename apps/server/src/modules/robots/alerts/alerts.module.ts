import type { ModuleManifest } from '../../../lib/module.js';
import { robotAlertsListener, robotDigestCountsListener } from './alerts.listeners.js';
import { robotsDailyDigestJob } from './digest.jobs.js';

/** What robots are told: escalations, warnings, major complaints, and the daily digest. */
export const alertsModule: ModuleManifest = {
  name: 'robots/alerts',
  listeners: [robotAlertsListener, robotDigestCountsListener],
  jobs: [robotsDailyDigestJob],
};
