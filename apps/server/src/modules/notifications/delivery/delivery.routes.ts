import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../../lib/deps.js';
import { problems } from '../../../lib/route-helpers.js';
import { actorContext } from '../../../plugins/auth.js';
import {
  DeliveriesPageSchema,
  DeliveryDetailSchema,
  DeliveryIdParamsSchema,
  ListDeliveriesQuerySchema,
} from './delivery.schemas.js';
import * as service from './delivery.service.js';

const tags = ['notifications'];
const access = 'notifications.manage' as const;

/** The delivery log and dead letters: /api/v1/notification-deliveries */
export const deliveryRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  app.get(
    '/',
    {
      config: { access },
      schema: {
        tags,
        operationId: 'listNotificationDeliveries',
        summary: 'E-mail, SMS and robot messages, newest first (status=dead: the dead letters)',
        querystring: ListDeliveriesQuerySchema,
        response: { 200: DeliveriesPageSchema, ...problems },
      },
    },
    async (request) => service.listDeliveriesRead(deps, actorContext(request), request.query),
  );
  app.get(
    '/:id',
    {
      config: { access },
      schema: {
        tags,
        operationId: 'getNotificationDelivery',
        summary: 'A message with every try: request, response, error',
        params: DeliveryIdParamsSchema,
        response: { 200: DeliveryDetailSchema, ...problems },
      },
    },
    async (request) => service.readDelivery(deps, actorContext(request), request.params.id),
  );
  app.post(
    '/:id/resend',
    {
      config: { access },
      schema: {
        tags,
        operationId: 'resendNotificationDelivery',
        summary: 'Send a message again (its tries counted from zero)',
        params: DeliveryIdParamsSchema,
        response: { 200: DeliveryDetailSchema, ...problems },
      },
    },
    async (request) => service.resendDelivery(deps, actorContext(request), request.params.id),
  );
};
