import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { COUNT_LIMIT } from '../../../lib/capped-count.js';
import type { Deps } from '../../../lib/deps.js';
import { problems } from '../../../lib/route-helpers.js';
import { actorContext } from '../../../plugins/auth.js';
import { TicketCountsQuerySchema } from '../core/tickets.schemas.js';
import { ticketCounts } from './count-tickets.js';

const capped = z.number().int().describe(`Counted up to ${COUNT_LIMIT}; a larger count answers ${COUNT_LIMIT}`);

const TicketCountsSchema = z
  .object({
    queues: z
      .object({ mine: capped, team: capped, unassigned: capped, watching: capped, all: capped })
      .describe('Each queue (tab) with the filters given'),
    chips: z
      .object({ overdue: capped, dueToday: capped, complaint: capped, major: capped, open: capped })
      .describe('Each one-click filter added to the filters given, in `queue`'),
  })
  .meta({ id: 'TicketCounts' });

export const ticketQueueRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  app.get(
    '/counts',
    {
      config: { access: 'tickets.read' },
      schema: {
        tags: ['tickets'],
        operationId: 'countTickets',
        summary: 'Queue counts: tickets per queue and per one-click filter, in the caller’s scope',
        querystring: TicketCountsQuerySchema,
        response: { 200: TicketCountsSchema, ...problems },
      },
    },
    async (request) => ticketCounts(deps, actorContext(request).actor, request.query),
  );
};
