import type { ModuleManifest } from '../../../lib/module.js';
import { callSettingsRoutes, statsRoutes } from './stats.routes.js';

/** Call-centre KPIs per queue, agent and period against editable targets, and their trend. */
export const callStatsModule: ModuleManifest = {
  name: 'calls/stats',
  routes: [
    { plugin: statsRoutes, prefix: '/api/v1/call-stats' },
    { plugin: callSettingsRoutes, prefix: '/api/v1/call-settings' },
  ],
  errors: ['calls.range_invalid', 'calls.min_above_max'],
};
