import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../lib/deps.js';
import { pageOf } from '../../lib/pagination.js';
import { problems } from '../../lib/route-helpers.js';
import { actorContext } from '../../plugins/auth.js';
import {
  HandoverBodySchema,
  HandoverPreviewBodySchema,
  HandoverPreviewSchema,
  HandoverResultSchema,
  HandoverSchema,
  ListHandoversQuerySchema,
} from './handover.schemas.js';
import * as service from './handover.service.js';

/** Handovers (交接): a leaving employee's customers and open work to a successor, /api/v1/handovers. */
export const handoverRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  app.post(
    '/preview',
    {
      config: { access: 'customers.handover' },
      schema: {
        tags: ['handovers'],
        operationId: 'previewHandover',
        summary: 'What a handover would move, kind by kind (counts and the first 50 of each)',
        body: HandoverPreviewBodySchema,
        response: { 200: HandoverPreviewSchema, ...problems },
      },
    },
    async (request) => service.previewHandover(deps, actorContext(request), request.body),
  );

  app.post(
    '',
    {
      config: { access: 'customers.handover' },
      schema: {
        tags: ['handovers'],
        operationId: 'createHandover',
        summary:
          'Hand everything over in one audited transaction; optionally notify customers and disable the leaving user',
        body: HandoverBodySchema,
        response: { 201: HandoverResultSchema, ...problems },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await service.executeHandover(deps, actorContext(request), request.body)),
  );

  app.get(
    '',
    {
      config: { access: 'customers.handover' },
      schema: {
        tags: ['handovers'],
        operationId: 'listHandovers',
        summary: 'Handover history in the caller’s data scope (from or to someone in scope)',
        querystring: ListHandoversQuerySchema,
        response: { 200: pageOf(HandoverSchema), ...problems },
      },
    },
    async (request) => {
      const { page, pageSize, sort, ...filter } = request.query;
      return service.listHandovers(deps, actorContext(request), filter, { page, pageSize, sort });
    },
  );
};
