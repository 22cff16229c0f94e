import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../lib/deps.js';
import { problems } from '../../lib/route-helpers.js';
import {
  BusinessCalendarListSchema,
  CalendarIdParamsSchema,
  DueBodySchema,
  DueResultSchema,
  ElapsedBodySchema,
  ElapsedResultSchema,
} from './calendars.schemas.js';
import * as service from './calendars.service.js';

/**
 * Business calendars and the business-time calculator: /api/v1/business-calendars/… Any signed-in
 * user or API token may compute (the queue, integrations); editing comes with the calendar editor.
 */
export const calendarsRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  const config = { access: 'authenticated' } as const;

  app.get(
    '',
    {
      config,
      schema: {
        operationId: 'listBusinessCalendars',
        summary: 'Business calendars (localized names)',
        response: { 200: BusinessCalendarListSchema, ...problems },
      },
    },
    async (request) => service.listBusinessCalendars(deps, request.locale),
  );

  app.post(
    '/:id/due',
    {
      config,
      schema: {
        operationId: 'computeCalendarDue',
        summary: 'The instant at which n business minutes have elapsed from start',
        params: CalendarIdParamsSchema,
        body: DueBodySchema,
        response: { 200: DueResultSchema, ...problems },
      },
    },
    async (request) => service.computeDue(deps, request.params.id, request.body),
  );

  app.post(
    '/:id/elapsed',
    {
      config,
      schema: {
        operationId: 'computeCalendarElapsed',
        summary: 'Business minutes between two instants',
        params: CalendarIdParamsSchema,
        body: ElapsedBodySchema,
        response: { 200: ElapsedResultSchema, ...problems },
      },
    },
    async (request) => service.computeElapsed(deps, request.params.id, request.body),
  );
};
