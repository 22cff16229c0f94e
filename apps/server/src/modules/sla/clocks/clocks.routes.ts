import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../../lib/deps.js';
import { problems } from '../../../lib/route-helpers.js';
import { actorContext } from '../../../plugins/auth.js';
import * as views from './clock-views.js';
import {
  CalendarPreviewBodySchema,
  CalendarPreviewSchema,
  ClockExplanationSchema,
  ClockParamsSchema,
  ClockTicketParamsSchema,
  TicketClocksSchema,
} from './clocks.schemas.js';

/** A ticket's clocks and their explanation; the preview of a calendar draft's moved deadlines. */
export const slaClocksRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  app.get(
    '/tickets/:ticketId/clocks',
    {
      config: { access: 'sla.read' },
      schema: {
        operationId: 'listTicketSlaClocks',
        summary: 'A ticket’s time limits, computed live from its history, with warnings and ladder levels reached',
        params: ClockTicketParamsSchema,
        response: { 200: TicketClocksSchema, ...problems },
      },
    },
    async (request) => {
      const ctx = actorContext(request);
      return views.listTicketClocks(deps, ctx, request.params.ticketId);
    },
  );

  app.get(
    '/tickets/:ticketId/clocks/:clockId/explain',
    {
      config: { access: 'sla.read' },
      schema: {
        operationId: 'explainTicketSlaClock',
        summary: 'Why a time limit is due when it is: working periods, holidays, make-up days and pauses',
        params: ClockParamsSchema,
        response: { 200: ClockExplanationSchema, ...problems },
      },
    },
    async (request) => {
      const ctx = actorContext(request);
      return views.explainTicketClock(deps, ctx, request.params.ticketId, request.params.clockId);
    },
  );

  app.post(
    '/calendar-preview',
    {
      config: { access: 'calendars.manage' },
      schema: {
        operationId: 'previewSlaCalendarChange',
        summary: 'Which open deadlines a calendar draft would move (before it is saved)',
        body: CalendarPreviewBodySchema,
        response: { 200: CalendarPreviewSchema, ...problems },
      },
    },
    async (request) => views.previewCalendar(deps, request.body),
  );
};
