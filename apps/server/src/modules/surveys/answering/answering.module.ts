import type { ModuleManifest } from '../../../lib/module.js';
import { publicSurveyRoutes, surveyPageRoutes } from './public.routes.js';

/** Answering a survey link without signing in: the JSON API and the server-rendered page /s/{token}. */
export const surveysAnsweringModule: ModuleManifest = {
  name: 'surveys/answering',
  routes: [
    { plugin: publicSurveyRoutes, prefix: '/api/public/surveys' },
    { plugin: surveyPageRoutes, prefix: '/s' },
  ],
  errors: ['surveys.token_not_found', 'surveys.token_used', 'surveys.token_expired', 'surveys.invalid_answers'],
};
