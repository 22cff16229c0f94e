import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../lib/deps.js';
import { problems } from '../../lib/route-helpers.js';
import { actorContext } from '../../plugins/auth.js';
import { unlockUser } from './lockout.js';

export const UnlockResultSchema = z
  .object({ lockedAddresses: z.number().int().describe('How many client addresses were locked out and are now free') })
  .meta({ id: 'UnlockResult' });

/** `POST /api/v1/users/:id/unlock`: lifts a user's sign-in lockout (auth module, users URL space). */
export const accountUnlockRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  app.post(
    '/:id/unlock',
    {
      config: { access: 'users.write' },
      schema: {
        tags: ['users'],
        operationId: 'unlockUser',
        summary: 'Lift every sign-in lockout of a user (all client addresses) and forget the failures; audited',
        params: z.object({ id: z.uuid() }),
        response: { 200: UnlockResultSchema, ...problems },
      },
    },
    async (request) => unlockUser(deps, actorContext(request), request.params.id),
  );
};
