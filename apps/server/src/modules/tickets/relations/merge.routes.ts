import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../../lib/deps.js';
import { problems } from '../../../lib/route-helpers.js';
import { actorContext } from '../../../plugins/auth.js';
import { TicketIdParamsSchema, TicketSchema } from '../core/tickets.schemas.js';
import { MergeBodySchema } from './links.schemas.js';
import { mergeTickets } from './merge.service.js';

/** Merging duplicates: POST /api/v1/tickets/:id/merge. */
export const ticketMergeRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  app.post(
    '/:id/merge',
    {
      config: { access: 'tickets.supervise' },
      schema: {
        tags: ['tickets'],
        operationId: 'mergeTicket',
        summary:
          'Merge the duplicate `sourceId` into this ticket: its messages, attachments, measures, links and watchers move here, its description becomes a system message; the source ends `merged`',
        params: TicketIdParamsSchema,
        body: MergeBodySchema,
        response: { 200: TicketSchema, ...problems },
      },
    },
    async (request) => mergeTickets(deps, actorContext(request), request.params.id, request.body),
  );
};
