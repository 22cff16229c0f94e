import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../../lib/deps.js';
import { problems } from '../../../lib/route-helpers.js';
import { actorContext } from '../../../plugins/auth.js';
import {
  AgentListSchema,
  AgentSchema,
  AgentUserParamsSchema,
  ListAgentsQuerySchema,
  MyStatusBodySchema,
  UpdateAgentBodySchema,
} from './agents.schemas.js';
import * as service from './agents.service.js';

/**
 * Agents' availability and skills for assignment, under /api/v1/agents. Every agent sets their
 * own status; a supervisor (tickets.assign) sets the status and skills of agents in their scope.
 */
export const agentsRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  const tags = ['agents'];

  app.get(
    '',
    {
      config: { access: 'tickets.read' },
      schema: {
        tags,
        operationId: 'listAgents',
        summary: 'People who can work on tickets, in the caller’s scope: status, skills, open tickets, load',
        querystring: ListAgentsQuerySchema,
        response: { 200: AgentListSchema, ...problems },
      },
    },
    async (request) => service.listAgents(deps, actorContext(request).actor, request.query),
  );

  app.put(
    '/me/status',
    {
      config: { access: 'tickets.write' },
      schema: {
        tags,
        operationId: 'setMyAgentStatus',
        summary: 'Go on shift, away or off (automatic assignment picks agents on shift only)',
        body: MyStatusBodySchema,
        response: { 200: AgentSchema, ...problems },
      },
    },
    async (request) => service.setMyStatus(deps, actorContext(request), request.body.status),
  );

  app.put(
    '/:userId',
    {
      config: { access: 'tickets.assign' },
      schema: {
        tags,
        operationId: 'updateAgent',
        summary: 'Set an agent’s status and/or skills (the agent must be in the caller’s scope)',
        params: AgentUserParamsSchema,
        body: UpdateAgentBodySchema,
        response: { 200: AgentSchema, ...problems },
      },
    },
    async (request) => service.updateAgent(deps, actorContext(request), request.params.userId, request.body),
  );
};
