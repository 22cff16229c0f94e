import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../../lib/deps.js';
import { NoContent, problems } from '../../../lib/route-helpers.js';
import { actorContext } from '../../../plugins/auth.js';
import {
  CreatePolicyBodySchema,
  IdParamsSchema,
  PolicyListSchema,
  PolicyMatrixSchema,
  PolicySchema,
  UpdatePolicyBodySchema,
  VersionQuerySchema,
} from './policies.schemas.js';
import * as service from './policies.service.js';

/** SLA policies (the policy matrix): /api/v1/sla/policies/… */
export const slaPoliciesRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  app.get(
    '/policies',
    {
      config: { access: 'sla.read' },
      schema: {
        operationId: 'listSlaPolicies',
        summary: 'SLA policies: a target per metric for tickets of a type × priority × customer grade (× team)',
        response: { 200: PolicyListSchema, ...problems },
      },
    },
    async (request) => service.listPolicies(deps, request.locale),
  );

  app.get(
    '/policies/matrix',
    {
      config: { access: 'sla.read' },
      schema: {
        operationId: 'getSlaPolicyMatrix',
        summary: 'For each ticket type × priority (× customer grade), the policy each metric resolves to',
        response: { 200: PolicyMatrixSchema, ...problems },
      },
    },
    async (request) => service.policyMatrix(deps, request.locale),
  );

  app.post(
    '/policies',
    {
      config: { access: 'sla.manage' },
      schema: {
        operationId: 'createSlaPolicy',
        summary: 'Add an SLA policy (open clocks are recomputed)',
        body: CreatePolicyBodySchema,
        response: { 201: PolicySchema, ...problems },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await service.createPolicy(deps, actorContext(request), request.body)),
  );

  app.patch(
    '/policies/:id',
    {
      config: { access: 'sla.manage' },
      schema: {
        operationId: 'updateSlaPolicy',
        summary: 'Edit an SLA policy (409 when `version` is stale; open clocks are recomputed)',
        params: IdParamsSchema,
        body: UpdatePolicyBodySchema,
        response: { 200: PolicySchema, ...problems },
      },
    },
    async (request) => service.updatePolicy(deps, actorContext(request), request.params.id, request.body),
  );

  app.delete(
    '/policies/:id',
    {
      config: { access: 'sla.manage' },
      schema: {
        operationId: 'deleteSlaPolicy',
        summary: 'Delete an SLA policy (409 when `version` is given and stale)',
        params: IdParamsSchema,
        querystring: VersionQuerySchema,
        response: { 204: NoContent, ...problems },
      },
    },
    async (request, reply) => {
      await service.deletePolicy(deps, actorContext(request), request.params.id, request.query.version);
      return reply.status(204).send(null);
    },
  );
};
