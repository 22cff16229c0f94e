import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../../lib/deps.js';
import { pageOf } from '../../../lib/pagination.js';
import { problems } from '../../../lib/route-helpers.js';
import { actorContext } from '../../../plugins/auth.js';
import { SurveyParamsSchema } from '../surveys.schemas.js';
import { listResponses } from './responses.service.js';
import {
  ResponsesQuerySchema,
  ResultsQuerySchema,
  SurveyResponseSchema,
  SurveyResultsSchema,
} from './results.schemas.js';
import { surveyResults } from './results.service.js';

const access = { access: 'surveys.report' } as const;

/** Results and the answers under them: /api/v1/surveys/{id}/results, /responses */
export const surveyResultsRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  app.get(
    '/:id/results',
    {
      config: access,
      schema: {
        operationId: 'getSurveyResults',
        summary: 'NPS, CSAT and response rate of a period, per staff member, department and period',
        description:
          'Over the answers the caller may see (the customer in their data scope). NPS in points −100..100, ' +
          'CSAT and response rate as fractions 0–1; null with `suppressed: true` below the survey’s minimum ' +
          'sample size. Formulas: docs/surveys.md.',
        params: SurveyParamsSchema,
        querystring: ResultsQuerySchema,
        response: { 200: SurveyResultsSchema, ...problems },
      },
    },
    async (request) => surveyResults(deps, actorContext(request).actor, request.params.id, request.query),
  );

  app.get(
    '/:id/responses',
    {
      config: access,
      schema: {
        operationId: 'listSurveyResponses',
        summary: 'The answers of a period, newest first (drill-down; customers shown are put on record)',
        params: SurveyParamsSchema,
        querystring: ResponsesQuerySchema,
        response: { 200: pageOf(SurveyResponseSchema), ...problems },
      },
    },
    async (request) => listResponses(deps, actorContext(request), request.params.id, request.query),
  );
};
