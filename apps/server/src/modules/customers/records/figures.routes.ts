import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../../lib/deps.js';
import { problems } from '../../../lib/route-helpers.js';
import { actorContext } from '../../../plugins/auth.js';
import { CustomerIdParamsSchema } from '../archive/customers.schemas.js';
import * as service from './figures.service.js';

const PAYMENT_RECORDS = ['on_time', 'mostly_on_time', 'late', 'defaulted'] as const;

const FiguresInputSchema = z.strictObject({
  year: z.number().int().min(1900).max(2200),
  revenue: z.number().nonnegative().max(1e13).nullable().optional(),
  orderCount: z.number().int().nonnegative().max(1e9).nullable().optional(),
  paymentRecord: z.enum(PAYMENT_RECORDS).nullable().optional(),
  notes: z.string().trim().max(2000).nullable().optional(),
});

const FiguresSchema = z
  .object({
    year: z.number().int(),
    revenue: z.number().nullable(),
    orderCount: z.number().int().nullable(),
    paymentRecord: z.enum(PAYMENT_RECORDS).nullable(),
    notes: z.string().nullable(),
  })
  .meta({ id: 'CustomerBusinessFigures' });

const FiguresListSchema = z.object({ items: z.array(FiguresSchema) });

/** Yearly business figures of one customer: /api/v1/customers/:id/figures. */
export const customerFiguresRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  const tags = ['customers'];

  app.get(
    '/:id/figures',
    {
      config: { access: 'customers.read' },
      schema: {
        tags,
        operationId: 'listCustomerFigures',
        summary: 'Yearly business figures, latest year first',
        params: CustomerIdParamsSchema,
        response: { 200: FiguresListSchema, ...problems },
      },
    },
    async (request) => service.getFigures(deps, actorContext(request), request.params.id),
  );

  app.put(
    '/:id/figures',
    {
      config: { access: 'customers.write' },
      schema: {
        tags,
        operationId: 'setCustomerFigures',
        summary: 'Record the figures of one or more years (each given year replaced; others kept)',
        params: CustomerIdParamsSchema,
        body: z.strictObject({ items: z.array(FiguresInputSchema).min(1).max(50) }),
        response: { 200: FiguresListSchema, ...problems },
      },
    },
    async (request) => service.putFigures(deps, actorContext(request), request.params.id, request.body.items),
  );
};
