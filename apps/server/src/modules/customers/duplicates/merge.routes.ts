import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../../lib/deps.js';
import { problems } from '../../../lib/route-helpers.js';
import { actorContext } from '../../../plugins/auth.js';
import { CustomerIdParamsSchema, CustomerSchema, PHONE_PATTERN } from '../archive/customers.schemas.js';
import { requestCustomerAccess } from '../records/access-requests.js';
import * as service from './merge.service.js';

const DuplicateCandidateSchema = z
  .object({
    id: z.uuid(),
    code: z.string(),
    name: z.string(),
    reasons: z.array(z.string()).describe('phone, email and/or name'),
  })
  .meta({ id: 'CustomerDuplicateCandidate' });

/** A duplicate outside the caller's data scope: why it matched and whom to ask, never which customer. */
export const ElsewhereDuplicateSchema = z
  .object({
    reasons: z.array(z.enum(['phone', 'email'])),
    contacts: z.array(z.string()).describe('display names of the owner’s superior / department manager'),
  })
  .meta({ id: 'CustomerElsewhereDuplicate' });

const AccessRequestBodySchema = z
  .strictObject({
    phone: z.string().trim().max(32).regex(PHONE_PATTERN).nullable().optional(),
    email: z.email().max(254).nullable().optional(),
    note: z.string().trim().max(500).nullable().optional(),
  })
  .refine((b) => Boolean(b.phone || b.email), { message: 'phone or email is required', path: ['phone'] })
  .meta({ id: 'CustomerAccessRequestBody' });

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
        operationId: 'listCustomerDuplicates',
        summary:
          'Possible duplicates of the customer (same phone or e-mail, similar name) within the caller’s scope; same phone or e-mail outside it without identity (audited)',
        params: CustomerIdParamsSchema,
        response: {
          200: z.object({ items: z.array(DuplicateCandidateSchema), elsewhere: z.array(ElsewhereDuplicateSchema) }),
          ...problems,
        },
      },
    },
    async (request) => service.listDuplicates(deps, actorContext(request), request.params.id),
  );

  app.post(
    '/access-requests',
    {
      config: { access: 'customers.read' },
      schema: {
        tags,
        operationId: 'requestCustomerAccess',
        summary:
          'Ask the owner of a customer outside the caller’s scope (found by a duplicate warning: same phone or e-mail) to share it; notifies the owner and whom to ask, reveals nothing (audited)',
        body: AccessRequestBodySchema,
        response: { 202: z.object({ contacts: z.array(z.string()) }), ...problems },
      },
    },
    async (request, reply) =>
      reply.status(202).send(await requestCustomerAccess(deps, actorContext(request), request.body)),
  );

  app.post(
    '/:id/merge',
    {
      config: { access: 'customers.merge' },
      schema: {
        tags,
        operationId: 'mergeCustomer',
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
