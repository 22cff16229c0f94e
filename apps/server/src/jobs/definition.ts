import type { z } from 'zod';
import type { Tx } from '../db/client.js';
import type { Deps } from '../lib/deps.js';

export type JobHandlerArgs<T> = { data: T; jobId: string; tx: Tx; deps: Deps };

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
  /**
   * Jobs a worker fetches per poll (default 1). pg-boss polls at most once per polling interval
   * while the previous fetch is processed, so a high-volume queue needs a batch to keep up.
   */
  batchSize?: number;
  cron?: string;
  handler(args: JobHandlerArgs<z.infer<S>>): Promise<void>;
};

export function defineJob<S extends z.ZodType>(definition: JobDefinition<S>): JobDefinition<S> {
  return definition;
}
