import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../../lib/deps.js';
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

/**
 * Reference data of the customer archive: /api/v1/customer-settings/{categories,custom-fields,milestone-types}.
 * Everyone who reads customers reads these (forms need them); `customers.settings` edits them.
 * Every write is audited. DELETE removes an unused entry and deactivates one that is in use.
 */
export const customerSettingsRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  const tags = ['customer-settings'];

  app.get(
    '/categories',
    {
      config: read,
      schema: {
        tags,
        operationId: 'listCustomerCategories',
        summary: 'Customer categories (localized names)',
        querystring: ActiveOnlyQuerySchema,
        response: { 200: listOf(CategorySchema), ...problems },
      },
    },
    async (request) => service.listCategories(deps, request.locale, request.query.activeOnly),
  );

  app.post(
    '/categories',
    {
      config: write,
      schema: {
        tags,
        operationId: 'createCustomerCategory',
        summary: 'Add a customer category',
        body: CreateCategoryBodySchema,
        response: { 201: CategorySchema, ...problems },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await service.createCategory(deps, actorContext(request), request.body)),
  );

  app.patch(
    '/categories/:key',
    {
      config: write,
      schema: {
        tags,
        operationId: 'updateCustomerCategory',
        summary: 'Change a customer category',
        params: SettingKeyParamsSchema,
        body: UpdateCategoryBodySchema,
        response: { 200: CategorySchema, ...problems },
      },
    },
    async (request) => service.updateCategory(deps, actorContext(request), request.params.key, request.body),
  );

  app.delete(
    '/categories/:key',
    {
      config: write,
      schema: {
        tags,
        operationId: 'deleteCustomerCategory',
        summary: 'Delete a category, or deactivate it when customers have it',
        params: SettingKeyParamsSchema,
        response: { 200: SettingDeleteResultSchema, ...problems },
      },
    },
    async (request) => service.deleteCategory(deps, actorContext(request), request.params.key),
  );

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

  app.get(
    '/milestone-types',
    {
      config: read,
      schema: {
        tags,
        operationId: 'listMilestoneTypes',
        summary: 'Milestone types (localized names)',
        querystring: ActiveOnlyQuerySchema,
        response: { 200: listOf(MilestoneTypeSchema), ...problems },
      },
    },
    async (request) => service.listMilestoneTypes(deps, request.locale, request.query.activeOnly),
  );

  app.post(
    '/milestone-types',
    {
      config: write,
      schema: {
        tags,
        operationId: 'createMilestoneType',
        summary: 'Add a milestone type',
        body: CreateMilestoneTypeBodySchema,
        response: { 201: MilestoneTypeSchema, ...problems },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await service.createMilestoneType(deps, actorContext(request), request.body)),
  );

  app.patch(
    '/milestone-types/:key',
    {
      config: write,
      schema: {
        tags,
        operationId: 'updateMilestoneType',
        summary: 'Change a milestone type',
        params: SettingKeyParamsSchema,
        body: UpdateMilestoneTypeBodySchema,
        response: { 200: MilestoneTypeSchema, ...problems },
      },
    },
    async (request) => service.updateMilestoneType(deps, actorContext(request), request.params.key, request.body),
  );

  app.delete(
    '/milestone-types/:key',
    {
      config: write,
      schema: {
        tags,
        operationId: 'deleteMilestoneType',
        summary: 'Delete a milestone type, or deactivate it when in use',
        params: SettingKeyParamsSchema,
        response: { 200: SettingDeleteResultSchema, ...problems },
      },
    },
    async (request) => service.deleteMilestoneType(deps, actorContext(request), request.params.key),
  );
};
