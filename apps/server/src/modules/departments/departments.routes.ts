import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../lib/deps.js';
import { NoContent, problems } from '../../lib/route-helpers.js';
import { actorContext } from '../../plugins/auth.js';
import {
  CreateDepartmentBodySchema,
  DepartmentIdParamsSchema,
  DepartmentSchema,
  UpdateDepartmentBodySchema,
} from './departments.schemas.js';
import * as service from './departments.service.js';

export const departmentsRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  app.get(
    '',
    {
      config: { access: 'departments.read' },
      schema: {
        tags: ['departments'],
        operationId: 'listDepartments',
        summary: 'List all departments (flat; parentId builds the tree)',
        response: { 200: z.object({ items: z.array(DepartmentSchema) }), ...problems },
      },
    },
    async () => service.listDepartments(deps),
  );

  app.post(
    '',
    {
      config: { access: 'departments.write' },
      schema: {
        tags: ['departments'],
        operationId: 'createDepartment',
        summary: 'Create a department',
        body: CreateDepartmentBodySchema,
        response: { 201: DepartmentSchema, ...problems },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await service.createDepartment(deps, actorContext(request), request.body)),
  );

  app.patch(
    '/:id',
    {
      config: { access: 'departments.write' },
      schema: {
        tags: ['departments'],
        operationId: 'updateDepartment',
        summary: 'Update a department',
        params: DepartmentIdParamsSchema,
        body: UpdateDepartmentBodySchema,
        response: { 200: DepartmentSchema, ...problems },
      },
    },
    async (request) => service.updateDepartment(deps, actorContext(request), request.params.id, request.body),
  );

  app.delete(
    '/:id',
    {
      config: { access: 'departments.write' },
      schema: {
        tags: ['departments'],
        operationId: 'deleteDepartment',
        summary: 'Delete an empty department',
        params: DepartmentIdParamsSchema,
        response: { 204: NoContent, ...problems },
      },
    },
    async (request, reply) => {
      await service.deleteDepartment(deps, actorContext(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
};
