import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { customerImports } from '../../../db/schema/index.js';
import { defineJob } from '../../../jobs/definition.js';
import type { Deps } from '../../../lib/deps.js';
import { failInterruptedRun } from './import.repository.js';
import { emitFinished, executeImport, IMPORT_JOB } from './import.service.js';

const FINAL = new Set(['validated', 'completed', 'rejected', 'failed']);

/**
 * Emits the "finished" events once the job's transaction has committed. The handler has written
 * the import row in that transaction, so a `FOR SHARE` read of it from outside waits until the
 * commit (PostgreSQL: row lock; PGlite: its single connection) and then sees the final status.
 */
function emitAfterCommit(deps: Deps, importId: string): void {
  void deps.database.db
    .select()
    .from(customerImports)
    .where(eq(customerImports.id, importId))
    .for('share')
    .then(([row]) => {
      if (row && FINAL.has(row.status)) emitFinished(deps, row);
    })
    .catch(() => {}); // the app is closing; clients still see the status with GET
}

/** A large customer import (see import.service.ts), run in the job's exactly-once transaction. */
export const importCustomersJob = defineJob({
  name: IMPORT_JOB,
  schema: z.object({
    importId: z.uuid(),
    context: z.object({
      actor: z.object({ userId: z.uuid(), username: z.string(), displayName: z.string() }),
      ip: z.string().nullable(),
      userAgent: z.string().nullable(),
      requestId: z.string(),
      locale: z.enum(['zh-CN', 'en']),
    }),
  }),
  // Never retried: a run that fails, or is interrupted (onAbandoned), is recorded as `failed` on
  // the import and re-run by its user. The expiry bounds a live run: the largest import allowed
  // (200,000 rows) at ~2,000 rows/s takes under 2 minutes; 30 leaves room for a loaded machine.
  retryLimit: 0,
  expireInSeconds: 30 * 60,
  async handler({ data, jobId, tx, deps }) {
    const outcome = await executeImport(deps, tx, data.importId, data.context, jobId);
    if (outcome) emitAfterCommit(deps, data.importId);
  },
  // The worker stopped mid-run: every row it wrote rolled back; say so on the import, which its
  // user can run again (POST /customer-imports/:id/run).
  async onAbandoned({ data, jobId, tx, deps, afterCommit }) {
    const row = await failInterruptedRun(tx, data.importId, jobId);
    if (row) afterCommit(() => emitFinished(deps, row));
  },
});
