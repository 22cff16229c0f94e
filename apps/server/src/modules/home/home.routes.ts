import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../lib/deps.js';
import { problems } from '../../lib/route-helpers.js';
import { actorContext } from '../../plugins/auth.js';
import { HomeSchema } from './home.schemas.js';
import { getHome } from './home.service.js';

/** The home page (工作台): GET /api/v1/home. */
export const homeRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  app.get(
    '',
    {
      config: { access: 'authenticated' },
      schema: {
        operationId: 'getHome',
        summary:
          'The caller’s home figures: agent, supervisor and manager sections, each present only when the caller’s permissions and data scope allow it, counted in the caller’s scope (docs/home.md)',
        response: { 200: HomeSchema, ...problems },
      },
    },
    async (request) => {
      const ctx = actorContext(request);
      return getHome(deps, ctx.actor, ctx.locale);
    },
  );
};
