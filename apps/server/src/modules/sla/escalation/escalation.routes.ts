import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../../lib/deps.js';
import { problems } from '../../../lib/route-helpers.js';
import { actorContext } from '../../../plugins/auth.js';
import {
  AtRiskPageSchema,
  AtRiskQuerySchema,
  EscalateBodySchema,
  EscalationSchema,
  TicketIdParamsSchema,
} from './escalation.schemas.js';
import * as service from './escalation.service.js';

/** Manual escalation and the at-risk queue: /api/v1/sla/tickets/{ticketId}/escalations, /api/v1/sla/at-risk */
export const slaEscalationRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  app.post(
    '/tickets/:ticketId/escalations',
    {
      config: { access: 'sla.escalate' },
      schema: {
        operationId: 'escalateSlaClock',
        summary: 'Escalate a ticket’s time limit by hand to a higher ladder level (a skip needs a reason)',
        params: TicketIdParamsSchema,
        body: EscalateBodySchema,
        response: { 201: EscalationSchema, ...problems },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await service.escalateTicket(deps, actorContext(request), request.params.ticketId, request.body)),
  );

  app.get(
    '/at-risk',
    {
      config: { access: 'sla.read' },
      schema: {
        operationId: 'listSlaAtRisk',
        summary: 'Running and breached time limits of the tickets in scope, by time to breach (breached first)',
        querystring: AtRiskQuerySchema,
        response: { 200: AtRiskPageSchema, ...problems },
      },
    },
    async (request) => service.listAtRisk(deps, actorContext(request).actor, request.query),
  );
};
