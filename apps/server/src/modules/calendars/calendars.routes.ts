import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../lib/deps.js';
import { problems } from '../../lib/route-helpers.js';
import { actorContext } from '../../plugins/auth.js';
import {
  BusinessCalendarDetailSchema,
  BusinessCalendarListSchema,
  CalendarDayParamsSchema,
  CalendarIdParamsSchema,
  CalendarVersionListSchema,
  CalendarYearParamsSchema,
  CalendarYearSchema,
  CreateCalendarBodySchema,
  DeleteCalendarDayQuerySchema,
  DueBodySchema,
  DueResultSchema,
  ElapsedBodySchema,
  ElapsedResultSchema,
  NextWorkingStartQuerySchema,
  NextWorkingStartSchema,
  PutCalendarDayBodySchema,
  UpdateCalendarBodySchema,
} from './calendars.schemas.js';
import * as service from './calendars.service.js';
import * as manage from './manage-calendar.js';

/**
 * Business calendars and the business-time calculator: /api/v1/business-calendars/… Any signed-in
 * user or API token may read and compute (the queue, integrations); editing needs `calendars.manage`
 * (the official arrangements: official/official.routes.ts).
 */
export const calendarsRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  const config = { access: 'authenticated' } as const;
  const manageAccess = { access: 'calendars.manage' } as const;

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

  app.get(
    '/:id/next-working-start',
    {
      config,
      schema: {
        operationId: 'getCalendarNextWorkingStart',
        summary: "The start of the next working day after from's local date (holidays and 调休 make-up days counted)",
        params: CalendarIdParamsSchema,
        querystring: NextWorkingStartQuerySchema,
        response: { 200: NextWorkingStartSchema, ...problems },
      },
    },
    async (request) => service.nextWorkingStart(deps, request.params.id, request.query.from),
  );

  app.get(
    '/:id',
    {
      config,
      schema: {
        operationId: 'getBusinessCalendar',
        summary: 'A business calendar: settings, weekly periods and its own days',
        params: CalendarIdParamsSchema,
        response: { 200: BusinessCalendarDetailSchema, ...problems },
      },
    },
    async (request) => manage.getCalendar(deps, request.locale, request.params.id),
  );

  app.post(
    '',
    {
      config: manageAccess,
      schema: {
        operationId: 'createBusinessCalendar',
        summary: 'Create a business calendar (id: a lowercase slug, generated from the English name when left out)',
        body: CreateCalendarBodySchema,
        response: { 201: BusinessCalendarDetailSchema, ...problems },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await manage.createCalendar(deps, actorContext(request), request.body)),
  );

  app.put(
    '/:id',
    {
      config: manageAccess,
      schema: {
        operationId: 'updateBusinessCalendar',
        summary:
          "Change a calendar's names, time zone, weekly periods and make-up day periods (409 on a stale version)",
        params: CalendarIdParamsSchema,
        body: UpdateCalendarBodySchema,
        response: { 200: BusinessCalendarDetailSchema, ...problems },
      },
    },
    async (request) => manage.updateCalendar(deps, actorContext(request), request.params.id, request.body),
  );

  app.get(
    '/:id/year/:year',
    {
      config,
      schema: {
        operationId: 'getBusinessCalendarYear',
        summary: "The special days of a year (official holidays and make-up days, then the calendar's own)",
        params: CalendarYearParamsSchema,
        response: { 200: CalendarYearSchema, ...problems },
      },
    },
    async (request) => manage.calendarYear(deps, request.locale, request.params.id, request.params.year),
  );

  app.put(
    '/:id/days/:date',
    {
      config: manageAccess,
      schema: {
        operationId: 'setBusinessCalendarDay',
        summary: "Set one of the calendar's own days (off or work) over the official arrangements",
        params: CalendarDayParamsSchema,
        body: PutCalendarDayBodySchema,
        response: { 200: BusinessCalendarDetailSchema, ...problems },
      },
    },
    async (request) =>
      manage.setCalendarDay(deps, actorContext(request), request.params.id, request.params.date, request.body),
  );

  app.delete(
    '/:id/days/:date',
    {
      config: manageAccess,
      schema: {
        operationId: 'deleteBusinessCalendarDay',
        summary: "Remove one of the calendar's own days (the official arrangement applies again)",
        params: CalendarDayParamsSchema,
        querystring: DeleteCalendarDayQuerySchema,
        response: { 200: BusinessCalendarDetailSchema, ...problems },
      },
    },
    async (request) =>
      manage.removeCalendarDay(
        deps,
        actorContext(request),
        request.params.id,
        request.params.date,
        request.query.version,
      ),
  );

  app.get(
    '/:id/versions',
    {
      config,
      schema: {
        operationId: 'listBusinessCalendarVersions',
        summary: 'The versions of a calendar, newest first: what changed, who and when',
        params: CalendarIdParamsSchema,
        response: { 200: CalendarVersionListSchema, ...problems },
      },
    },
    async (request) => manage.listCalendarVersions(deps, request.locale, request.params.id),
  );
};
