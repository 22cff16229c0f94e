import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../lib/deps.js';
import { problems } from '../../lib/route-helpers.js';
import { actorContext } from '../../plugins/auth.js';
import { CustomerIdParamsSchema, CustomerSchema } from './customers.schemas.js';
import * as service from './merge.service.js';

const DuplicateCandidateSchema = z
  .object({
    id: z.uuid(),
    code: z.string(),
    name: z.string(),
    reasons: z.array(z.string()).describe('phone, email and/or name'),
  })
  .meta({ id: 'CustomerDuplicateCandidate' });

/**
 * Duplicates and merge: /api/v1/customers/:id/duplicates and /api/v1/customers/:id/merge.
 * A merged-away customer answers 404 `customers.not_found` everywhere, like one out of scope.
 */
export const customerMergeRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  const tags = ['customers'];

  app.get(
    '/:id/duplicates',
    {
      config: { access: 'customers.read' },
      schema: {
        tags,
        summary: 'Possible duplicates of the customer (same phone or e-mail, similar name), within the caller’s scope',
        params: CustomerIdParamsSchema,
        response: { 200: z.object({ items: z.array(DuplicateCandidateSchema) }), ...problems },
      },
    },
    async (request) => service.listDuplicates(deps, actorContext(request).actor, request.params.id),
  );

  app.post(
    '/:id/merge',
    {
      config: { access: 'customers.merge' },
      schema: {
        tags,
        summary:
          'Merge the customer `sourceId` into this one (contacts, staff, timeline, milestones, orders, figures, evaluations); the source disappears',
        params: CustomerIdParamsSchema,
        body: z.strictObject({ sourceId: z.uuid() }),
        response: { 200: CustomerSchema, ...problems },
      },
    },
    async (request) => service.mergeCustomers(deps, actorContext(request), request.params.id, request.body.sourceId),
  );
};
