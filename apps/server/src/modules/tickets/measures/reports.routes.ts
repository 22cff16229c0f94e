import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../../lib/deps.js';
import { problems } from '../../../lib/route-helpers.js';
import { actorContext } from '../../../plugins/auth.js';
import { RootCauseReportQuerySchema, RootCauseReportSchema } from './reports.schemas.js';
import { rootCauseReport } from './reports.service.js';

/** Reports over tickets: /api/v1/ticket-reports/… (caller's data scope). */
export const ticketReportsRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  app.get(
    '/root-causes',
    {
      config: { access: 'tickets.read' },
      schema: {
        tags: ['tickets'],
        operationId: 'getRootCauseReport',
        summary:
          'Most frequent root causes of complaints closed in a period (with the previous period) and how the measures due in it were followed through',
        querystring: RootCauseReportQuerySchema,
        response: { 200: RootCauseReportSchema, ...problems },
      },
    },
    async (request) => rootCauseReport(deps, actorContext(request).actor, request.query),
  );
};
