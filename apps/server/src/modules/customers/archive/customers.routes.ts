import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { COUNT_LIMIT } from '../../../lib/capped-count.js';
import type { Deps } from '../../../lib/deps.js';
import { attachmentHeader } from '../../../lib/export.js';
import { pageOf } from '../../../lib/pagination.js';
import { problems } from '../../../lib/route-helpers.js';
import { actorContext } from '../../../plugins/auth.js';
import {
  CreateCustomerBodySchema,
  CustomerIdParamsSchema,
  CustomerListItemSchema,
  CustomerSchema,
  ListCustomersQuerySchema,
  UpdateCustomerBodySchema,
} from './customers.schemas.js';
import * as service from './customers.service.js';

/** Counting stops after COUNT_LIMIT rows: beyond, `total` is that limit and `totalExact` false. */
const CustomerListPageSchema = pageOf(CustomerListItemSchema).extend({
  totalExact: z
    .boolean()
    .describe(
      `false when more than ${COUNT_LIMIT.toLocaleString('en')} customers match: \`total\` is then ${COUNT_LIMIT} (counting stops there)`,
    ),
});

export const customersRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  app.get(
    '',
    {
      config: { access: 'customers.read' },
      schema: {
        tags: ['customers'],
        operationId: 'listCustomers',
        summary:
          'List customers in the caller’s data scope (search, filters incl. custom fields); each page is audited',
        querystring: ListCustomersQuerySchema,
        response: { 200: CustomerListPageSchema, ...problems },
      },
    },
    async (request) => {
      const { page, pageSize, sort, ...filter } = request.query;
      return service.listCustomers(deps, actorContext(request), filter, { page, pageSize, sort });
    },
  );

  app.get(
    '/export',
    {
      config: { access: 'customers.export' },
      schema: {
        tags: ['customers'],
        operationId: 'exportCustomers',
        summary:
          'Export the filtered list as CSV (UTF-8 BOM) or Excel (audited, with the ids of the customers exported)',
        querystring: ListCustomersQuerySchema.omit({ page: true, pageSize: true, sort: true }).extend({
          format: z.enum(['csv', 'xlsx']).default('xlsx'),
        }),
        response: { 200: z.any().describe('file'), ...problems },
      },
    },
    async (request, reply) => {
      const { format, ...filter } = request.query;
      const file = await service.exportCustomers(deps, actorContext(request), filter, format);
      return reply
        .header('content-type', file.contentType)
        .header('content-disposition', attachmentHeader(file.filename))
        .send(file.stream);
    },
  );

  app.post(
    '',
    {
      config: { access: 'customers.write' },
      schema: {
        tags: ['customers'],
        operationId: 'createCustomer',
        summary: 'Create a customer (with contacts and staff); 409 lists possible duplicates',
        body: CreateCustomerBodySchema,
        response: { 201: CustomerSchema, ...problems },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await service.createCustomer(deps, actorContext(request), request.body)),
  );

  app.get(
    '/:id',
    {
      config: { access: 'customers.read' },
      schema: {
        tags: ['customers'],
        operationId: 'getCustomer',
        summary: 'The customer file (each read is audited)',
        params: CustomerIdParamsSchema,
        response: { 200: CustomerSchema, ...problems },
      },
    },
    async (request) => service.getCustomer(deps, actorContext(request), request.params.id),
  );

  app.patch(
    '/:id',
    {
      config: { access: 'customers.write' },
      schema: {
        tags: ['customers'],
        operationId: 'updateCustomer',
        summary: 'Update a customer (optimistic locking by version)',
        params: CustomerIdParamsSchema,
        body: UpdateCustomerBodySchema,
        response: { 200: CustomerSchema, ...problems },
      },
    },
    async (request) => service.updateCustomer(deps, actorContext(request), request.params.id, request.body),
  );
};
