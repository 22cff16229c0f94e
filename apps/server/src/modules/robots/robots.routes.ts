import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../lib/deps.js';
import { NoContent, problems } from '../../lib/route-helpers.js';
import { actorContext } from '../../plugins/auth.js';
import {
  CreateRobotBodySchema,
  RobotDeliveriesQuerySchema,
  RobotDeliveryPageSchema,
  RobotIdParamsSchema,
  RobotSchema,
  RobotTestResultSchema,
  UpdateRobotBodySchema,
} from './robots.schemas.js';
import * as service from './robots.service.js';

const ACCESS = 'notifications.manage';

/** Work-chat group robots (WeCom, DingTalk, Feishu): /api/v1/robots. */
export const robotsRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  app.get(
    '',
    {
      config: { access: ACCESS },
      schema: {
        tags: ['robots'],
        operationId: 'listRobots',
        summary: 'Every work-chat robot (secrets are never answered: `hasSecret`)',
        response: { 200: z.object({ items: z.array(RobotSchema) }), ...problems },
      },
    },
    async () => service.listRobots(deps),
  );

  app.post(
    '',
    {
      config: { access: ACCESS },
      schema: {
        tags: ['robots'],
        operationId: 'createRobot',
        summary:
          'Add a WeCom, DingTalk or Feishu group robot; its URL must not lead to a private address (unless KEFU_WEBHOOK_ALLOW_PRIVATE)',
        body: CreateRobotBodySchema,
        response: { 201: RobotSchema, ...problems },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await service.createRobot(deps, actorContext(request), request.body)),
  );

  app.get(
    '/:id',
    {
      config: { access: ACCESS },
      schema: {
        tags: ['robots'],
        operationId: 'getRobot',
        summary: 'One robot',
        params: RobotIdParamsSchema,
        response: { 200: RobotSchema, ...problems },
      },
    },
    async (request) => service.getRobot(deps, request.params.id),
  );

  app.patch(
    '/:id',
    {
      config: { access: ACCESS },
      schema: {
        tags: ['robots'],
        operationId: 'updateRobot',
        summary: 'Change a robot: name, URL, secret (null removes it), topics, mentions, format, language, enabled',
        params: RobotIdParamsSchema,
        body: UpdateRobotBodySchema,
        response: { 200: RobotSchema, ...problems },
      },
    },
    async (request) => service.updateRobot(deps, actorContext(request), request.params.id, request.body),
  );

  app.delete(
    '/:id',
    {
      config: { access: ACCESS },
      schema: {
        tags: ['robots'],
        operationId: 'deleteRobot',
        summary: 'Remove a robot (its delivery log stays)',
        params: RobotIdParamsSchema,
        response: { 204: NoContent, ...problems },
      },
    },
    async (request, reply) => {
      await service.deleteRobot(deps, actorContext(request), request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/:id/test',
    {
      config: { access: ACCESS },
      schema: {
        tags: ['robots'],
        operationId: 'testRobot',
        summary: 'Send a test message now and answer what the vendor said (the message is in the delivery log)',
        params: RobotIdParamsSchema,
        response: { 200: RobotTestResultSchema, ...problems },
      },
    },
    async (request) => service.testRobot(deps, actorContext(request), request.params.id),
  );

  app.get(
    '/:id/deliveries',
    {
      config: { access: ACCESS },
      schema: {
        tags: ['robots'],
        operationId: 'listRobotDeliveries',
        summary: 'The robot’s messages in the delivery log, newest first',
        params: RobotIdParamsSchema,
        querystring: RobotDeliveriesQuerySchema,
        response: { 200: RobotDeliveryPageSchema, ...problems },
      },
    },
    async (request) => service.robotDeliveries(deps, request.params.id, request.query),
  );
};
