import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../../lib/deps.js';
import { pageOf } from '../../../lib/pagination.js';
import { problems } from '../../../lib/route-helpers.js';
import { actorContext } from '../../../plugins/auth.js';
import { TicketIdParamsSchema } from '../core/tickets.schemas.js';
import {
  CreateMeasureBodySchema,
  ListMeasuresQuerySchema,
  MeasureIdParamsSchema,
  MeasureSchema,
  UpdateMeasureBodySchema,
} from './measures.schemas.js';
import * as service from './measures.service.js';

const tags = ['tickets'];

/** A ticket's improvement measures: /api/v1/tickets/:id/measures. */
export const ticketMeasuresRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  app.get(
    '/:id/measures',
    {
      config: { access: 'tickets.read' },
      schema: {
        tags,
        operationId: 'listTicketMeasures',
        summary: 'The improvement measures (整改措施) of a ticket',
        params: TicketIdParamsSchema,
        response: { 200: z.object({ items: z.array(MeasureSchema) }), ...problems },
      },
    },
    async (request) => service.listTicketMeasures(deps, actorContext(request).actor, request.params.id),
  );

  app.post(
    '/:id/measures',
    {
      config: { access: 'tickets.write' },
      schema: {
        tags,
        operationId: 'createTicketMeasure',
        summary: 'Add an improvement measure (owner, due date); the owner is notified in-app',
        params: TicketIdParamsSchema,
        body: CreateMeasureBodySchema,
        response: { 201: MeasureSchema, ...problems },
      },
    },
    async (request, reply) => {
      reply.code(201);
      return service.createMeasure(deps, actorContext(request), request.params.id, request.body);
    },
  );
};

/** Improvement measures across tickets, followed to completion: /api/v1/improvement-measures. */
export const improvementMeasuresRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  app.get(
    '',
    {
      config: { access: 'tickets.read' },
      schema: {
        tags,
        operationId: 'listImprovementMeasures',
        summary:
          'Improvement measures the caller owns or whose ticket is in their scope; filters mine, status, overdue, ticketId; sort dueDate (default), createdAt, updatedAt, status, ticketNumber',
        querystring: ListMeasuresQuerySchema,
        response: { 200: pageOf(MeasureSchema), ...problems },
      },
    },
    async (request) => {
      const { page, pageSize, sort, ...filter } = request.query;
      return service.listMeasures(deps, actorContext(request).actor, filter, { page, pageSize, sort });
    },
  );

  app.patch(
    '/:id',
    {
      config: { access: 'tickets.write' },
      schema: {
        tags,
        operationId: 'updateImprovementMeasure',
        summary: 'Follow a measure up: status (done needs doneNote), due date, owner, title',
        params: MeasureIdParamsSchema,
        body: UpdateMeasureBodySchema,
        response: { 200: MeasureSchema, ...problems },
      },
    },
    async (request) => service.updateMeasure(deps, actorContext(request), request.params.id, request.body),
  );
};
