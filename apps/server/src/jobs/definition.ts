import type { z } from 'zod';
import type { Tx } from '../db/client.js';
import type { Deps } from '../lib/deps.js';

export type JobHandlerArgs<T> = {
  data: T;
  jobId: string;
  tx: Tx;
  deps: Deps;
  /** Runs `fn` once the handler's transaction has committed (e.g. `deps.bus.emit`); never on rollback. */
  afterCommit(fn: () => void): void;
};

/**
 * A background job, declared once: a queue name, a zod schema for its data, a handler, and
 * optionally a cron schedule (Asia/Shanghai unless configured). The handler runs inside a
 * transaction together with the job's completion marker, so its database effects happen exactly
 * once even when a worker dies after committing and the queue delivers the job again.
 */
export type JobDefinition<S extends z.ZodType = z.ZodType> = {
  name: string;
  schema: S;
  retryLimit?: number;
  retryDelaySeconds?: number;
  expireInSeconds?: number;
  /** Jobs fetched per round trip (default 1); a full batch is followed at once by the next fetch. */
  batchSize?: number;
  cron?: string;
  handler(args: JobHandlerArgs<z.infer<S>>): Promise<void>;
};

export function defineJob<S extends z.ZodType>(definition: JobDefinition<S>): JobDefinition<S> {
  return definition;
}
