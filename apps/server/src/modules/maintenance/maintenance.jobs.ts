import { z } from 'zod';
import { defineJob } from '../../jobs/definition.js';

/**
 * Nightly `VACUUM (ANALYZE)` on PGlite, which runs no autovacuum daemon: it removes dead rows,
 * sets the visibility map (the capped list counts rely on index-only scans) and gathers fresh
 * planner statistics. PostgreSQL's autovacuum does all of this by itself, so there the job does
 * nothing.
 *
 * VACUUM refuses to run in a transaction block, hence `transaction: false`; it is idempotent, so
 * at-least-once delivery is fine. PGlite has one connection, but its `exec` waits for the
 * transaction mutex, so the statement never lands inside another request's transaction; other
 * queries wait for it (seconds at 200,000 rows, see docs/benchmarks.md). The queue keeps its
 * first name, `maintenance.analyze`, which existing installations hold with its schedule.
 */
export const analyzeDatabase = defineJob({
  name: 'maintenance.analyze',
  schema: z.object({}),
  cron: '40 3 * * *',
  expireInSeconds: 30 * 60,
  transaction: false,
  async handler({ deps }) {
    if (deps.database.kind === 'pglite') await deps.database.executeSql('VACUUM (ANALYZE)');
  },
});
