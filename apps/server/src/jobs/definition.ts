import type { z } from 'zod';
import type { Tx } from '../db/client.js';
import type { Deps } from '../lib/deps.js';

/** What every handler receives. */
export type JobContext<T> = {
  data: T;
  jobId: string;
  deps: Deps;
};

/**
 * What a transactional handler (the default) receives: its transaction, for its effects, the
 * events it records (`recordEvent(tx, …)`) and the jobs it sends (`deps.jobs.send(…, { tx })`).
 */
export type JobHandlerArgs<T> = JobContext<T> & { tx: Tx };

type JobOptions<S extends z.ZodType> = {
  name: string;
  schema: S;
  retryLimit?: number;
  retryDelaySeconds?: number;
  /**
   * The longest a live run may take (default 15 min), fitted to the work: a run past it is failed.
   * A run whose worker died is not waited out: the sweeper notices it within a minute by the
   * worker's lease (jobs/leases.ts), whatever the expiry.
   */
  expireInSeconds?: number;
  /** Jobs fetched per round trip (default 1); a full batch is followed at once by the next fetch. */
  batchSize?: number;
  cron?: string;
};

/**
 * The default: the handler runs inside a transaction together with the job's completion marker,
 * so its database effects happen exactly once even when a worker dies after committing and the
 * queue delivers the job again.
 */
export type TransactionalJobDefinition<S extends z.ZodType = z.ZodType> = JobOptions<S> & {
  transaction?: true;
  handler(args: JobHandlerArgs<z.infer<S>>): Promise<void>;
  /**
   * Called once when a run was abandoned — its worker stopped (crash, kill -9, lost host) before
   * the job's transaction committed, so every effect of the run rolled back — in a transaction
   * that also writes the job's marker: record the interruption on the job's own records (e.g. an
   * import marked failed, to be re-run by its user). The job is then failed with
   * `jobs.interrupted` and never runs again (give such a job `retryLimit: 0`). Without it, the
   * job is failed and pg-boss retries it while it has retries left (see jobs/sweeper.ts).
   */
  onAbandoned?(args: JobHandlerArgs<z.infer<S>>): Promise<void>;
};

/**
 * `transaction: false`: the handler runs outside any transaction (for statements that refuse one,
 * such as `VACUUM`) and gets no `tx`. No marker is written, so delivery is at least once: the
 * handler must be idempotent.
 */
export type NonTransactionalJobDefinition<S extends z.ZodType = z.ZodType> = JobOptions<S> & {
  transaction: false;
  handler(args: JobContext<z.infer<S>>): Promise<void>;
};

/**
 * A background job, declared once: a queue name, a zod schema for its data, a handler, and
 * optionally a cron schedule (Asia/Shanghai unless configured).
 */
export type JobDefinition<S extends z.ZodType = z.ZodType> =
  | TransactionalJobDefinition<S>
  | NonTransactionalJobDefinition<S>;

export function defineJob<S extends z.ZodType>(
  definition: NonTransactionalJobDefinition<S>,
): NonTransactionalJobDefinition<S>;
export function defineJob<S extends z.ZodType>(
  definition: TransactionalJobDefinition<S>,
): TransactionalJobDefinition<S>;
export function defineJob<S extends z.ZodType>(definition: JobDefinition<S>): JobDefinition<S> {
  return definition;
}
