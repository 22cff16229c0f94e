import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problems } from '../../lib/route-helpers.js';
import { actorContext } from '../../plugins/auth.js';
import type { RealtimeHub } from './realtime.hub.js';

const HEARTBEAT_MS = 25_000;

export const realtimeRoutes: FastifyPluginAsyncZod<{ hub: RealtimeHub }> = async (app, { hub }) => {
  app.get(
    '/stream',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['realtime'],
        summary: 'Server-sent events: domain events (names and ids) as they happen, across all instances',
        response: { 200: z.any().describe('text/event-stream'), ...problems },
      },
    },
    async (request, reply) => {
      const { actor } = actorContext(request);
      reply.hijack();
      const res = reply.raw;
      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      });
      res.write(`retry: 3000\nevent: ready\ndata: {"userId":"${actor.userId}"}\n\n`);
      const detach = hub.attach(actor.userId, res);
      // A comment line keeps proxies from closing an idle stream; per connection, not a job system.
      const heartbeat = setInterval(() => res.write(': ping\n\n'), HEARTBEAT_MS);
      request.raw.on('close', () => {
        clearInterval(heartbeat);
        detach();
      });
    },
  );
};
