import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { migrationState } from '../../db/migrate.js';
import type { Deps } from '../../lib/deps.js';
import { ProblemSchema } from '../../plugins/error-handler.js';

const HealthSchema = z.object({
  status: z.enum(['ok', 'degraded']),
  version: z.string(),
  database: z.enum(['pglite', 'postgres']),
  migrations: z.object({ applied: z.number(), known: z.number(), latest: z.string().nullable(), pending: z.number() }),
  jobs: z.enum(['running', 'stopped']),
});

export const healthRoutes: FastifyPluginAsyncZod<{ deps: Deps; version: string }> = async (app, { deps, version }) => {
  app.get(
    '/health',
    {
      config: { access: 'public' },
      schema: {
        tags: ['system'],
        operationId: 'getHealth',
        summary: 'Liveness, database kind and migration state',
        response: { 200: HealthSchema, 503: ProblemSchema },
      },
    },
    async () => {
      const migrations = await migrationState(deps.database);
      return {
        status: migrations.pending === 0 ? ('ok' as const) : ('degraded' as const),
        version,
        database: deps.database.kind,
        migrations,
        jobs: deps.jobs.started ? ('running' as const) : ('stopped' as const),
      };
    },
  );
};
