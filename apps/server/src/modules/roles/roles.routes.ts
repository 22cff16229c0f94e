import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../lib/deps.js';
import { NoContent, problems } from '../../lib/route-helpers.js';
import { actorContext } from '../../plugins/auth.js';
import {
  CreateRoleBodySchema,
  PermissionSchema,
  RoleKeyParamsSchema,
  RoleSchema,
  UpdateRoleBodySchema,
} from './roles.schemas.js';
import * as service from './roles.service.js';

export const rolesRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  app.get(
    '/roles',
    {
      config: { access: 'roles.read' },
      schema: {
        tags: ['roles'],
        operationId: 'listRoles',
        summary: 'List roles with their permissions, data scope and user count',
        response: { 200: z.object({ items: z.array(RoleSchema) }), ...problems },
      },
    },
    async (request) => service.listRoles(deps, request.locale),
  );

  app.get(
    '/permissions',
    {
      config: { access: 'roles.read' },
      schema: {
        tags: ['roles'],
        operationId: 'listPermissions',
        summary: 'List every permission',
        response: { 200: z.object({ items: z.array(PermissionSchema) }), ...problems },
      },
    },
    async () => service.listPermissions(app.modules.permissions.keys()),
  );

  app.post(
    '/roles',
    {
      config: { access: 'roles.write' },
      schema: {
        tags: ['roles'],
        operationId: 'createRole',
        summary: 'Create a custom role',
        body: CreateRoleBodySchema,
        response: { 201: RoleSchema, ...problems },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await service.createRole(deps, actorContext(request), request.body)),
  );

  app.patch(
    '/roles/:key',
    {
      config: { access: 'roles.write' },
      schema: {
        tags: ['roles'],
        operationId: 'updateRole',
        summary: 'Change a role’s name, permissions or data scope',
        params: RoleKeyParamsSchema,
        body: UpdateRoleBodySchema,
        response: { 200: RoleSchema, ...problems },
      },
    },
    async (request) => service.updateRole(deps, actorContext(request), request.params.key, request.body),
  );

  app.delete(
    '/roles/:key',
    {
      config: { access: 'roles.write' },
      schema: {
        tags: ['roles'],
        operationId: 'deleteRole',
        summary: 'Delete an unused custom role',
        params: RoleKeyParamsSchema,
        response: { 204: NoContent, ...problems },
      },
    },
    async (request, reply) => {
      await service.deleteRole(deps, actorContext(request), request.params.key);
      return reply.status(204).send(null);
    },
  );
};
