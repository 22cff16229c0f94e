import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../../lib/deps.js';
import { NoContent, problems } from '../../../lib/route-helpers.js';
import { actorContext } from '../../../plugins/auth.js';
import {
  ListMyNotificationsQuerySchema,
  MyNotificationsPageSchema,
  NotificationIdParamsSchema,
} from './inbox.schemas.js';
import * as service from './inbox.service.js';

/** The caller's own in-app notifications: /api/v1/notifications/… */
export const inboxRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  app.get(
    '/mine',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['notifications'],
        operationId: 'listMyNotifications',
        summary: 'My in-app notifications, newest first, with the unread count',
        querystring: ListMyNotificationsQuerySchema,
        response: { 200: MyNotificationsPageSchema, ...problems },
      },
    },
    async (request) => {
      const { unread, ...page } = request.query;
      const ctx = actorContext(request);
      return service.listMyNotifications(deps, ctx.actor, unread ?? false, page, ctx.locale);
    },
  );

  app.post(
    '/:id/read',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['notifications'],
        operationId: 'markNotificationRead',
        summary: 'Mark one of my notifications read',
        params: NotificationIdParamsSchema,
        response: { 204: NoContent, ...problems },
      },
    },
    async (request, reply) => {
      await service.markNotificationRead(deps, actorContext(request).actor, request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/read-all',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['notifications'],
        operationId: 'markAllNotificationsRead',
        summary: 'Mark all my notifications read',
        response: { 204: NoContent, ...problems },
      },
    },
    async (request, reply) => {
      await service.markAllNotificationsRead(deps, actorContext(request).actor);
      return reply.status(204).send(null);
    },
  );
};
