import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Tx } from '../../../db/client.js';
import { defineJob } from '../../../jobs/definition.js';
import { failInterruptedRun } from './import.repository.js';
import { executeImport, IMPORT_JOB, recordFinished } from './import.service.js';
import { customerImports } from './imports.tables.js';

const FINAL = new Set(['validated', 'completed', 'rejected', 'failed']);

/** Records the "finished" events in the job's transaction, with the status the run wrote in it. */
async function recordIfFinished(tx: Tx, importId: string): Promise<void> {
  const [row] = await tx.select().from(customerImports).where(eq(customerImports.id, importId));
  if (row && FINAL.has(row.status)) await recordFinished(tx, row);
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
    if (outcome) await recordIfFinished(tx, data.importId);
  },
  // The worker stopped mid-run: every row it wrote rolled back; say so on the import, which its
  // user can run again (POST /customer-imports/:id/run).
  async onAbandoned({ data, jobId, tx }) {
    const row = await failInterruptedRun(tx, data.importId, jobId);
    if (row) await recordFinished(tx, row);
  },
});
