import type { ModuleManifest } from '../../lib/module.js';
import { surveysAnsweringModule } from './answering/answering.module.js';
import { surveysResultsModule } from './results/results.module.js';
import { surveysSendingModule } from './sending/sending.module.js';
import { surveysRoutes } from './surveys.routes.js';

/**
 * Satisfaction surveys (issue 15): questionnaires (CSAT, NPS, staff ratings, choices, resolved?,
 * text), one-time links answered on a public page without sign-in, sending rules after a ticket is
 * closed, results (NPS, CSAT, response rate) with a minimum sample size. docs/surveys.md.
 */
export const surveysModule: ModuleManifest = {
  name: 'surveys',
  description:
    'Satisfaction surveys: questionnaires, one-time links, the public answer page, sending rules and results',
  routes: [{ plugin: surveysRoutes, prefix: '/api/v1/surveys' }],
  permissions: ['surveys.manage', 'surveys.report'],
  errors: ['surveys.not_found', 'surveys.locked', 'surveys.inactive'],
  events: ['survey.answered', 'survey.invited'],
  parts: [surveysAnsweringModule, surveysResultsModule, surveysSendingModule],
};
