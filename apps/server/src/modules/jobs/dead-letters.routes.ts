import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../lib/deps.js';
import { PageQuerySchema, pageOf } from '../../lib/pagination.js';
import { NoContent, problems } from '../../lib/route-helpers.js';
import * as service from './dead-letters.service.js';

const DeadLetterSchema = z
  .object({
    eventId: z.string(),
    listener: z.string(),
    eventName: z.string(),
    aggregateType: z.string(),
    aggregateId: z.string(),
    payload: z.unknown(),
    attempts: z.number().int(),
    lastError: z.string().nullable(),
    createdAt: z.coerce.date(),
    failedAt: z.coerce.date(),
  })
  .meta({ id: 'DeadLetter' });

/** The outbox's dead-letter list (ADR 0007), shown on the jobs page with the same permissions. */
export const deadLettersRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  app.get(
    '',
    {
      config: { access: 'jobs.read' },
      schema: {
        tags: ['jobs'],
        operationId: 'listDeadLetters',
        summary: 'Event deliveries that failed every attempt (dead letters)',
        querystring: PageQuerySchema,
        response: { 200: pageOf(DeadLetterSchema), ...problems },
      },
    },
    async (request) => service.listDeadLetters(deps, request.query),
  );

  app.post(
    '/:eventId/:listener/retry',
    {
      config: { access: 'jobs.manage' },
      schema: {
        tags: ['jobs'],
        operationId: 'retryDeadLetter',
        summary: 'Deliver a dead letter again',
        params: z.object({ eventId: z.string().regex(/^\d{1,19}$/), listener: z.string().max(200) }),
        response: { 204: NoContent, ...problems },
      },
    },
    async (request, reply) => {
      await service.retryDeadLetter(deps, request.ctx(), request.params.eventId, request.params.listener);
      return reply.status(204).send(null);
    },
  );
};
