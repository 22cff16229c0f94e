import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../../lib/deps.js';
import { problems } from '../../../lib/route-helpers.js';
import { actorContext } from '../../../plugins/auth.js';
import { TicketIdParamsSchema, TicketSchema } from '../core/tickets.schemas.js';
import { bulkTickets } from '../queue/bulk.js';
import { addWatcher, removeWatcher } from '../relations/watchers.service.js';
import { AssigneesQuerySchema, AssigneesSchema } from './assignees.schemas.js';
import { listAssignees } from './assignees.service.js';
import {
  AssignBodySchema,
  BulkBodySchema,
  BulkResultSchema,
  WatcherBodySchema,
  WatcherParamsSchema,
  WatchersSchema,
} from './assignment.schemas.js';
import { assignTicket } from './assignment.service.js';

/**
 * Assignment, bulk actions and watchers, under /api/v1/tickets. The route's access is the least a
 * caller needs; the use case asks for more where the body does (assigning someone else needs
 * tickets.assign, changing someone else's watch needs tickets.write).
 */
export const ticketAssignmentRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  const tags = ['tickets'];

  app.post(
    '/:id/assign',
    {
      config: { access: 'tickets.write' },
      schema: {
        tags,
        operationId: 'assignTicket',
        summary: 'Assign: manual, round_robin, least_loaded, unassign (tickets.assign) or take (to me)',
        description:
          'Automatic strategies pick among active agents on shift in the ticket’s department with the skill its ' +
          'type asks for; nobody eligible is a 409 tickets.no_agent_available. Optimistic locking: send the ' +
          'version you read.',
        params: TicketIdParamsSchema,
        body: AssignBodySchema,
        response: { 200: TicketSchema, ...problems },
      },
    },
    async (request) => assignTicket(deps, actorContext(request), request.params.id, request.body),
  );

  app.get(
    '/:id/assignees',
    {
      config: { access: 'tickets.assign' },
      schema: {
        tags,
        operationId: 'listTicketAssignees',
        summary: 'Whom the ticket may be assigned to: status, skills, open and overdue work, the automatic pick',
        description:
          'The candidates are those a manual assignment accepts: active people who work on tickets within the ' +
          'caller’s data scope. `suggested` marks whom the automatic rule (`strategy`) would pick now. A ticket ' +
          'outside the caller’s scope is a 404.',
        params: TicketIdParamsSchema,
        querystring: AssigneesQuerySchema,
        response: { 200: AssigneesSchema, ...problems },
      },
    },
    async (request) => listAssignees(deps, actorContext(request).actor, request.params.id, request.query.strategy),
  );

  app.post(
    '/bulk',
    {
      config: { access: 'tickets.read' },
      schema: {
        tags,
        operationId: 'bulkUpdateTickets',
        summary: 'One action on up to 200 tickets, each in its own transaction; a result per id',
        description:
          'assign needs tickets.assign (take: tickets.write), priority and add_tag need tickets.write, watch ' +
          'needs tickets.read. No versions: for these fields the last writer wins; the history records every ' +
          'change. Tickets outside the caller’s scope are reported as tickets.not_found.',
        body: BulkBodySchema,
        response: { 200: BulkResultSchema, ...problems },
      },
    },
    async (request) => bulkTickets(deps, actorContext(request), request.body, request.log),
  );

  app.post(
    '/:id/watchers',
    {
      config: { access: 'tickets.read' },
      schema: {
        tags,
        operationId: 'addTicketWatcher',
        summary: 'Add a watcher (yourself with tickets.read; someone else needs tickets.write)',
        params: TicketIdParamsSchema,
        body: WatcherBodySchema,
        response: { 200: WatchersSchema, ...problems },
      },
    },
    async (request) => addWatcher(deps, actorContext(request), request.params.id, request.body.userId),
  );

  app.delete(
    '/:id/watchers/:userId',
    {
      config: { access: 'tickets.read' },
      schema: {
        tags,
        operationId: 'removeTicketWatcher',
        summary: 'Remove a watcher (yourself with tickets.read; someone else needs tickets.write)',
        params: WatcherParamsSchema,
        response: { 200: WatchersSchema, ...problems },
      },
    },
    async (request) => removeWatcher(deps, actorContext(request), request.params.id, request.params.userId),
  );
};
