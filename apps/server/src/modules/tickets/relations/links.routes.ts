import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../../lib/deps.js';
import { NoContent, problems } from '../../../lib/route-helpers.js';
import { actorContext } from '../../../plugins/auth.js';
import { TicketIdParamsSchema } from '../core/tickets.schemas.js';
import { LinkBodySchema, LinkParamsSchema, RelatedTicketListSchema } from './links.schemas.js';
import * as service from './links.service.js';

/** Related tickets: /api/v1/tickets/:id/links. */
export const ticketLinksRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  const tags = ['tickets'];

  app.get(
    '/:id/links',
    {
      config: { access: 'tickets.read' },
      schema: {
        tags,
        operationId: 'listTicketLinks',
        summary:
          'Related tickets in the caller’s scope: linked ones, duplicates merged into it, the one it was merged into',
        params: TicketIdParamsSchema,
        response: { 200: RelatedTicketListSchema, ...problems },
      },
    },
    async (request) => service.listTicketLinks(deps, actorContext(request).actor, request.params.id),
  );

  app.post(
    '/:id/links',
    {
      config: { access: 'tickets.write' },
      schema: {
        tags,
        operationId: 'createTicketLink',
        summary: 'Link a related ticket (both in the caller’s scope); answers the related tickets',
        params: TicketIdParamsSchema,
        body: LinkBodySchema,
        response: { 201: RelatedTicketListSchema, ...problems },
      },
    },
    async (request, reply) => {
      reply.code(201);
      return service.linkTickets(deps, actorContext(request), request.params.id, request.body.ticketId);
    },
  );

  app.delete(
    '/:id/links/:linkedId',
    {
      config: { access: 'tickets.write' },
      schema: {
        tags,
        operationId: 'deleteTicketLink',
        summary: 'Remove the link between two tickets',
        params: LinkParamsSchema,
        response: { 204: NoContent, ...problems },
      },
    },
    async (request, reply) => {
      await service.unlinkTickets(deps, actorContext(request), request.params.id, request.params.linkedId);
      return reply.status(204).send(null);
    },
  );
};
