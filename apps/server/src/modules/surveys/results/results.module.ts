import type { ModuleManifest } from '../../../lib/module.js';
import { surveyResultsRoutes } from './results.routes.js';

/** Survey results (NPS, CSAT, response rate; per staff, department, period) and the answers under them. */
export const surveysResultsModule: ModuleManifest = {
  name: 'surveys/results',
  routes: [{ plugin: surveyResultsRoutes, prefix: '/api/v1/surveys' }],
};
