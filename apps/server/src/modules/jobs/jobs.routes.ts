import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../lib/deps.js';
import { PageQuerySchema, pageOf } from '../../lib/pagination.js';
import { NoContent, problems } from '../../lib/route-helpers.js';
import * as service from './jobs.service.js';

const JobSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    state: z.string(),
    data: z.unknown(),
    output: z.unknown().nullable(),
    retryCount: z.number().int(),
    createdOn: z.coerce.date(),
    startedOn: z.coerce.date().nullable(),
    completedOn: z.coerce.date().nullable(),
  })
  .meta({ id: 'Job' });

const STATES = ['created', 'retry', 'active', 'completed', 'cancelled', 'failed'] as const;

export const jobsRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  app.get(
    '',
    {
      config: { access: 'jobs.read' },
      schema: {
        tags: ['jobs'],
        operationId: 'listJobs',
        summary: 'Background jobs by state (failed ones can be retried)',
        querystring: PageQuerySchema.extend({ state: z.enum(STATES).optional() }),
        response: { 200: pageOf(JobSchema), ...problems },
      },
    },
    async (request) => {
      const { state, ...page } = request.query;
      return service.listJobs(deps, state, page);
    },
  );

  app.post(
    '/:id/retry',
    {
      config: { access: 'jobs.manage' },
      schema: {
        tags: ['jobs'],
        operationId: 'retryJob',
        summary: 'Retry a failed job',
        params: z.object({ id: z.uuid() }),
        response: { 204: NoContent, ...problems },
      },
    },
    async (request, reply) => {
      await service.retryJob(deps, request.ctx(), request.params.id);
      return reply.status(204).send(null);
    },
  );
};
