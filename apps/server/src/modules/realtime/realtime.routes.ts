import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../lib/app-error.js';
import { problems } from '../../lib/route-helpers.js';
import { actorContext } from '../../plugins/auth.js';
import type { RealtimeHub } from './realtime.hub.js';
import { credentialOf } from './realtime.identity.js';

const HEARTBEAT_MS = 25_000;

export const realtimeRoutes: FastifyPluginAsyncZod<{ hub: RealtimeHub }> = async (app, { hub }) => {
  app.get(
    '/stream',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['realtime'],
        operationId: 'streamRealtimeEvents',
        summary:
          "Server-sent events: domain events (names and ids) about records within the caller's permissions and data scope, as they happen, across all instances",
        response: { 200: z.any().describe('text/event-stream'), ...problems },
      },
    },
    async (request, reply) => {
      const { actor } = actorContext(request);
      const credential = credentialOf(request, actor);
      if (!credential) throw new AppError('unauthenticated', 401);
      reply.hijack();
      const res = reply.raw;
      let closed = false;
      let detach = () => {};
      // A comment line keeps proxies from closing an idle stream; per connection, not a job system.
      let heartbeat: NodeJS.Timeout | undefined;
      request.raw.on('close', () => {
        closed = true;
        clearInterval(heartbeat);
        detach();
      });
      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      });
      let attached: () => void;
      try {
        attached = await hub.attach(actor, credential, res);
      } catch (error) {
        request.log.error({ err: error }, 'realtime: could not open the stream');
        res.end();
        return;
      }
      if (closed) return attached();
      detach = attached;
      res.write(`retry: 3000\nevent: ready\ndata: {"userId":"${actor.userId}"}\n\n`);
      heartbeat = setInterval(() => res.write(': ping\n\n'), HEARTBEAT_MS);
    },
  );
};
