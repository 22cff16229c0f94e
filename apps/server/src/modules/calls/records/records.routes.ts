import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../../lib/deps.js';
import { problems } from '../../../lib/route-helpers.js';
import { actorContext } from '../../../plugins/auth.js';
import { createCallTicket } from './create-call-ticket.js';
import {
  CallIdParamsSchema,
  CallPageSchema,
  CallSchema,
  CallTicketBodySchema,
  CallTicketSchema,
  ListCallsQuerySchema,
} from './records.schemas.js';
import { getCall, listCalls } from './records.service.js';

/** /api/v1/calls: call records (list, one call). */
export const recordsRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  app.get(
    '',
    {
      config: { access: 'calls.read' },
      schema: {
        operationId: 'listCalls',
        summary: 'Call records in the caller’s data scope, newest first',
        querystring: ListCallsQuerySchema,
        response: { 200: CallPageSchema, ...problems },
      },
    },
    async (request) => listCalls(deps, actorContext(request).actor, request.query),
  );

  app.get(
    '/:id',
    {
      config: { access: 'calls.read' },
      schema: {
        operationId: 'getCall',
        summary: 'One call record',
        params: CallIdParamsSchema,
        response: { 200: CallSchema, ...problems },
      },
    },
    async (request) => getCall(deps, actorContext(request).actor, request.params.id),
  );
};

/**
 * /api/v1/call-tickets: turning a call into a ticket (its own path: `/calls/{id}/ticket` would be
 * ambiguous with `/calls/imports/{id}`).
 */
export const callTicketRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  app.post(
    '',
    {
      config: { access: 'tickets.write' },
      schema: {
        operationId: 'createCallTicket',
        summary:
          'Turn a call into a ticket (a call in the caller’s call scope, or without calls.read one they answered or of a customer they see); 201 new, 200 the one made before',
        body: CallTicketBodySchema,
        response: { 200: CallTicketSchema, 201: CallTicketSchema, ...problems },
      },
    },
    async (request, reply) => {
      const result = await createCallTicket(deps, actorContext(request), request.body.callId, request.body);
      return reply.code(result.created ? 201 : 200).send(result);
    },
  );
};
