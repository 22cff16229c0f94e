import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { defineJob } from '../../jobs/definition.js';

/**
 * Nightly ANALYZE, so the query planner has fresh statistics. PostgreSQL's autovacuum does this
 * by itself; embedded PGlite runs no autovacuum daemon and would otherwise never gather any.
 */
export const analyzeDatabase = defineJob({
  name: 'maintenance.analyze',
  schema: z.object({}),
  cron: '40 3 * * *',
  expireInSeconds: 30 * 60,
  async handler({ tx, deps }) {
    if (deps.database.kind === 'pglite') await tx.execute(sql`ANALYZE`);
  },
});
