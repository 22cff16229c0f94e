import type { ModuleManifest } from '../../../lib/module.js';
import { staffingRoutes } from './staffing.routes.js';

/** Erlang C staffing for one interval and the intraday forecast from call history. */
export const callStaffingModule: ModuleManifest = {
  name: 'calls/staffing',
  routes: [{ plugin: staffingRoutes, prefix: '/api/v1/staffing' }],
  errors: ['calls.staffing_too_large'],
};
