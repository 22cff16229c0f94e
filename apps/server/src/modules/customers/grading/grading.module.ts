import type { ModuleManifest } from '../../../lib/module.js';
import { openEvaluationRound } from './grading.jobs.js';
import { customerEvaluationRoutes, customerGradingRoutes } from './grading.routes.js';
import { customerReportsRoutes } from './reports.routes.js';

/** Grade evaluation: criteria, bands, rounds, history, grade at a time; the shortfall report. */
export const customersGradingModule: ModuleManifest = {
  name: 'customers/grading',
  routes: [
    { plugin: customerEvaluationRoutes, prefix: '/api/v1/customers' },
    { plugin: customerGradingRoutes, prefix: '/api/v1/customer-grading' },
    { plugin: customerReportsRoutes, prefix: '/api/v1/customer-reports' },
  ],
  permissions: ['customers.evaluate'],
  errors: [
    'customers.criteria_weights_sum',
    'customers.grade_bands_order',
    'customers.round_not_found',
    'customers.round_closed',
    'customers.round_exists',
    'customers.evaluation_scores_invalid',
  ],
  events: [
    'customer.grade_changed',
    'customer.evaluated',
    'customer.evaluation_round_opened',
    'customer.evaluation_round_closed',
  ],
  jobs: [openEvaluationRound],
};
