import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../../lib/deps.js';
import { NoContent, problems } from '../../../lib/route-helpers.js';
import { actorContext } from '../../../plugins/auth.js';
import {
  PreviewSchema,
  PreviewTemplateSchema,
  TemplateKeyParamsSchema,
  TemplateSchema,
  UpdateTemplateSchema,
} from './templates.schemas.js';
import * as service from './templates.service.js';

const tags = ['notifications'];
const access = 'notifications.manage' as const;

/** Message templates per topic, channel and language: /api/v1/notification-templates */
export const templatesRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  app.get(
    '/',
    {
      config: { access },
      schema: {
        tags,
        operationId: 'listNotificationTemplates',
        summary: 'Every template in force (built-in or custom), with its variables',
        response: { 200: z.object({ items: z.array(TemplateSchema) }), ...problems },
      },
    },
    async () => service.listTemplates(deps),
  );
  app.post(
    '/preview',
    {
      config: { access },
      schema: {
        tags,
        operationId: 'previewNotificationTemplate',
        summary: 'A template filled with the sample values of its topic',
        body: PreviewTemplateSchema,
        response: { 200: PreviewSchema, ...problems },
      },
    },
    async (request) => service.previewTemplate(deps, request.body),
  );
  app.put(
    '/:topic/:channel/:locale',
    {
      config: { access },
      schema: {
        tags,
        operationId: 'updateNotificationTemplate',
        summary: 'Set the wording of a topic on a channel in a language',
        params: TemplateKeyParamsSchema,
        body: UpdateTemplateSchema,
        response: { 200: TemplateSchema, ...problems },
      },
    },
    async (request) => {
      const item = await service.putTemplate(deps, actorContext(request), request.params, request.body);
      if (!item) throw new Error('template vanished');
      return item;
    },
  );
  app.delete(
    '/:topic/:channel/:locale',
    {
      config: { access },
      schema: {
        tags,
        operationId: 'deleteNotificationTemplate',
        summary: 'Back to the built-in wording',
        params: TemplateKeyParamsSchema,
        response: { 204: NoContent, ...problems },
      },
    },
    async (request, reply) => {
      await service.deleteTemplate(deps, actorContext(request), request.params);
      return reply.status(204).send(null);
    },
  );
};
