import { errorMessage } from '@kefu/shared';
import type PgBoss from 'pg-boss';
import type { Logger } from 'pino';
import type { Database } from '../db/client.js';
import { jobRuns } from '../db/schema/system.js';
import type { Deps } from '../lib/deps.js';
import type { JobDefinition } from './definition.js';
import { type ActiveJob, JobLeases } from './leases.js';

/** What one sweep did: jobs failed as interrupted, and jobs found done (their effects had committed). */
export type SweepOutcome = { failed: string[]; completed: string[] };

const NOT_SETTLED = Symbol('not settled');

/**
 * Settles an abandoned job's exactly-once marker. In one transaction: insert the job's `job_runs`
 * marker; if it is already there, the dead worker had committed its effects and only the
 * acknowledgement was lost (→ `true`, complete the job). Otherwise a definition with `onAbandoned`
 * records the interruption on its own records, and the marker stays, so that no later delivery of
 * this job runs it again; one without rolls the marker back, so that pg-boss's retry runs it in full.
 * On PostgreSQL the insert waits for a transaction that still holds the marker (a frozen worker).
 */
async function settle(database: Database, deps: Deps, definition: JobDefinition, job: ActiveJob): Promise<boolean> {
  if (definition.transaction === false) return false;
  let committed = false;
  try {
    await database.db.transaction(async (tx) => {
      const claimed = await tx
        .insert(jobRuns)
        .values({ jobId: job.id, name: job.name })
        .onConflictDoNothing()
        .returning({ jobId: jobRuns.jobId });
      if (claimed.length === 0) {
        committed = true;
        return;
      }
      const parsed = definition.schema.safeParse(job.data ?? {});
      if (!definition.onAbandoned || !parsed.success) throw NOT_SETTLED;
      await definition.onAbandoned({ data: parsed.data, jobId: job.id, tx, deps });
    });
  } catch (error) {
    if (error !== NOT_SETTLED) throw error;
  }
  return committed;
}

/**
 * Finds active jobs whose worker is gone (see `JobLeases.abandoned`) and settles each exactly once
 * across instances (the lease is claimed first): a job whose effects had committed is completed;
 * any other is failed with `jobs.interrupted`, which pg-boss turns into a retry while the job has
 * retries left. A job whose worker is alive — on this host or, by its heartbeat, elsewhere — is
 * left alone. Runs at start and every few seconds (jobs/runner.ts).
 */
export async function sweepAbandonedJobs(args: {
  boss: PgBoss;
  database: Database;
  deps: Deps;
  definitions: Map<string, JobDefinition>;
  leases: JobLeases;
  logger: Logger;
}): Promise<SweepOutcome> {
  const { boss, database, deps, definitions, leases, logger } = args;
  const outcome: SweepOutcome = { failed: [], completed: [] };
  const jobs = await leases.activeJobs([...definitions.keys()]);
  for (const job of jobs) {
    const definition = definitions.get(job.name);
    const { abandoned, ownerDead } = JobLeases.abandoned(job);
    if (!definition || !abandoned || !(await leases.claim(job, ownerDead))) continue;
    try {
      if (await settle(database, deps, definition, job)) {
        await boss.complete(job.name, job.id, { recovered: 'effects committed before the worker stopped' });
        outcome.completed.push(job.id);
      } else {
        const message = errorMessage('jobs.interrupted', 'en');
        await boss.fail(job.name, job.id, { code: 'jobs.interrupted', message });
        outcome.failed.push(job.id);
      }
      logger.warn({ job: job.name, jobId: job.id, owner: job.owner }, 'settled a job abandoned by a stopped worker');
    } catch (error) {
      logger.warn({ err: error, job: job.name, jobId: job.id }, 'could not settle an abandoned job; next sweep');
    } finally {
      await leases.release([job.id]);
    }
  }
  return outcome;
}
