import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../lib/deps.js';
import { NoContent, problems } from '../../lib/route-helpers.js';
import { actorContext } from '../../plugins/auth.js';
import {
  ListSavedViewsQuerySchema,
  SavedViewIdParamsSchema,
  SavedViewListSchema,
  SavedViewSchema,
  SaveViewBodySchema,
} from './saved-views.schemas.js';
import * as service from './saved-views.service.js';

/** Saved list views (filters) of the caller, and those others share: /api/v1/saved-views/… */
export const savedViewsRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  app.get(
    '',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['saved-views'],
        operationId: 'listSavedViews',
        summary: 'My saved views of a list, then the ones others share',
        querystring: ListSavedViewsQuerySchema,
        response: { 200: SavedViewListSchema, ...problems },
      },
    },
    async (request) => service.listSavedViews(deps, actorContext(request).actor, request.query.module),
  );

  app.post(
    '',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['saved-views'],
        operationId: 'saveView',
        summary: 'Save a view (one of my views with the same name and list is replaced)',
        body: SaveViewBodySchema,
        response: { 200: SavedViewSchema, 201: SavedViewSchema, ...problems },
      },
    },
    async (request, reply) => {
      const { created, view } = await service.saveView(deps, actorContext(request), request.body);
      return reply.status(created ? 201 : 200).send(view);
    },
  );

  app.delete(
    '/:id',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['saved-views'],
        operationId: 'deleteSavedView',
        summary: 'Delete one of my saved views',
        params: SavedViewIdParamsSchema,
        response: { 204: NoContent, ...problems },
      },
    },
    async (request, reply) => {
      await service.deleteView(deps, actorContext(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
};
