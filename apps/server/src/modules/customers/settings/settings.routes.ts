import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../../lib/deps.js';
import { keyedSettingsRoutes } from '../../../lib/keyed-settings-routes.js';
import { problems } from '../../../lib/route-helpers.js';
import { actorContext } from '../../../plugins/auth.js';
import {
  ActiveOnlyQuerySchema,
  CategorySchema,
  CreateCategoryBodySchema,
  CreateCustomFieldBodySchema,
  CreateMilestoneTypeBodySchema,
  CustomFieldSchema,
  MilestoneTypeSchema,
  SettingDeleteResultSchema,
  SettingKeyParamsSchema,
  UpdateCategoryBodySchema,
  UpdateCustomFieldBodySchema,
  UpdateMilestoneTypeBodySchema,
} from './settings.schemas.js';
import * as service from './settings.service.js';

const listOf = <T extends z.ZodTypeAny>(item: T) => z.object({ items: z.array(item) });
const read = { access: 'customers.read' } as const;
const write = { access: 'customers.settings' } as const;
const access = { read: read.access, write: write.access };
const keyed = { query: ActiveOnlyQuerySchema, params: SettingKeyParamsSchema, deleted: SettingDeleteResultSchema };

/**
 * Reference data of the customer archive: /api/v1/customer-settings/{categories,custom-fields,milestone-types}.
 * Everyone who reads customers reads these (forms need them); `customers.settings` edits them.
 * Every write is audited. DELETE removes an unused entry and deactivates one that is in use.
 */
export const customerSettingsRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  const tags = ['customer-settings'];

  keyedSettingsRoutes(app, deps, {
    path: '/categories',
    tags,
    access,
    schemas: { item: CategorySchema, create: CreateCategoryBodySchema, update: UpdateCategoryBodySchema, ...keyed },
    service: service.categorySettings,
    operations: {
      list: { operationId: 'listCustomerCategories', summary: 'Customer categories (localized names)' },
      create: { operationId: 'createCustomerCategory', summary: 'Add a customer category' },
      update: { operationId: 'updateCustomerCategory', summary: 'Change a customer category' },
      delete: {
        operationId: 'deleteCustomerCategory',
        summary: 'Delete a category, or deactivate it when customers have it',
      },
    },
  });

  app.get(
    '/custom-fields',
    {
      config: read,
      schema: {
        tags,
        operationId: 'listCustomFields',
        summary: 'Custom field definitions of customers, with usage counts',
        querystring: ActiveOnlyQuerySchema,
        response: { 200: listOf(CustomFieldSchema), ...problems },
      },
    },
    async (request) => service.listCustomFields(deps, request.locale, request.query.activeOnly),
  );

  app.post(
    '/custom-fields',
    {
      config: write,
      schema: {
        tags,
        operationId: 'createCustomField',
        summary: 'Define a custom field',
        body: CreateCustomFieldBodySchema,
        response: { 201: CustomFieldSchema, ...problems },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await service.createCustomField(deps, actorContext(request), request.body)),
  );

  app.patch(
    '/custom-fields/:key',
    {
      config: write,
      schema: {
        tags,
        operationId: 'updateCustomField',
        summary: 'Change a custom field (its type only while no customer has a value)',
        params: SettingKeyParamsSchema,
        body: UpdateCustomFieldBodySchema,
        response: { 200: CustomFieldSchema, ...problems },
      },
    },
    async (request) => service.updateCustomField(deps, actorContext(request), request.params.key, request.body),
  );

  app.delete(
    '/custom-fields/:key',
    {
      config: write,
      schema: {
        tags,
        operationId: 'deleteCustomField',
        summary: 'Delete a custom field, or deactivate it when customers have values',
        params: SettingKeyParamsSchema,
        response: { 200: SettingDeleteResultSchema, ...problems },
      },
    },
    async (request) => service.deleteCustomField(deps, actorContext(request), request.params.key),
  );

  keyedSettingsRoutes(app, deps, {
    path: '/milestone-types',
    tags,
    access,
    schemas: {
      item: MilestoneTypeSchema,
      create: CreateMilestoneTypeBodySchema,
      update: UpdateMilestoneTypeBodySchema,
      ...keyed,
    },
    service: service.milestoneTypeSettings,
    operations: {
      list: { operationId: 'listMilestoneTypes', summary: 'Milestone types (localized names)' },
      create: { operationId: 'createMilestoneType', summary: 'Add a milestone type' },
      update: { operationId: 'updateMilestoneType', summary: 'Change a milestone type' },
      delete: { operationId: 'deleteMilestoneType', summary: 'Delete a milestone type, or deactivate it when in use' },
    },
  });
};
