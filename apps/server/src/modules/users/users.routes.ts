import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../lib/deps.js';
import { pageOf } from '../../lib/pagination.js';
import { NoContent, problems } from '../../lib/route-helpers.js';
import { actorContext } from '../../plugins/auth.js';
import {
  CreateUserBodySchema,
  ListUsersQuerySchema,
  ResetPasswordBodySchema,
  UpdateUserBodySchema,
  UserIdParamsSchema,
  UserSchema,
} from './users.schemas.js';
import * as service from './users.service.js';

export const usersRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  app.get(
    '',
    {
      config: { access: 'users.read' },
      schema: {
        tags: ['users'],
        operationId: 'listUsers',
        summary: 'List users in the caller’s data scope',
        querystring: ListUsersQuerySchema,
        response: { 200: pageOf(UserSchema), ...problems },
      },
    },
    async (request) => {
      const { page, pageSize, sort, ...filter } = request.query;
      return service.listUsers(deps, actorContext(request), filter, { page, pageSize, sort });
    },
  );

  app.post(
    '',
    {
      config: { access: 'users.write' },
      schema: {
        tags: ['users'],
        operationId: 'createUser',
        summary: 'Create a user',
        body: CreateUserBodySchema,
        response: { 201: UserSchema, ...problems },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await service.createUser(deps, actorContext(request), request.body)),
  );

  app.get(
    '/:id',
    {
      config: { access: 'users.read' },
      schema: {
        tags: ['users'],
        operationId: 'getUser',
        summary: 'Get a user',
        params: UserIdParamsSchema,
        response: { 200: UserSchema, ...problems },
      },
    },
    async (request) => service.getUser(deps, actorContext(request), request.params.id),
  );

  app.patch(
    '/:id',
    {
      config: { access: 'users.write' },
      schema: {
        tags: ['users'],
        operationId: 'updateUser',
        summary: 'Update a user',
        params: UserIdParamsSchema,
        body: UpdateUserBodySchema,
        response: { 200: UserSchema, ...problems },
      },
    },
    async (request) => service.updateUser(deps, actorContext(request), request.params.id, request.body),
  );

  app.post(
    '/:id/password',
    {
      config: { access: 'users.write' },
      schema: {
        tags: ['users'],
        operationId: 'setUserPassword',
        summary: 'Set a new password for a user',
        params: UserIdParamsSchema,
        body: ResetPasswordBodySchema,
        response: { 204: NoContent, ...problems },
      },
    },
    async (request, reply) => {
      await service.resetUserPassword(deps, actorContext(request), request.params.id, request.body.newPassword);
      return reply.status(204).send(null);
    },
  );
};
